import { DateTime, IANAZone } from "luxon";
import { z } from "zod";
import base from "../i18n/messages/de.json";
import { locales } from "../i18n/locales";
import { SLUG } from "../ids";
import type { FieldErrors } from "../registration/fields";
import {
  always,
  limitOf,
  message,
  optional,
  optionalRecordId,
  recordId,
  required,
  text,
  type ValidationKey,
} from "../schema";

export { optional, optionalRecordId, recordId, required, text };

/**
 * What organizers enter for meetings, rooms, tracks and quotas. The domain parses with these schemas
 * (so the JSON of a test and the form of a page meet the same rules); error messages are keys of the
 * `validation` messages. Form values arrive as strings: numbers and checkboxes are read from them here.
 */

/** Translations that the database stores as non-null text: an empty string stands for "not translated". */
export const translation = (max: number) => optional(max).transform((value) => value ?? "");

/** A checkbox: present ("on") means yes; tests may pass booleans. */
export const checkbox = z
  .unknown()
  .optional()
  .transform((value) => value === true || value === "on" || value === "true");

/** A whole number typed into a field, or null when left empty (or missing). Tests may pass numbers. */
export function optionalInteger(min: number, max: number) {
  return z
    .unknown()
    .optional()
    .transform((value, context): number | null => {
      const typed =
        typeof value === "number"
          ? String(value)
          : typeof value === "string"
            ? value.trim()
            : value == null
              ? ""
              : null;
      if (typed === "") return null;
      const refuse = (key: ValidationKey) => {
        context.addIssue({ code: "custom", message: key });
        return z.NEVER;
      };
      if (typed === null || !/^-?\d{1,9}$/.test(typed)) return refuse("number");
      const number = Number(typed);
      if (number < min) return refuse("tooSmall");
      if (number > max) return refuse("valueTooLarge");
      return number;
    });
}

export const integer = (min: number, max: number, fallback: number) =>
  optionalInteger(min, max).transform((value) => value ?? fallback);

export const slug = required(64).pipe(z.string().regex(SLUG, message("slug")));

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** A calendar date (yyyy-mm-dd), stored as midnight UTC like every `@db.Date`. */
const calendarDate = required(10)
  .pipe(z.string().regex(ISO_DATE, message("date")))
  .refine((value) => DateTime.fromISO(value, { zone: "utc" }).isValid, message("date"))
  .transform((value) => DateTime.fromISO(value, { zone: "utc" }).toJSDate());

const localDateTime = optional(19).pipe(
  z.union([z.null(), z.string().regex(LOCAL_DATE_TIME, message("dateTime"))]),
);

export const timeZone = required(64).pipe(
  z.string().refine((value) => IANAZone.isValidZone(value), message("timeZone")),
);

/** A date and time typed in the meeting's zone (datetime-local), as the UTC instant it means there. */
export function zonedInstant(local: string, zone: string): Date | null {
  const instant = DateTime.fromISO(local, { zone });
  return instant.isValid ? instant.toJSDate() : null;
}

