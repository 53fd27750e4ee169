import type { AppLocale } from "./i18n/locales";
import { pick, translationsOf, type Translations } from "./i18n/localized";

/** A member city as queries give it: its names as translations, or the record's own nameDe/nameEn/nameZh. */
type City = { name: Translations } | Partial<Record<`name${"De" | "En" | "Zh"}`, string | null>>;

/** Where a registration comes from: a member city, or the town the delegate typed (cityOther). */
export type Place<C extends City = City> = { city: C | null; cityOther: string | null };

const namesOf = (city: City): Translations => ("name" in city ? city.name : translationsOf(city, "name"));

/** A registration's place: the member city's name in the reader's language, or the town the delegate typed. */
export function placeName({ city, cityOther }: Place, locale: AppLocale): string {
  return city ? pick(namesOf(city), locale) : (cityOther ?? "");
}

/**
 * The place for the check-in desk and badges: a Chinese city also in Chinese characters ("Ningbo 宁波"),
 * as delegations and their hosts both read it.
 */
export function placeNameWithChinese(
  place: Place<City & { country: "DE" | "CN" }>,
  locale: AppLocale,
): string {
  const name = placeName(place, locale);
  const chinese = place.city?.country === "CN" ? namesOf(place.city).zh?.trim() : undefined;
  return chinese && chinese !== name ? `${name} ${chinese}` : name;
}
