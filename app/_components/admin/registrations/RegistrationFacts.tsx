import { getTranslations } from "next-intl/server";
import { formatCheckInCode } from "@/app/_lib/check-in-code";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { latinName } from "@/app/_lib/names";
import { placeName } from "@/app/_lib/places";
import { formatDateTime } from "@/app/_lib/time";
import type { DeskRegistration } from "@/app/_server/desk/desk-queries";

type Props = { registration: DeskRegistration; locale: AppLocale; timeZone: string };

/** Everything the delegate entered and what the desk knows about them, as label and value. */
export async function RegistrationFacts({ registration: r, locale, timeZone }: Props) {
  const [t, tm, tr, tl, treg] = await Promise.all([
    getTranslations("adminRegistrations.desk"),
    getTranslations("manage"),
    getTranslations("roles"),
    getTranslations("languages"),
    getTranslations("register"),
  ]);
  const text = (value: string | null) => value || tm("none");
  const flag = (value: boolean) => (value ? tm("yes") : tm("no"));
  const when = (iso: string | null) => (iso ? formatDateTime(iso, timeZone, locale) : tm("none"));
  const rows: [string, string][] = [
    [tm("name"), latinName({ ...r, honorific: undefined })],
    [t("fields.nativeName"), text(r.nativeName)],
    [
      t("fields.nameOrder"),
      r.nameOrder === "given_first" ? treg("nameOrderGivenFirst") : treg("nameOrderFamilyFirst"),
    ],
    [t("fields.honorific"), text(r.honorific)],
    [t("fields.position"), text(r.position)],
    [t("fields.organization"), text(r.organization)],
    [t("fields.city"), placeName(r, locale) + (r.city ? "" : ` (${t("otherCities")})`)],
    [tm("role"), tr(r.role)],
    [tm("email"), r.email],
    [tm("phone"), text(r.phone)],
    [tm("language"), tl(r.language)],
    [
      tm("interpretation"),
      r.interpretation.length ? r.interpretation.map((language) => tl(language)).join(", ") : tm("none"),
    ],
    [tm("dietaryNeeds"), text(r.dietaryNeeds)],
    [tm("accessibilityNeeds"), text(r.accessibilityNeeds)],
    [tm("visaLetter"), flag(r.visaLetter)],
    [tm("photoConsent"), flag(r.photoConsent)],
    [tm("listConsent"), flag(r.listConsent)],
    [t("fields.privacyConsentAt"), when(r.privacyConsentAt)],
    [t("fields.createdAt"), when(r.createdAt)],
    [t("fields.updatedAt"), when(r.updatedAt)],
    [t("fields.cancelledAt"), when(r.cancelledAt)],
    [t("fields.checkInCode"), formatCheckInCode(r.checkInCode)],
    [
      t("fields.checkIn"),
      r.checkIn
        ? t("checkedInAt", { time: when(r.checkIn.at), staff: r.checkIn.staffEmail })
        : t("notCheckedIn"),
    ],
  ];
  return (
    <dl
      className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[14rem_1fr]"
      data-testid="registration-facts"
    >
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-slate-600">{label}</dt>
          <dd className="break-words whitespace-pre-line">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
