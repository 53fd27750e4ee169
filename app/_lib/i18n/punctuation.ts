import type { AppLocale } from "./locales";

/** The colon after a label: full-width in Chinese ("状态：已确认"), a colon and a space elsewhere. */
export function colon(locale: AppLocale): string {
  return locale === "zh" ? "：" : ": ";
}

/** "Status: confirmed", "状态：已确认". */
export function labelled(label: string, value: string, locale: AppLocale): string {
  return `${label}${colon(locale)}${value}`;
}

/** Names or items in a row: "Ute Berg, Wang Wei", in Chinese with the enumeration comma "乌特·贝格、王伟". */
export function enumerate(items: string[], locale: AppLocale): string {
  return items.join(locale === "zh" ? "、" : ", ");
}
