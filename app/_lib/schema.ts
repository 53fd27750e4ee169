import { z } from "zod";
import type { Messages } from "./i18n/messages";
import { RECORD_ID } from "./ids";

// Zod compiles object schemas with `new Function` when it may. The pages' Content-Security-Policy allows
// no eval (app/_server/security/content-security-policy.ts), and Zod's probe for it, although caught, is
// reported as a violation in the browser's console. Parsing without it is just as correct.
z.config({ jitless: true });

/**
 * The building blocks of every input schema (registration, meetings, sessions, ceremonies, people):
 * error messages are keys of the `validation` messages, so that each caller answers in the visitor's
 * language, and text is cleaned the same way everywhere.
 */

/** Keys of the `validation` messages: what the schema and the domain report about a field. */
export type ValidationKey = keyof Messages["validation"];

export const message = (key: ValidationKey) => ({ error: key });

/**
 * The values a field's sentence takes from zod's issue: the length limit of a text too long, which
 * "tooLong" names ("… at most {max} characters"). Spread into a field error: `{ key, ...limitOf(issue) }`.
 */
export function limitOf(issue: z.core.$ZodIssue): { values: { max: number } } | Record<string, never> {
  return issue.code === "too_big" && issue.origin === "string"
    ? { values: { max: Number(issue.maximum) } }
    : {};
}

/** For refinements across fields that must run even when other fields are wrong (`when`). */
export const always = () => true;

/**
 * Control characters other than tab and line breaks never belong in a field: C0, DEL and the C1 block
 * (U+0080–U+009F, which a Latin-1 text read as UTF-8 leaves behind, and which terminals obey).
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

export function text(max: number) {
  return z
    .string(message("required"))
    .transform((value) => value.replace(CONTROL, "").trim())
    .pipe(z.string().max(max, message("tooLong")));
}

export const required = (max: number) => text(max).pipe(z.string().min(1, message("required")));

/** Empty strings and missing values both mean "not given": null. */
export const optional = (max: number) =>
  text(max)
    .nullish()
    .transform((value) => value || null);

export const recordId = z.string(message("invalidChoice")).regex(RECORD_ID, message("invalidChoice"));
export const optionalRecordId = optional(40).pipe(z.union([z.null(), recordId]));

/**
 * What an organizer writes about an item of the program (a session, a segment of a ceremony): its title,
 * required in German, its description, and notes for organizers and crew only, never shown on a public
 * page, in the API or in a public feed.
 */
export const programTexts = (maxDescription: number) => ({
  titleDe: required(200),
  titleEn: optional(200),
  titleZh: optional(200),
  descriptionDe: optional(maxDescription),
  descriptionEn: optional(maxDescription),
  descriptionZh: optional(maxDescription),
  internalNotes: optional(maxDescription),
});

export type ProgramTexts = z.output<z.ZodObject<ReturnType<typeof programTexts>>>;

/** The program texts of a parsed input and nothing else, as the columns of the same names store them. */
export function programTextColumns(input: ProgramTexts): ProgramTexts {
  return {
    titleDe: input.titleDe,
    titleEn: input.titleEn,
    titleZh: input.titleZh,
    descriptionDe: input.descriptionDe,
    descriptionEn: input.descriptionEn,
    descriptionZh: input.descriptionZh,
    internalNotes: input.internalNotes,
  };
}
