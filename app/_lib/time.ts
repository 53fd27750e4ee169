import { DateTime } from "luxon";
import { htmlLang, type AppLocale } from "./i18n/locales";

/**
 * Zoned formatting of stored UTC instants. Always through luxon with an explicit zone, never the
 * server's or browser's local clock: the same instant reads the same under TZ=UTC and TZ=Asia/Shanghai.
 */

/** Where the delegations come from: times are shown in the meeting's zone and, beside it, this one. */
export const CHINA_TIME_ZONE = "Asia/Shanghai";

/**
 * The alliance's home in Germany: records that belong to no meeting (accounts, account emails, the audit
 * log) have no meeting zone to be shown in, so their times are shown in this one.
 */
export const HOME_TIME_ZONE = "Europe/Berlin";

type Instant = Date | string;

function zoned(instant: Instant, zone: string, locale: AppLocale): DateTime {
  const dateTime =
    typeof instant === "string" ? DateTime.fromISO(instant, { zone: "utc" }) : DateTime.fromJSDate(instant);
  return dateTime.setZone(zone).setLocale(htmlLang[locale]);
}

/** "09:30" — 24-hour clock in every language, as timetables in both countries use it. */
export function formatTime(instant: Instant, zone: string, locale: AppLocale): string {
  return zoned(instant, zone, locale).toFormat("HH:mm");
}

/**
 * Answers of the formatters below by their arguments. A page formats the same few instants on every
 * visit (the agenda: each session's start and end in two zones) and each format through luxon costs a
 * fraction of a millisecond, while the answer never changes. Bounded: cleared when full.
 */
const remembered = new Map<string, string>();

function remember(key: string, format: () => string): string {
  let value = remembered.get(key);
  if (value === undefined) {
    value = format();
    if (remembered.size >= 10_000) remembered.clear();
    remembered.set(key, value);
  }
  return value;
}

const keyOf = (instant: Instant) => (typeof instant === "string" ? instant : String(instant.getTime()));

/** "09:30–10:00", with "(+1)" when the end falls on a later day in that zone ("（+1）" in Chinese text). */
export function formatTimeRange(start: Instant, end: Instant, zone: string, locale: AppLocale): string {
  return remember(`range|${keyOf(start)}|${keyOf(end)}|${zone}|${locale}`, () => {
    const from = zoned(start, zone, locale);
    const to = zoned(end, zone, locale);
    const days = Math.round(to.startOf("day").diff(from.startOf("day"), "days").days);
    const nextDay = locale === "zh" ? `（+${days}）` : ` (+${days})`;
    return `${from.toFormat("HH:mm")}–${to.toFormat("HH:mm")}${days > 0 ? nextDay : ""}`;
  });
}

/** "24. Apr. 2017, 09:30" / "24 Apr 2017, 09:30" / "2017年4月24日 09:30": date and time in one, for lists and details. */
export function formatDateTime(instant: Instant, zone: string, locale: AppLocale): string {
  return zoned(instant, zone, locale).toLocaleString({
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
}

/** "Montag, 24. April 2017" / "Monday, 24 April 2017" / "2017年4月24日星期一". */
export function formatLongDate(instant: Instant, zone: string, locale: AppLocale): string {
  return remember(`long|${keyOf(instant)}|${zone}|${locale}`, () =>
    zoned(instant, zone, locale).toLocaleString({
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
    }),
  );
}

/** A calendar date stored as midnight UTC (`@db.Date`), formatted without shifting it into another day. */
export function formatCalendarDate(date: Instant, locale: AppLocale): string {
  return formatLongDate(date, "utc", locale);
}

/** The day (yyyy-MM-dd) an instant falls on in a zone: agenda pages group by it. */
export function dayKey(instant: Instant, zone: string): string {
  return remember(`day|${keyOf(instant)}|${zone}`, () => zoned(instant, zone, "en").toISODate() ?? "");
}

/** The zone's UTC offset at that instant: "UTC+2" for Berlin in summer, "UTC+8" for China. */
export function zoneOffsetLabel(instant: Instant, zone: string): string {
  return remember(`offset|${keyOf(instant)}|${zone}`, () => {
    const offset = zoned(instant, zone, "en").offset;
    const sign = offset < 0 ? "−" : "+";
    const hours = Math.floor(Math.abs(offset) / 60);
    const minutes = Math.abs(offset) % 60;
    return `UTC${sign}${hours}${minutes ? `:${String(minutes).padStart(2, "0")}` : ""}`;
  });
}

/** Any date of a year with today's rules: in 1970, say, Germany had no summer time and no generic name. */
const GENERIC_NAME_DATE = new Date("2020-01-01T00:00:00Z");

/**
 * The zone as people name it, never its identifier. At an instant, summer or standard time as then:
 * "Mitteleuropäische Sommerzeit", "Central European Summer Time", "中欧夏令时间" for Europe/Berlin in April;
 * without one, the zone's general name: "Mitteleuropäische Zeit", "中欧时间".
 */
export function zoneName(zone: string, locale: AppLocale, at?: Instant): string {
  return remember(`zoneName|${at === undefined ? "" : keyOf(at)}|${zone}|${locale}`, () => {
    const date = at === undefined ? GENERIC_NAME_DATE : typeof at === "string" ? new Date(at) : at;
    const parts = new Intl.DateTimeFormat(htmlLang[locale], {
      timeZone: zone,
      timeZoneName: at === undefined ? "longGeneric" : "long",
    }).formatToParts(date);
    return parts.find((part) => part.type === "timeZoneName")?.value ?? zoneOffsetLabel(date, zone);
  });
}
