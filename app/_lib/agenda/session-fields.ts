import { DateTime } from "luxon";
import { z } from "zod";
import { locales } from "../i18n/locales";
import type { FormValues } from "../form-state";
import { always, message, optional, optionalRecordId, programTexts, recordId, required } from "../schema";

/**
 * What an organizer enters in the session editor. Times are typed as a day and two clock times in the
 * meeting's zone; `sessionInterval` turns them into UTC instants once the zone is known. Error messages
 * are keys of the `validation` messages, as in the registration schema.
 */

export const sessionKinds = [
  "keynote",
  "panel",
  "workshop",
  "ceremony",
  "break",
  "networking",
  "tour",
] as const;
export type SessionKind = (typeof sessionKinds)[number];

export const speakerRoles = ["speaker", "moderator", "host", "guide"] as const;
export type SpeakerRole = (typeof speakerRoles)[number];

/** Form fields that come once per speaker row or per ticked box. */
export const sessionFormLists = ["speakerPerson", "speakerRole", "languages", "interpretation"] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const date = required(10).refine(
  (value) => DATE.test(value) && DateTime.fromISO(value).isValid,
  message("date"),
);
const clock = required(5).pipe(z.string().regex(TIME, message("dateTime")));

const locale = z.enum(locales, message("invalidChoice"));
const localeList = z
  .array(locale, message("invalidChoice"))
  .default([])
  .refine((values) => new Set(values).size === values.length, message("duplicate"));

/** Empty: open to every participant. */
const capacity = optional(9).pipe(
  z.union([
    z.null(),
    z
      .string()
      .regex(/^\d+$/, message("number"))
      .transform(Number)
      .pipe(
        z.number().int(message("number")).min(1, message("tooSmall")).max(100_000, message("valueTooLarge")),
      ),
  ]),
);

const speaker = z.object({ personId: recordId, role: z.enum(speakerRoles, message("invalidChoice")) });

export const sessionFields = z
  .object({
    ...programTexts(4000),
    kind: z.enum(sessionKinds, message("invalidChoice")),
    date,
    startTime: clock,
    endTime: clock,
    roomId: optionalRecordId,
    trackId: optionalRecordId,
    speakers: z
      .array(speaker)
      .max(50, message("tooMany"))
      .default([])
      .refine((rows) => new Set(rows.map((row) => row.personId)).size === rows.length, message("duplicate")),
    languages: localeList,
    interpretation: localeList,
    capacity,
    /** "Save anyway" despite scheduling conflicts; then `reason` is required (checked by the domain, which knows the conflicts). */
    override: z.boolean().default(false),
    reason: optional(1000),
  })
  // Zero-padded clock times compare as text. Checked even when other fields are wrong (`when`).
  .refine(
    (value) =>
      !(TIME.test(value?.startTime ?? "") && TIME.test(value?.endTime ?? "")) ||
      value.endTime > value.startTime,
    {
      path: ["endTime"],
      ...message("endsBeforeStart"),
      when: always,
    },
  );

export type SessionInput = z.output<typeof sessionFields>;

/** The start and end instants of the typed day and clock times in the meeting's zone. */
export function sessionInterval(
  input: Pick<SessionInput, "date" | "startTime" | "endTime">,
  timeZone: string,
): { startsAt: Date; endsAt: Date } {
  const at = (time: string) => DateTime.fromISO(`${input.date}T${time}`, { zone: timeZone }).toJSDate();
  return { startsAt: at(input.startTime), endsAt: at(input.endTime) };
}

/** The day and clock times of stored instants in the meeting's zone, to fill the form. */
export function sessionClock(
  startsAt: Date | string,
  endsAt: Date | string,
  timeZone: string,
): { date: string; startTime: string; endTime: string } {
  const zoned = (instant: Date | string) => DateTime.fromJSDate(new Date(instant)).setZone(timeZone);
  return {
    date: zoned(startsAt).toISODate()!,
    startTime: zoned(startsAt).toFormat("HH:mm"),
    endTime: zoned(endsAt).toFormat("HH:mm"),
  };
}

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The schema's input from the editor's form: speaker rows without a person are left out. */
export function sessionInputFromForm(values: FormValues): Record<string, unknown> {
  const people = asList(values.speakerPerson);
  const roles = asList(values.speakerRole);
  const speakers = people
    .map((personId, index) => ({ personId, role: roles[index] ?? "speaker" }))
    .filter((row) => row.personId !== "");
  const input: Record<string, unknown> = {
    ...values,
    speakers,
    languages: asList(values.languages),
    interpretation: asList(values.interpretation),
  };
  input.override = values.override === "on" || values.override === "true";
  delete input.speakerPerson;
  delete input.speakerRole;
  delete input.meetingSlug;
  delete input.sessionId;
  return input;
}
