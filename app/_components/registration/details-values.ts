import type { AppLocale } from "@/app/_lib/i18n/locales";
import { cityFieldValue, type FindableCity } from "@/app/_lib/cities/matching";
import type { FormValues } from "@/app/_lib/form-state";
import type { RegistrationView } from "@/app/_server/registration/view";

/**
 * A registration's stored details as the edit form's values, in the shape the browser sends them: for the
 * delegate's manage page and the organizers' registration page, which edit the same fields.
 */
export function detailsFormValues(
  r: RegistrationView,
  locale: AppLocale,
  cities: readonly FindableCity[],
): FormValues {
  const text = (value: string | null) => value ?? "";
  const flag = (value: boolean) => (value ? "on" : "");
  return {
    givenName: r.givenName,
    familyName: r.familyName,
    nativeName: text(r.nativeName),
    nameOrder: r.nameOrder,
    honorific: text(r.honorific),
    position: text(r.position),
    organization: text(r.organization),
    // Written so that saving the form again reads it as the same city (the member Taizhou as "Taizhou (Zhejiang)").
    city: r.city
      ? cityFieldValue(
          cities.find((city) => city.id === r.city!.id) ?? { ...r.city, aliases: [] },
          cities,
          locale,
        )
      : "",
    cityOther: text(r.cityOther),
    role: r.role,
    email: r.email,
    phone: text(r.phone),
    language: r.language,
    interpretation: r.interpretation,
    dietaryNeeds: text(r.dietaryNeeds),
    accessibilityNeeds: text(r.accessibilityNeeds),
    visaLetter: flag(r.visaLetter),
    photoConsent: flag(r.photoConsent),
    listConsent: flag(r.listConsent),
  };
}
