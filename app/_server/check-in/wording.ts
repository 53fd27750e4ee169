import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { formatLongDate, formatTime } from "@/app/_lib/time";
import type { CheckInRecord } from "./queries";

/** The `adminOnSite.checkIn` messages, from getTranslations or createTranslator. */
type DeskTranslator = (key: "done" | "already", values: Record<string, string>) => string;

/**
 * "Checked in at 09:12." for a check-in just recorded; "Already checked in: Monday, 24 April 2017,
 * 09:12, by Anna Schmidt (anna@…)." for an earlier one. In the meeting's zone, whatever the phone's.
 */
export function checkInSentence(
  t: DeskTranslator,
  record: CheckInRecord & { result: "checked_in" | "already" },
  zone: string,
  locale: AppLocale,
): string {
  const time = formatTime(record.at, zone, locale);
  if (record.result === "checked_in") return t("done", { time });
  const [open, close] = locale === "zh" ? ["（", "）"] : [" (", ")"];
  const staff = record.staffName
    ? `${record.staffName}${open}${record.staffEmail}${close}`
    : record.staffEmail;
  return t("already", { date: formatLongDate(record.at, zone, locale), time, staff });
}
