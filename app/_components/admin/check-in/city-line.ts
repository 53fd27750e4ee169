import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick, type Translations } from "@/app/_lib/i18n/localized";

type From = { city: { name: Translations; country: "DE" | "CN" } | null; cityOther: string | null };

/**
 * Where a delegate comes from, in the reader's language; a Chinese city also in Chinese characters
 * ("Ningbo 宁波"), as delegations and their hosts both read it.
 */
export function cityLine({ city, cityOther }: From, locale: AppLocale): string {
  if (!city) return cityOther ?? "";
  const name = pick(city.name, locale);
  const chinese = city.name.zh;
  return chinese && locale !== "zh" && city.country === "CN" && chinese !== name ? `${name} ${chinese}` : name;
}
