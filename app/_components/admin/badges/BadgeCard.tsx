import { htmlLang, type AppLocale } from "@/app/_lib/i18n/locales";
import { latinName } from "@/app/_lib/names";
import { placeNameWithChinese } from "@/app/_lib/places";
import type { Badge } from "@/app/_server/check-in/badges";
import { roleStyles } from "../check-in/role-style";

type Props = { badge: Badge; locale: AppLocale; meetingTitle: string; roleName: string; qrLabel: string };

/**
 * One 90 × 55 mm badge: the meeting, the name in Latin script large with the native script below, the
 * position, the city, the check-in QR code, and the role as a coloured band that also names it.
 */
export function BadgeCard({ badge, locale, meetingTitle, roleName, qrLabel }: Props) {
  const latin = latinName({ ...badge, honorific: undefined });
  return (
    <article className="badge flex flex-col bg-white text-slate-950" data-testid="badge" aria-label={latin}>
      <p className="truncate px-[4mm] pt-[3mm] text-[7pt] font-semibold uppercase tracking-wide text-slate-600">
        {meetingTitle}
      </p>
      <div className="flex min-h-0 flex-1 gap-[3mm] px-[4mm] pt-[1.5mm]">
        <div className="flex min-w-0 flex-1 flex-col">
          {badge.honorific && (
            <p className="truncate text-[8pt] leading-tight text-slate-700">{badge.honorific}</p>
          )}
          <p
            className={`break-words font-bold leading-[1.1] ${latin.length > 22 ? "text-[13pt]" : "text-[17pt]"}`}
          >
            {latin}
          </p>
          {badge.nativeName && (
            <p lang={htmlLang.zh} className="badge-native mt-[0.5mm] truncate text-[15pt] leading-tight">
              {badge.nativeName}
            </p>
          )}
          {badge.position && (
            <p className="mt-[1mm] line-clamp-2 text-[7.5pt] leading-tight text-slate-700">
              {badge.position}
            </p>
          )}
          <p className="mt-auto truncate pb-[1.5mm] text-[9pt] font-semibold">
            {placeNameWithChinese(badge, locale)}
          </p>
        </div>
        <div
          className="badge-qr w-[22mm] shrink-0 self-start"
          role="img"
          aria-label={qrLabel}
          dangerouslySetInnerHTML={{ __html: badge.qrSvg }}
        />
      </div>
      <p
        className={`h-[8mm] shrink-0 px-[4mm] text-[10pt] font-bold uppercase leading-[8mm] tracking-wide ${roleStyles[badge.role].band}`}
      >
        {roleName}
      </p>
    </article>
  );
}
