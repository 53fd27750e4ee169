import { DateTime } from "luxon";
import { htmlLang, type AppLocale } from "../i18n/locales";

/**
 * What the public pages say about when a member joined: the day and the meeting that admitted it, the day
 * alone, the year alone (founding members: "since 2016"), or nothing when the sources do not say.
 */
export type Joined =
  | { kind: "inducted"; date: string; venueCity: string }
  | { kind: "date"; date: string }
  | { kind: "year"; year: number }
  | null;

export type Membership = {
  /** yyyy-mm-dd. */
  joinedOn: string | null;
  memberSince: number | null;
  /** The published meeting whose ceremony admitted the city. */
  inductedAt: { meetingSlug: string; venueCity: string } | null;
};

export function joinedOf({ joinedOn, memberSince, inductedAt }: Membership): Joined {
  if (joinedOn && inductedAt) return { kind: "inducted", date: joinedOn, venueCity: inductedAt.venueCity };
  if (joinedOn) return { kind: "date", date: joinedOn };
  if (memberSince != null) return { kind: "year", year: memberSince };
  return null;
}

/** "24. April 2017" / "April 24, 2017" / "2017年4月24日": a calendar date without a weekday. */
export function formatJoinedDate(date: string, locale: AppLocale): string {
  return DateTime.fromISO(date, { zone: "utc" })
    .setLocale(htmlLang[locale])
    .toLocaleString({ day: "numeric", month: "long", year: "numeric" });
}

/** The calendar date (yyyy-mm-dd) of a `@db.Date` column, which arrives as midnight UTC. */
export function isoDate(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

/** The year a member joined: the year given, or that of its day of joining; null when the sources do not say. */
export function joinedYear({
  joinedOn,
  memberSince,
}: Pick<Membership, "joinedOn" | "memberSince">): number | null {
  return memberSince ?? (joinedOn ? Number(joinedOn.slice(0, 4)) : null);
}

/**
 * Members by the year they joined, earliest first, those without a year last: a public list says "members
 * since 2016" once above the founders instead of beside each of them. The order within a year is kept.
 */
export function groupByYear<City extends Pick<Membership, "joinedOn" | "memberSince">>(
  cities: readonly City[],
): { year: number | null; cities: City[] }[] {
  const groups = new Map<number | null, City[]>();
  for (const city of cities) {
    const year = joinedYear(city);
    groups.set(year, [...(groups.get(year) ?? []), city]);
  }
  return [...groups]
    .map(([year, members]) => ({ year, cities: members }))
    .sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity));
}
