import { DateTime } from "luxon";
import { z } from "zod";
import { countries, checkbox, optionalInteger } from "../meetings/fields";
import { message, optional, required, text } from "../schema";

/**
 * Cities as organizers enter them in the back office. The domain parses with this schema; error
 * messages are keys of the `validation` messages (the city form names the website and year rules itself).
 */

/** Where a city stands in the alliance: only members (and, apart, observers) are shown publicly. */
export const cityStatuses = ["candidate", "member", "observer", "former"] as const;
export type CityStatus = (typeof cityStatuses)[number];

export type CityCountry = (typeof countries)[number];

/** The first year a city can have joined in: the alliance was founded at Hannover Messe 2016. */
export const FIRST_MEMBER_YEAR = 2016;
const LAST_MEMBER_YEAR = 2100;

const MAX_ALIASES = 20;

/** Other spellings, one per line (a comma or "、" also separates): trimmed, blank lines and repeats dropped. */
export function parseAliases(typed: string): string[] {
  const seen = new Set<string>();
  for (const alias of typed.split(/[\n,、，]/)) {
    const trimmed = alias.trim();
    if (trimmed) seen.add(trimmed);
  }
  return [...seen];
}

const aliases = text(2000)
  .nullish()
  .transform((value) => parseAliases(value ?? ""))
  .pipe(z.array(z.string().max(100, message("tooLong"))).max(MAX_ALIASES, message("tooMany")));

/** A complete https address; anything else (http, a bare host name) is refused at the field. */
const website = optional(200).pipe(
  z.union([
    z.null(),
    z.string().refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === "https:" && url.hostname.includes(".") && !url.username && !url.password;
      } catch {
        return false;
      }
    }, message("invalidChoice")),
  ]),
);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date (yyyy-mm-dd) or nothing; stored as midnight UTC like every `@db.Date`. */
const optionalDate = optional(10)
  .refine(
    (value) => value === null || (ISO_DATE.test(value) && DateTime.fromISO(value, { zone: "utc" }).isValid),
    message("date"),
  )
  .transform((value) => (value === null ? null : DateTime.fromISO(value, { zone: "utc" }).toJSDate()));

export const cityInput = z
  .object({
    nameDe: required(100),
    nameEn: required(100),
    nameZh: optional(100),
    aliases,
    country: z.enum(countries, message("invalidChoice")),
    regionDe: optional(100),
    regionEn: optional(100),
    regionZh: optional(100),
    website,
    status: z.enum(cityStatuses, message("invalidChoice")),
    joinedOn: optionalDate,
    memberSince: optionalInteger(FIRST_MEMBER_YEAR, LAST_MEMBER_YEAR),
    note: optional(2000),
    reviewNeeded: checkbox,
  })
  // A day of joining fixes the year: a different year typed beside it is a mistake in one of the two.
  .refine(
    (value) =>
      !(value?.joinedOn instanceof Date) ||
      value.memberSince == null ||
      value.memberSince === value.joinedOn.getUTCFullYear(),
    { path: ["memberSince"], ...message("invalidChoice"), when: () => true },
  )
  .transform((value) => ({
    ...value,
    memberSince: value.memberSince ?? (value.joinedOn ? value.joinedOn.getUTCFullYear() : null),
  }));

export type CityInput = z.output<typeof cityInput>;

/** The city form's values, "" for what is not given (aliases one per line, the checkbox "on" or ""). */
export type CityFormDefaults = Record<
  | "nameDe"
  | "nameEn"
  | "nameZh"
  | "aliases"
  | "country"
  | "regionDe"
  | "regionEn"
  | "regionZh"
  | "website"
  | "status"
  | "joinedOn"
  | "memberSince"
  | "note"
  | "reviewNeeded",
  string
>;

export const emptyCityForm: CityFormDefaults = {
  nameDe: "",
  nameEn: "",
  nameZh: "",
  aliases: "",
  country: "CN",
  regionDe: "",
  regionEn: "",
  regionZh: "",
  website: "",
  status: "candidate",
  joinedOn: "",
  memberSince: "",
  note: "",
  reviewNeeded: "",
};
