import { getTranslations } from "next-intl/server";
import { adminPaths } from "@/app/_lib/admin-paths";
import { Link } from "@/app/_lib/i18n/navigation";
import { htmlLang, type AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { latinName } from "@/app/_lib/names";
import { placeNameWithChinese } from "@/app/_lib/places";
import type { FormState } from "@/app/_lib/form-state";
import { formatLongDate, formatTimeRange } from "@/app/_lib/time";
import type { CheckInCard as Card } from "@/app/_server/check-in/queries";
import { checkInSentence } from "@/app/_server/check-in/wording";
import { CheckInButton } from "./CheckInButton";
import { RoleChip } from "./role-style";

type Props = {
  card: Card;
  locale: AppLocale;
  timeZone: string;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
};

/** One delegate as the desk needs them: who, from where, in which role, for what, with which needs. */
export async function CheckInCard({ card, locale, timeZone, action }: Props) {
  const [t, tr, tl] = await Promise.all([
    getTranslations("adminOnSite.checkIn"),
    getTranslations("roles"),
    getTranslations("languages"),
  ]);
  const needs: [string, string][] = [
    ...(card.interpretation.length > 0
      ? [
          [t("interpretation"), card.interpretation.map((language) => tl(language)).join(", ")] as [
            string,
            string,
          ],
        ]
      : []),
    ...(card.dietaryNeeds ? [[t("dietary"), card.dietaryNeeds] as [string, string]] : []),
    ...(card.accessibilityNeeds ? [[t("accessibility"), card.accessibilityNeeds] as [string, string]] : []),
  ];
  const statusTone = card.status === "confirmed" ? "text-emerald-800" : "text-red-800";
  return (
    <article
      aria-labelledby="card-name"
      data-testid="check-in-card"
      className="space-y-4 rounded-lg border-2 border-slate-300 bg-white p-4"
    >
      <header className="space-y-1">
        <h2 id="card-name" className="break-words text-2xl font-bold leading-tight">
          {[card.honorific, latinName({ ...card, honorific: undefined })].filter(Boolean).join(" ")}
        </h2>
        {/* As on the badge: the Latin name large in every language, the native name below it. */}
        {card.nativeName && (
          <p lang={htmlLang.zh} className="text-2xl">
            {card.nativeName}
          </p>
        )}
        {card.position && <p className="text-slate-700">{card.position}</p>}
      </header>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5">
        <dt className="font-semibold">{t("city")}</dt>
        <dd className="min-w-0 break-words">{placeNameWithChinese(card, locale)}</dd>
        {card.organization && (
          <>
            <dt className="font-semibold">{t("organization")}</dt>
            <dd className="min-w-0 break-words">{card.organization}</dd>
          </>
        )}
        <dt className="font-semibold">{t("role")}</dt>
        <dd>
          <RoleChip role={card.role} label={tr(card.role)} />
        </dd>
        <dt className="font-semibold">{t("status")}</dt>
        <dd className={`font-semibold ${statusTone}`} data-testid="check-in-status">
          {t(`statuses.${card.status}`)}
        </dd>
      </dl>
      <section className="space-y-1">
        <h3 className="font-semibold">{t("sessions")}</h3>
        {card.sessions.length === 0 ? (
          <p>{t("noSessions")}</p>
        ) : (
          <ul className="space-y-1">
            {card.sessions.map((seat) => (
              <li key={seat.sessionId} className="min-w-0 break-words">
                <span className="font-medium">{pick(seat.title, locale)}</span>
                <span className="text-slate-700">
                  {" "}
                  · {formatLongDate(seat.startsAt, timeZone, locale)},{" "}
                  {formatTimeRange(seat.startsAt, seat.endsAt, timeZone, locale)} ·{" "}
                  {seat.status === "confirmed" ? t("seat") : t("waitlisted", { position: seat.position })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="space-y-1">
        <h3 className="font-semibold">{t("needs")}</h3>
        {needs.length === 0 ? (
          <p>{t("noNeeds")}</p>
        ) : (
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            {needs.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-medium">{label}</dt>
                <dd className="min-w-0 break-words">{value}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      {card.status === "confirmed" && (
        // The badge of the person at the desk, in their language: printed here when it is missing or wrong.
        <p>
          <Link
            href={`${adminPaths.badges(card.meeting.slug)}?id=${card.id}`}
            className="inline-block py-2 font-medium text-brand-700 underline"
            data-testid="print-badge"
          >
            {t("printBadge")}
          </Link>
        </p>
      )}
      {card.status === "confirmed" ? (
        <CheckInButton
          key={card.id}
          action={action}
          meetingSlug={card.meeting.slug}
          registrationId={card.id}
          recorded={
            card.checkIn && checkInSentence(t, { result: "already", ...card.checkIn }, timeZone, locale)
          }
        />
      ) : (
        <p
          role="alert"
          className="rounded border border-red-300 bg-red-50 px-4 py-3 text-lg font-semibold text-red-900"
        >
          {t(`notConfirmed.${card.status}`)}
        </p>
      )}
    </article>
  );
}
