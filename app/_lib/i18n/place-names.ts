import type { AppLocale } from "./locales";

/**
 * A meeting's venue and its city are stored once, as the venue itself writes them ("Hannover Messe",
 * "Hannover"). Chinese readers know the well-known ones by their Chinese names (the glossary's terms);
 * every other name is shown as stored. Member cities have their own names per language (the cities'
 * records), so they need no entry here.
 */
const namesByLanguage: Record<string, Partial<Record<AppLocale, string>>> = {
  "Hannover Messe": { zh: "汉诺威工业博览会" },
  Hannover: { zh: "汉诺威" },
};

/** "Hannover Messe" as a reader of `locale` knows it: "汉诺威工业博览会" in Chinese. */
export function localPlaceName(stored: string, locale: AppLocale): string {
  return namesByLanguage[stored.trim()]?.[locale] ?? stored;
}
