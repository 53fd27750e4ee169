import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { listCities } from "../alliance/queries";

/** Member cities for a person's city select: German cities first, then Chinese, each by name in the visitor's language. */
export async function personCityOptions(
  locale: AppLocale,
  countryNames: Record<"DE" | "CN", string>,
): Promise<{ id: string; label: string }[]> {
  const cities = await listCities();
  return (["DE", "CN"] as const).flatMap((country) =>
    cities
      .filter((city) => city.country === country)
      .map((city) => ({ id: city.id, label: `${pick(city.name, locale)} (${countryNames[country]})` }))
      .sort((a, b) => a.label.localeCompare(b.label, locale)),
  );
}
