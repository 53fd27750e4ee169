import { STAFF_LANGUAGE, type BadgeNameLine, type BadgeText } from "@/app/_lib/badges";
import { htmlLang } from "@/app/_lib/i18n/locales";
import type { Badge } from "@/app/_server/check-in/badges";
import { roleStyles } from "../check-in/role-style";

type Props = { badge: Badge; text: BadgeText; qrLabel: string };

/** Chinese text (badges.css gives every line in it a CJK face, by its `lang`). */
const CJK = htmlLang.zh;

function NameLine({ line, className }: { line: BadgeNameLine; className: string }) {
  return (
    <p lang={line.lang} className={className}>
      {line.before && <span className="font-semibold">{line.before} </span>}
      {line.text}
      {line.after && <span className="text-[0.6em] font-semibold"> {line.after}</span>}
    </p>
  );
}

/**
 * One 90 × 55 mm badge in the delegate's own language (`badgeText`): the meeting, the name as they read
 * it large with its other script below, the position, the city in both scripts, the check-in QR code,
 * and the role as a coloured band that names it in their language and in English.
 */
export function BadgeCard({ badge, text, qrLabel }: Props) {
  const { name, place } = text;
  const long = name.primary.text.length + (name.primary.before?.length ?? 0) > 22;
  const primarySize = name.primary.lang === CJK ? "text-[20pt]" : long ? "text-[13pt]" : "text-[17pt]";
  return (
    <article
      lang={text.lang}
      className="badge flex flex-col bg-white text-slate-950"
      data-testid="badge"
      aria-label={name.primary.text}
    >
      <p className="truncate px-[4mm] pt-[3mm] text-[7pt] font-semibold tracking-wide text-slate-600">
        {text.meetingTitle}
      </p>
      <div className="flex min-h-0 flex-1 gap-[3mm] px-[4mm] pt-[1.5mm]">
        <div className="flex min-w-0 flex-1 flex-col">
          {text.honorific && (
            <p lang={text.honorific.lang} className="truncate text-[8pt] leading-tight text-slate-700">
              {text.honorific.text}
            </p>
          )}
          <NameLine line={name.primary} className={`break-words font-bold leading-[1.1] ${primarySize}`} />
          {name.secondary && (
            <NameLine
              line={name.secondary}
              className={`mt-[0.5mm] truncate leading-tight ${name.secondary.lang === CJK ? "text-[15pt]" : "text-[11pt]"}`}
            />
          )}
          {text.position && (
            <p
              lang={text.position.lang}
              className="mt-[1mm] line-clamp-2 text-[7.5pt] leading-tight text-slate-700"
            >
              {text.position.text}
            </p>
          )}
          <div className="mt-auto pb-[1.5mm]">
            <p lang={place.primary.lang} className="truncate text-[9pt] font-semibold leading-tight">
              {place.primary.text}
            </p>
            {place.secondary && (
              <p lang={place.secondary.lang} className="truncate text-[7.5pt] leading-tight text-slate-700">
                {place.secondary.text}
              </p>
            )}
          </div>
        </div>
        <div
          className="badge-qr w-[22mm] shrink-0 self-start"
          role="img"
          aria-label={qrLabel}
          dangerouslySetInnerHTML={{ __html: badge.qrSvg }}
        />
      </div>
      <p
        className={`h-[8mm] shrink-0 truncate px-[4mm] text-[9.5pt] font-bold leading-[8mm] ${roleStyles[badge.role].band}`}
        data-testid="badge-role"
      >
        {text.role.own}
        {text.role.staff && (
          <>
            {" · "}
            <span lang={htmlLang[STAFF_LANGUAGE]}>{text.role.staff}</span>
          </>
        )}
      </p>
    </article>
  );
}
