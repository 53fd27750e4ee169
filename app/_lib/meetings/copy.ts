import { DateTime, type WeekdayNumbers } from "luxon";
import { z } from "zod";
import { checkbox } from "./fields";

/**
 * Preparing next year's meeting from an earlier one: what can be copied, the dates it proposes, and
 * how a copied session moves to the new dates. Pure, so that the rules are tested without a database.
 */

/** What an organizer may copy, in the order the form offers it. */
export const copyParts = [
  "rooms",
  "tracks",
  "program",
  "ceremonies",
  "visaLetters",
  "quotas",
  "practicalInfo",
] as const;
export type CopyPart = (typeof copyParts)[number];

/** The form's checkbox of a part ("copy-rooms"). */
export const copyField = (part: CopyPart) => `copy-${part}` as const;

/** The checked parts; a form without any checkbox copies nothing. */
export const copyChoice = z
  .object(Object.fromEntries(copyParts.map((part) => [copyField(part), checkbox])))
  .transform((value) => copyParts.filter((part) => value[copyField(part)]));

/** How much of each part was copied: what the audit log keeps and the new meeting's page summarizes. */
export type CopyCounts = {
  rooms: number;
  tracks: number;
  /** Sessions copied, all as drafts. */
  sessions: number;
  /** Ceremonies whose run-of-show came along, and its segments. */
  ceremonies: number;
  segments: number;
  /** Languages with an organizer's own visa letter. */
  visaLetters: number;
  quotas: number;
  /** 1 when the contact, venue and practical texts came along (the meeting had them), else 0. */
  practicalInfo: number;
};

const DAY = "yyyy-MM-dd";

/** A calendar date (yyyy-mm-dd) `days` later, on the calendar (never by adding milliseconds). */
export function addDays(isoDate: string, days: number): string {
  return DateTime.fromISO(isoDate, { zone: "utc" }).plus({ days }).toFormat(DAY);
}

/** Whole calendar days from one date (yyyy-mm-dd) to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    DateTime.fromISO(to, { zone: "utc" }).diff(DateTime.fromISO(from, { zone: "utc" }), "days").days,
  );
}

/**
 * The same weekday in the following year's matching week (ISO week numbers): Monday 24 April 2017, in
 * week 17, → Monday 23 April 2018, week 17 again, where the anniversary would be a Tuesday. Week numbers
 * do not drift, so a meeting copied year after year stays in its week of the fair. A 53rd week that the
 * next year lacks becomes its 52nd.
 */
export function nextYearDate(isoDate: string): string {
  const date = DateTime.fromISO(isoDate, { zone: "utc" });
  const weekYear = date.weekYear + 1;
  const weeks = DateTime.fromObject({ weekYear, weekNumber: 1, weekday: 1 }, { zone: "utc" }).weeksInWeekYear;
  return DateTime.fromObject(
    { weekYear, weekNumber: Math.min(date.weekNumber, weeks), weekday: date.weekday as WeekdayNumbers },
    { zone: "utc" },
  ).toFormat(DAY);
}

/** The proposed dates of next year's meeting: same weekday, same length. */
export function nextYearDates(startsOn: string, endsOn: string): { startsOn: string; endsOn: string } {
  const start = nextYearDate(startsOn);
  return { startsOn: start, endsOn: addDays(start, daysBetween(startsOn, endsOn)) };
}

/**
 * A copied session's instant: the same time of day, `days` later on the calendar, read in the old
 * meeting's zone and written in the new one's. Both zones are usually the same; adding calendar days in
 * the zone keeps 09:00 at 09:00 across a change of daylight saving time, where adding 24-hour days would
 * move it by an hour.
 */
export function shiftInstant(instant: Date, days: number, fromZone: string, toZone: string): Date {
  const local = DateTime.fromJSDate(instant, { zone: fromZone });
  return DateTime.fromObject(
    {
      year: local.year,
      month: local.month,
      day: local.day,
      hour: local.hour,
      minute: local.minute,
      second: local.second,
      millisecond: local.millisecond,
    },
    { zone: toZone },
  )
    .plus({ days })
    .toJSDate();
}
