import { z } from "zod";
import type { FieldErrors } from "./registration/fields";
import { limitOf, message, programTexts, recordId, type ValidationKey } from "./schema";

/**
 * What the ceremony editor sends, validated the same way for forms and direct calls. Messages are keys of
 * the `validation` messages, so that every caller answers in the organizer's language.
 */

/** A ceremony is part of a meeting day: a segment longer than four hours is a typing error. */
const MAX_SEGMENT_MINUTES = 240;

/** A whole number of minutes, typed into a form ("" is missing, "5 min" is not a number) or given as a number. */
const minutes = z.preprocess(
  (value) => {
    if (typeof value !== "string") return value;
    const trimmed = value.trim();
    if (trimmed === "") return undefined;
    return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  },
  z
    .number({ error: (issue) => (issue.input === undefined ? "required" : "number") })
    .int(message("number"))
    .min(1, message("tooSmall"))
    .max(MAX_SEGMENT_MINUTES, message("valueTooLarge")),
);

function distinct<T extends z.ZodType<string>>(item: T, max: number) {
  return z
    .array(item, message("invalidChoice"))
    .max(max, message("tooMany"))
    .refine((values) => new Set(values).size === values.length, message("duplicate"));
}

/** Blank choices (an empty "add a participant" select) are no choice at all. */
const choices = (max: number) =>
  z.preprocess(
    (value) =>
      value === undefined || value === null
        ? []
        : Array.isArray(value)
          ? value.filter((item) => item !== "")
          : value === ""
            ? []
            : [value],
    distinct(recordId, max),
  );

export const MAX_PARTICIPANTS = 12;

export const segmentInput = z.object({
  durationMinutes: minutes,
  ...programTexts(2000),
  participantIds: choices(MAX_PARTICIPANTS),
});
export type SegmentInput = z.output<typeof segmentInput>;

export const segmentOrderInput = choices(200);

export const inducteesInput = choices(100);

export const officialInput = z.object({
  personId: recordId,
  speaks: z.boolean().default(false),
  signs: z.boolean().default(false),
});
export type OfficialInput = z.output<typeof officialInput>;

export const officialsInput = z
  .array(officialInput, message("invalidChoice"))
  .max(50, message("tooMany"))
  .refine(
    (officials) => new Set(officials.map((official) => official.personId)).size === officials.length,
    message("duplicate"),
  );

const schemaKeys: readonly string[] = [
  "required",
  "tooLong",
  "number",
  "tooSmall",
  "valueTooLarge",
  "invalidChoice",
  "tooMany",
  "duplicate",
] satisfies ValidationKey[];

/** The first problem of each field; zod's own messages (shapes the schema does not expect) become "invalidChoice". */
export function ceremonyFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "_";
    errors[path] ??= {
      key: schemaKeys.includes(issue.message) ? (issue.message as ValidationKey) : "invalidChoice",
      ...limitOf(issue),
    };
  }
  return errors;
}