/** The datetime-local value ("2017-04-01T09:00") of an instant in a zone, for pre-filling forms. */
export function localInputValue(instant: Date | string | null, zone: string): string {
  if (!instant) return "";
  const value =
    typeof instant === "string" ? DateTime.fromISO(instant, { zone: "utc" }) : DateTime.fromJSDate(instant);
  return value.setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** The window's times can only be read in a zone that exists; a wrong zone is reported at its own field. */
function knownZone(zone: string | undefined): zone is string {
  return Boolean(zone) && IANAZone.isValidZone(zone!);
}

export const countries = ["DE", "CN"] as const;

/** A meeting's settings: the create form and the settings page share them. */
export const meetingInput = z
  .object({
    slug,
    titleDe: required(200),
    titleEn: translation(200),
    titleZh: translation(200),
    venueName: required(200),
    venueCity: required(100),
    venueCountry: z.enum(countries, message("invalidChoice")),
    timeZone,
    startsOn: calendarDate,
    endsOn: calendarDate,
    registrationOpensAt: localDateTime,
    registrationClosesAt: localDateTime,
    requiresApproval: checkbox,
    /** Working days within which visa letters are sent: the form and the manage page say it. */
    visaLetterDays: integer(1, 60, 10),
    defaultLocale: z.enum(locales, message("invalidChoice")),
    published: checkbox,
  })
  // With `when`, these run on partly invalid input too: a field that failed still holds what was typed.
  .refine(
    (value) =>
      !(value?.startsOn instanceof Date && value.endsOn instanceof Date) || value.endsOn >= value.startsOn,
    {
      path: ["endsOn"],
      ...message("endsBeforeStart"),
      when: always,
    },
  )
  .refine(
    (value) =>
      !knownZone(value?.timeZone) ||
      !value.registrationOpensAt ||
      zonedInstant(value.registrationOpensAt, value.timeZone),
    {
      path: ["registrationOpensAt"],
      ...message("dateTime"),
      when: always,
    },
  )
  .refine(
    (value) =>
      !knownZone(value?.timeZone) ||
      !value.registrationClosesAt ||
      zonedInstant(value.registrationClosesAt, value.timeZone),
    {
      path: ["registrationClosesAt"],
      ...message("dateTime"),
      when: always,
    },
  )
  .refine(
    (value) => {
      if (!knownZone(value?.timeZone) || !value.registrationOpensAt || !value.registrationClosesAt)
        return true;
      const [opens, closes] = [
        zonedInstant(value.registrationOpensAt, value.timeZone),
        zonedInstant(value.registrationClosesAt, value.timeZone),
      ];
      return !opens || !closes || closes > opens;
    },
    { path: ["registrationClosesAt"], ...message("endsBeforeStart"), when: always },
  )
  // The window is typed in the meeting's zone and stored as instants.
  .transform(({ registrationOpensAt, registrationClosesAt, ...rest }) => ({
    ...rest,
    registrationOpensAt: registrationOpensAt ? zonedInstant(registrationOpensAt, rest.timeZone) : null,
    registrationClosesAt: registrationClosesAt ? zonedInstant(registrationClosesAt, rest.timeZone) : null,
  }));

export type MeetingInput = z.output<typeof meetingInput>;

/** A new meeting also says from which earlier meeting its rooms and tracks are copied (none: empty). */
export const newMeetingInput = meetingInput.and(z.object({ copyFrom: optionalRecordId }));
export type NewMeetingInput = z.output<typeof newMeetingInput>;

export const roomInput = z.object({
  nameDe: required(100),
  nameEn: translation(100),
  nameZh: translation(100),
  location: optional(200),
  capacity: optionalInteger(1, 100_000),
  sortOrder: integer(-10_000, 10_000, 0),
});
export type RoomInput = z.output<typeof roomInput>;

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

export const trackInput = z.object({
  nameDe: required(100),
  nameEn: translation(100),
  nameZh: translation(100),
  color: required(7)
    .pipe(z.string().regex(HEX_COLOR, message("color")))
    .transform((value) => value.toLowerCase()),
  sortOrder: integer(-10_000, 10_000, 0),
});
export type TrackInput = z.output<typeof trackInput>;

/** The quota form's field of a city (no dot: form errors are keyed by the path's first segment). */
export const quotaField = (cityId: string) => `quota-${cityId}`;

/** A city's delegate quota: empty means no limit. */
export const quotaInput = optionalInteger(0, 10_000);

/** Field problems of a schema's error, by dotted path; zod's own messages become "invalidChoice". */
export function schemaFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "_";
    errors[path] ??= {
      key: isValidationKey(issue.message) ? issue.message : "invalidChoice",
      ...limitOf(issue),
    };
  }
  return errors;
}

function isValidationKey(value: string): value is ValidationKey {
  return Object.hasOwn(base.validation, value);
}
