import type { AppLocale } from "../i18n/locales";
import { pick, type Translations } from "../i18n/localized";

/**
 * How a typed city name finds a city: one set of rules for the finder on the form (as the delegate types)
 * and for the server (the form without JavaScript, the API). A city is found by its names in every language
 * and by its aliases, however people write them: "Koeln", "Köln", "科隆", "佛山市", "Bezirk Bao’an",
 * "Ma'anshan" or "ＭＡＩＮＺ" all reach the member they name.
 */

/** What the rules need of a city: its names, other spellings, and the region that tells namesakes apart. */
export type FindableCity = {
  id: string;
  name: Translations;
  aliases: readonly string[];
  region?: Translations | null;
};

/**
 * Places outside the alliance that share the name of a member: typed in Latin script, the shared name is
 * asked about instead of being matched, so that a delegate from 泰州 (Jiangsu) never becomes one of the
 * member 台州 (Zhejiang) by spelling both "Taizhou". Typed in its own characters, a namesake is a city that
 * is not a member. A namesake that an organizer has made a member (its name or alias on a city) drops out.
 */
export const namesakes: readonly FindableCity[] = [
  {
    id: "namesake:taizhou-jiangsu",
    name: { de: "Taizhou", en: "Taizhou", zh: "泰州" },
    aliases: ["泰州市", "Taizhou (Jiangsu)", "Taizhou Jiangsu", "江苏泰州"],
    region: { de: "Jiangsu", en: "Jiangsu", zh: "江苏省" },
  },
];

/** Words that say what kind of place a name is, not which one: "Stadt Köln", "Bao’an District", "佛山市". */
const KIND_WORDS = /(^|\s)(stadt|bezirk|district|city)(?=\s|$)/gu;
const CHINESE_KIND_SUFFIX = /[市区县]$/u;

/**
 * A name reduced to what tells cities apart: full-width forms and case folded, umlauts written either way
 * (ä = ae = a), ß = ss, accents, apostrophes (’ ' ‘ or none), hyphens, dots and spaces dropped, and a
 * trailing 市, 区 or 县 or a "Stadt", "Bezirk", "District" or "City" removed. "" when nothing is left.
 */
export function normalizeCityName(typed: string): string {
  const words = typed
    .normalize("NFKC")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .normalize("NFD")
    // ä, ö, ü (a letter and a diaeresis) are written "a", "o", "u" here, as are "ae", "oe", "ue" below.
    .replace(/\p{M}/gu, "")
    .replace(/[’'‘`´ʼ]/g, "")
    .replace(/[-‐‑‒–—_.·・,，()（）]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const withoutKind = words.replace(KIND_WORDS, " ").trim() || words;
  const compact = withoutKind.replace(/\s+/g, "").replace(/ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u");
  const withoutSuffix = compact.replace(CHINESE_KIND_SUFFIX, "");
  return withoutSuffix || compact;
}

/** Every form of a city's names and aliases that finds it. */
export function searchKeys(city: FindableCity): Set<string> {
  const names = [city.name.de, city.name.en, city.name.zh, ...city.aliases];
  return new Set(
    names
      .filter((name): name is string => Boolean(name))
      .map(normalizeCityName)
      .filter(Boolean),
  );
}

/** The namesakes that no city of the list has taken up (by name or alias) as a city of its own. */
function openNamesakes(cities: readonly FindableCity[]): FindableCity[] {
  const taken = new Set(cities.flatMap((city) => [...searchKeys(city)]));
  return namesakes.filter((namesake) => !taken.has(normalizeCityName(namesake.name.zh ?? "")));
}

export type CitySuggestion<City extends FindableCity> =
  { kind: "city"; city: City } | { kind: "namesake"; city: FindableCity };

/**
 * The finder's list: cities whose name or alias begins with what was typed, those named exactly first,
 * then by name in the reader's language; namesakes with them, marked as not members.
 */
export function suggestCities<City extends FindableCity>(
  typed: string,
  cities: readonly City[],
  locale: AppLocale,
  limit = 8,
): CitySuggestion<City>[] {
  const wanted = normalizeCityName(typed);
  if (!wanted) return [];
  const candidates: CitySuggestion<City>[] = [
    ...cities.map((city) => ({ kind: "city" as const, city })),
    ...openNamesakes(cities).map((city) => ({ kind: "namesake" as const, city })),
  ];
  const scored = candidates.flatMap((candidate) => {
    const keys = [...searchKeys(candidate.city)];
    if (keys.includes(wanted)) return [{ candidate, rank: 0 }];
    if (keys.some((key) => key.startsWith(wanted))) return [{ candidate, rank: 1 }];
    return [];
  });
  const collator = new Intl.Collator(locale);
  return scored
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        collator.compare(pick(a.candidate.city.name, locale), pick(b.candidate.city.name, locale)),
    )
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/** What a typed city name stands for on the server: one city, several (asked about), or none of them. */
export type CityMatch<City extends FindableCity> =
  { kind: "city"; city: City } | { kind: "ambiguous"; choices: CitySuggestion<City>[] } | { kind: "none" };

/**
 * The city a complete typed name names: only whole names and aliases count (the first letters are for the
 * finder), and a name shared by several places, namesakes included, is never decided here.
 */
export function matchCity<City extends FindableCity>(
  typed: string,
  cities: readonly City[],
): CityMatch<City> {
  const wanted = normalizeCityName(typed);
  if (!wanted) return { kind: "none" };
  const choices: CitySuggestion<City>[] = [
    ...cities.filter((city) => searchKeys(city).has(wanted)).map((city) => ({ kind: "city" as const, city })),
    ...openNamesakes(cities)
      .filter((city) => searchKeys(city).has(wanted))
      .map((city) => ({ kind: "namesake" as const, city })),
  ];
  if (choices.length === 1 && choices[0]!.kind === "city") return { kind: "city", city: choices[0]!.city };
  if (choices.length > 1) return { kind: "ambiguous", choices };
  return { kind: "none" };
}

/**
 * A city as people tell it apart in the reader's language: the name with the other script beside it, and
 * details in brackets where they are needed: "科隆 Köln", "Köln 科隆", "台州 Taizhou（浙江省）".
 */
export function cityLabel(city: FindableCity, locale: AppLocale, details: readonly string[] = []): string {
  const name = pick(city.name, locale);
  const other = locale === "zh" ? pick(city.name, "de") : city.name.zh?.trim();
  const names = other && other !== name ? `${name} ${other}` : name;
  const shown = details.filter(Boolean);
  if (shown.length === 0) return names;
  return locale === "zh" ? `${names}（${shown.join("，")}）` : `${names} (${shown.join(", ")})`;
}

/** The province or Land of a city in the reader's language, "" where it is not known. */
export function regionName(city: FindableCity, locale: AppLocale): string {
  return city.region ? pick(city.region, locale) : "";
}

/**
 * What stands for a city in a typed field: its name in the reader's language, unless that name is shared
 * with another place ("Taizhou"); then the name with its region, or another of its names, that the rules
 * read as this city alone. A form filled in with it reads back as the same city.
 */
export function cityFieldValue(
  city: FindableCity,
  cities: readonly FindableCity[],
  locale: AppLocale,
): string {
  const name = pick(city.name, locale);
  const region = regionName(city, locale);
  const candidates = [name, region && `${name} (${region})`, city.name.zh, city.name.de, ...city.aliases];
  return (
    candidates.find((candidate) => {
      if (!candidate) return false;
      const match = matchCity(candidate, cities);
      return match.kind === "city" && match.city.id === city.id;
    }) ?? name
  );
}
