import { defaultLocale, type AppLocale } from "./locales";

/**
 * Translatable content is stored in sibling fields (`titleDe`, `titleEn`, `titleZh`). These helpers pick
 * the visitor's language and fall back, in order, to the content's default language, then German,
 * English and Chinese, so that something is always shown even when a translation is missing.
 */
export type Translations = Record<AppLocale, string | null | undefined>;

export function fallbackOrder(locale: AppLocale, contentDefault: AppLocale = defaultLocale): AppLocale[] {
  return [...new Set<AppLocale>([locale, contentDefault, "de", "en", "zh"])];
}

/** The text in `locale`, or the first non-empty fallback; `""` when there is none at all. */
export function pick(
  translations: Partial<Translations>,
  locale: AppLocale,
  contentDefault?: AppLocale,
): string {
  for (const candidate of fallbackOrder(locale, contentDefault)) {
    const text = translations[candidate]?.trim();
    if (text) return text;
  }
  return "";
}

/** `{ de, en, zh }` of the fields `<base>De`, `<base>En`, `<base>Zh` of a record. */
export function translationsOf<Base extends string>(
  record: Partial<Record<`${Base}${"De" | "En" | "Zh"}`, string | null>>,
  base: Base,
): Translations {
  return {
    de: record[`${base}De`] ?? null,
    en: record[`${base}En`] ?? null,
    zh: record[`${base}Zh`] ?? null,
  };
}

/** The three columns of a translated field: "titleDe" | "titleEn" | "titleZh" for "title". */
type Columns<Base extends string> = `${Base}${"De" | "En" | "Zh"}`;

/**
 * The columns of a translated field as a Prisma `select`: `translatedFields("title")` is
 * `{ titleDe: true, titleEn: true, titleZh: true }`, what `translationsOf(row, "title")` reads.
 */
export function translatedFields<Base extends string>(base: Base): Record<Columns<Base>, true> {
  return { [`${base}De`]: true, [`${base}En`]: true, [`${base}Zh`]: true } as Record<Columns<Base>, true>;
}

/**
 * The other way round from `translationsOf`: `{ de, en, zh }` as the columns of a translated field,
 * `translatedColumns("name", { de: "Saal 2", … })` is `{ nameDe: "Saal 2", … }`. A missing text (or
 * none at all) leaves its column undefined.
 */
export function translatedColumns<Base extends string, Texts extends Record<AppLocale, string | null>>(
  base: Base,
  texts: Texts,
): { [Locale in AppLocale as `${Base}${Capitalize<Locale>}`]: Texts[Locale] };
export function translatedColumns<Base extends string>(
  base: Base,
  texts: Partial<Record<AppLocale, string | null>> | undefined,
): Partial<Record<Columns<Base>, string | null>>;
export function translatedColumns(
  base: string,
  texts: Partial<Record<AppLocale, string | null>> | undefined,
) {
  return { [`${base}De`]: texts?.de, [`${base}En`]: texts?.en, [`${base}Zh`]: texts?.zh };
}

/** `pick(translationsOf(record, base), locale)`. */
export function localized<Base extends string>(
  record: Partial<Record<`${Base}${"De" | "En" | "Zh"}`, string | null>>,
  base: Base,
  locale: AppLocale,
  contentDefault?: AppLocale,
): string {
  return pick(translationsOf(record, base), locale, contentDefault);
}
