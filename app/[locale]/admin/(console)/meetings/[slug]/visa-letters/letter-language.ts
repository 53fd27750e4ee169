import { adminPaths } from "@/app/_lib/admin-paths";
import { isLocale, type AppLocale } from "@/app/_lib/i18n/locales";

/** The letters' language from `?lang`: English unless chosen, the language German missions read besides German. */
export function letterLanguage(value: string | string[] | undefined): AppLocale {
  const one = Array.isArray(value) ? value[0] : value;
  return isLocale(one) ? one : "en";
}

/** The print view of one delegate's letter, or of everyone's. */
export function printPath(slug: string, lang: AppLocale, id?: string): string {
  const query = new URLSearchParams({ lang, ...(id ? { id } : { all: "1" }) });
  return `${adminPaths.visaLettersPrint(slug)}?${query}`;
}
