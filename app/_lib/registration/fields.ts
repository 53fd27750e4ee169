import { z } from "zod";
import { locales } from "../i18n/locales";
import { RECORD_ID } from "../ids";
import { always, limitOf, message, optional, required, type ValidationKey } from "../schema";
import { visaRequest } from "./visa";

/**
 * What a delegate enters, validated the same way for the form, the manage page and the JSON API.
 * Error messages are keys of the `validation` messages, so that every caller can answer in the
 * visitor's language.
 */

export const delegateRoles = ["head_of_delegation", "delegate", "interpreter", "press", "guest"] as const;
export type DelegateRole = (typeof delegateRoles)[number];

export const nameOrders = ["given_first", "family_first"] as const;

export type { ValidationKey };

/** Latin letters with any accents, spaces, hyphens, apostrophes and dots: "Müller-Lüdenscheidt", "O'Neill", "Wang". */
const LATIN_NAME = /^[\p{Script=Latin}\p{M}][\p{Script=Latin}\p{M}\s'’.\-]*$/u;
const latinName = required(100).pipe(z.string().regex(LATIN_NAME, message("latinScript")));

/** A telephone number as people write it: digits, an optional leading +, spaces, brackets, dots, dashes. */
export const PHONE = /^\+?[0-9][0-9 ()\/.\-]{4,29}$/;

const flag = z.boolean(message("invalidChoice")).default(false);
const locale = z.enum(locales, message("invalidChoice"));

function distinctList<T extends z.ZodType<string>>(item: T, max: number) {
  return z
    .array(item, message("invalidChoice"))
    .max(max, message("tooMany"))
    .default([])
    .refine((values) => new Set(values).size === values.length, message("duplicate"));
}

/** Person, delegation, contact, needs and consents: what the manage page lets a delegate edit. */
export const delegateDetails = z
  .object({
    givenName: latinName,
    familyName: latinName,
    nativeName: optional(100),
    nameOrder: z.enum(nameOrders, message("invalidChoice")).default("given_first"),
    honorific: optional(100),
    position: optional(200),
    organization: optional(200),
    cityId: optional(40).pipe(z.union([z.null(), z.string().regex(RECORD_ID, message("invalidChoice"))])),
    cityOther: optional(200),
    role: z.enum(delegateRoles, message("invalidChoice")),
    email: required(254)
      .pipe(z.email(message("email")))
      .transform((value) => value.toLowerCase()),
    phone: optional(40).pipe(z.union([z.null(), z.string().regex(PHONE, message("phone"))])),
    language: locale,
    interpretation: distinctList(locale, locales.length),
    dietaryNeeds: optional(500),
    accessibilityNeeds: optional(500),
    visaLetter: flag,
    photoConsent: flag,
    listConsent: flag,
  })
  // Checked even when other fields are wrong (`when`), so that the form shows every problem at once.
  .refine((value) => Boolean(value?.cityId || value?.cityOther), {
    path: ["cityId"],
    ...message("cityOrOther"),
    when: always,
  })
  .refine((value) => !(value?.cityId && value?.cityOther), {
    path: ["cityOther"],
    ...message("cityOrOther"),
    when: always,
  });

export type DelegateDetails = z.output<typeof delegateDetails>;

/** The most sessions one delegate may pick. */
export const MAX_SESSIONS = 20;

export const sessionChoice = distinctList(
  z.string(message("invalidChoice")).regex(RECORD_ID, message("invalidChoice")),
  MAX_SESSIONS,
);

/**
 * A new registration: the details, the chosen sessions, the consent to the privacy notice and, with a visa
 * letter, what the consulate needs (`visa`, registration/visa.ts).
 */
export const registrationInput = delegateDetails
  .and(
    z.object({
      sessionIds: sessionChoice,
      privacyConsent: z.literal(true, message("privacyConsent")),
    }),
  )
  .and(visaRequest);

export type RegistrationInput = z.output<typeof registrationInput>;

/** A field's problem: a message key and the values its text needs ({city}, {quota}, …). */
export type FieldError = { key: ValidationKey; values?: Record<string, string | number> };

/** Problems by dotted field path ("email", "sessionIds.2"); "_" for the input as a whole. */
export type FieldErrors = Record<string, FieldError>;

/** The first problem of each field. Zod's own messages (for shapes the schema does not expect) become "invalidChoice". */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "_";
    errors[path] ??= { key: isSchemaKey(issue.message) ? issue.message : "invalidChoice", ...limitOf(issue) };
  }
  return errors;
}

const schemaKeys: readonly string[] = [
  "required",
  "tooLong",
  "latinScript",
  "email",
  "phone",
  "invalidChoice",
  "cityOrOther",
  "tooMany",
  "duplicate",
  "privacyConsent",
  "number",
  "tooSmall",
  "valueTooLarge",
  "date",
  "dateTime",
  "endsBeforeStart",
  "passportNumber",
  "birthDate",
  "departureBeforeArrival",
  "passportExpiry",
] satisfies ValidationKey[];

function isSchemaKey(value: string): value is ValidationKey {
  return schemaKeys.includes(value);
}
