import { getTranslations } from "next-intl/server";
import { TimePair } from "@/app/_components/agenda/TimePair";
import { TitledSection } from "@/app/_components/layout/TitledSection";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { nameLine } from "@/app/_lib/names";
import { formatLongDate } from "@/app/_lib/time";
import type { RegistrationView } from "@/app/_server/registration/view";

type Props = { registration: RegistrationView; locale: AppLocale };

/** What the delegate registered with and the sessions they hold or wait for. */
export async function RegistrationSummary({ registration: r, locale }: Props) {
  const [t, tr, tl, tf, tc] = await Promise.all([
    getTranslations("manage"),
    getTranslations("roles"),
    getTranslations("languages"),
    getTranslations("publicForms"),
    getTranslations("cityFinder"),
  ]);
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  const yesNo = (value: boolean) => (value ? t("yes") : t("no"));
  // A town outside the alliance says so, so that a delegate who meant a member city notices.
  const ownTown = (town: string) =>
    locale === "zh" ? `${town}（${tc("notMember")}）` : `${town} (${tc("notMember")})`;
  const rows: [string, string][] = [
    [t("name"), nameLine({ ...r, honorific: { [locale]: r.honorific } }, locale)],
    [
      t("from"),
      [r.city ? pick(r.city.name, locale) : r.cityOther && ownTown(r.cityOther), r.organization, r.position]
        .filter(Boolean)
        .join(" · "),
    ],
    [t("role"), tr(r.role)],
    [t("email"), r.email],
    [t("phone"), r.phone ?? t("none")],
    [t("language"), tl(r.language)],
    [
      t("interpretation"),
      r.interpretation.length ? list.format(r.interpretation.map((language) => tl(language))) : t("none"),
    ],
    [t("dietaryNeeds"), r.dietaryNeeds ?? t("none")],
    [t("accessibilityNeeds"), r.accessibilityNeeds ?? t("none")],
    [t("visaLetter"), yesNo(r.visaLetter)],
    [t("photoConsent"), yesNo(r.photoConsent)],
    [t("listConsent"), yesNo(r.listConsent)],
  ];
  return (
    <div className="space-y-6 print:space-y-4">
      <TitledSection id="my-sessions" title={t("sessions")}>
        {r.sessions.length === 0 ? (
          // A cancelled registration holds nothing: the rest of the program is not open to it either.
          <p>{r.status === "cancelled" ? tf("noSessionsCancelled") : t("noSessions")}</p>
        ) : (
          <ul className="space-y-3 print:space-y-2" data-testid="my-sessions">
            {r.sessions.map((seat) => (
              <li
                key={seat.sessionId}
                className="break-inside-avoid rounded border border-slate-200 bg-white p-3 print:p-2"
              >
                <p className="font-medium">{pick(seat.title, locale)}</p>
                <p className="text-sm text-slate-600">
                  {formatLongDate(seat.startsAt, r.meeting.timeZone, locale)}
                  {seat.room && ` · ${pick(seat.room, locale)}`}
                </p>
                <TimePair
                  startsAt={seat.startsAt}
                  endsAt={seat.endsAt}
                  timeZone={r.meeting.timeZone}
                  locale={locale}
                  layout="inline"
                />
                <p
                  className={`mt-1 text-sm font-semibold ${seat.status === "confirmed" ? "text-emerald-800" : "text-amber-800"}`}
                  data-testid="seat-status"
                >
                  {seat.status === "confirmed"
                    ? t("seatConfirmed")
                    : t("seatWaitlisted", { position: seat.position })}
                </p>
                {seat.sessionStatus === "cancelled" && (
                  <p className="text-sm font-semibold text-red-800">{t("sessionCancelled")}</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </TitledSection>
      {/* Contact details and needs are the delegate's to check on screen, not for the printed confirmation. */}
      <TitledSection id="my-details" title={t("details")} className="space-y-3 print:hidden">
        <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[max-content_1fr]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-sm text-slate-500 sm:pt-0.5">{label}</dt>
              <dd className="break-words">{value}</dd>
            </div>
          ))}
        </dl>
      </TitledSection>
    </div>
  );
}
