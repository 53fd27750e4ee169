import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick, translatedFields, translationsOf } from "@/app/_lib/i18n/localized";
import { db } from "../db";

/**
 * Every city for a person's city select, candidates included (the mayor of a city to be admitted is
 * on the program before it is a member): German cities first, then Chinese, each by name in the
 * visitor's language.
 */
export async function personCityOptions(
  locale: AppLocale,
  countryNames: Record<"DE" | "CN", string>,
): Promise<{ id: string; label: string }[]> {
  const cities = await db.city.findMany({ select: { id: true, country: true, ...translatedFields("name") } });
  return (["DE", "CN"] as const).flatMap((country) =>
    cities
      .filter((city) => city.country === country)
      .map((city) => ({
        id: city.id,
        label: `${pick(translationsOf(city, "name"), locale)} (${countryNames[country]})`,
      }))
      .sort((a, b) => a.label.localeCompare(b.label, locale)),
  );
}
