/** The languages of the app. German first: the meeting happens in Germany and `/` falls back to it. */
export const locales = ["de", "en", "zh"] as const;
export type AppLocale = (typeof locales)[number];
export const defaultLocale: AppLocale = "de";

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** BCP 47 tags for `lang` attributes and Intl: Simplified Chinese as spoken in mainland China. */
export const htmlLang: Record<AppLocale, string> = { de: "de", en: "en", zh: "zh-CN" };

/** Each language's name in itself, for the language switcher. */
export const localeNames: Record<AppLocale, string> = { de: "Deutsch", en: "English", zh: "中文" };
