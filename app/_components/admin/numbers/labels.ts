import { DateTime } from "luxon";
import { htmlLang, type AppLocale } from "@/app/_lib/i18n/locales";

/** "1. März" / "1 Mar" / "3月1日" for a day key (yyyy-MM-dd) that is already in the meeting's zone. */
export function shortDay(day: string, locale: AppLocale): string {
  return DateTime.fromISO(day, { zone: "utc" })
    .setLocale(htmlLang[locale])
    .toLocaleString({ day: "numeric", month: "short" });
}

/** "Montag, 23. April 2018" for a day key. */
export function longDay(day: string, locale: AppLocale): string {
  return DateTime.fromISO(day, { zone: "utc" })
    .setLocale(htmlLang[locale])
    .toLocaleString({ weekday: "long", day: "numeric", month: "long", year: "numeric" });
}

/** Colours by registration status, the same in every chart and legend. */
export const statusColors = {
  confirmed: "#047857",
  pending: "#d97706",
  cancelled: "#94a3b8",
  rejected: "#b91c1c",
} as const;
export const emailColors = { queued: "#d97706", sent: "#047857", failed: "#b91c1c" } as const;

/** "Apr. 2017" for a month's first day. */
export function shortMonth(day: string, locale: AppLocale): string {
  return DateTime.fromISO(day, { zone: "utc" })
    .setLocale(htmlLang[locale])
    .toLocaleString({ month: "short", year: "numeric" });
}
