import { z } from "zod";
import { limitOf, message } from "../schema";
import { RECORD_ID } from "../ids";
import type { FieldErrors, ValidationKey } from "../registration/fields";
import { userRoles } from "../roles";

/**
 * What an admin enters about an account, and what the owner of a set-password link enters. Shared by
 * the forms (server actions) and the domain, which parses again. Messages are `validation` keys.
 */

/** Control characters never belong in a name or an address. */
const CONTROL = /[\u0000-\u001f\u007f]/g;

function required(max: number) {
  return z
    .string(message("required"))
    .transform((value) => value.replace(CONTROL, "").trim())
    .pipe(z.string().min(1, message("required")).max(max, message("tooLong")));
}

/** Longer input is refused rather than hashed: argon2 would take it, but nobody types that much. */
export const MAX_PASSWORD_LENGTH = 1024;

export const accountEmail = required(254)
  .pipe(z.email(message("email")))
  .transform((value) => value.toLowerCase());

export const accountRole = z.enum(userRoles, message("invalidChoice"));

export const userId = z.string(message("invalidChoice")).regex(RECORD_ID, message("invalidChoice"));

export const inviteInput = z.object({
  email: accountEmail,
  name: required(200),
  role: accountRole,
});

export type InviteInput = z.output<typeof inviteInput>;

export const roleChangeInput = z.object({ userId, role: accountRole });

/**
 * A new password typed twice. The minimum comes from the server's password rules (passed in, since
 * they live in server-only code); both checks run even when one fails, so the form shows every problem.
 */
export function newPasswordInput(minLength: number) {
  return z
    .object({
      password: z
        .string(message("required"))
        .min(minLength, message("passwordTooShort"))
        .max(MAX_PASSWORD_LENGTH, message("tooLong")),
      passwordRepeat: z.string(message("required")),
    })
    .refine((value) => value?.password === value?.passwordRepeat, {
      path: ["passwordRepeat"],
      ...message("passwordsDiffer"),
      when: () => true,
    });
}

/** One's own new password: the current one first, so that a session left open is not enough to take the account. */
export function passwordChangeInput(minLength: number) {
  return z.intersection(
    z.object({
      currentPassword: z
        .string(message("required"))
        .min(1, message("required"))
        .max(MAX_PASSWORD_LENGTH, message("tooLong")),
    }),
    newPasswordInput(minLength),
  );
}

/** The first admin of an installation, made through the setup link: an invitation and its password at once. */
export function firstAdminInput(minLength: number) {
  return z.intersection(z.object({ email: accountEmail, name: required(200) }), newPasswordInput(minLength));
}

/**
 * An admin account from the command line: like an invitation, with the password given at once. The name
 * may be left out when the address already has an account.
 */
export function adminAccountInput(minLength: number) {
  return z.object({
    email: accountEmail,
    name: required(200).optional(),
    password: z
      .string(message("required"))
      .min(minLength, message("passwordTooShort"))
      .max(MAX_PASSWORD_LENGTH, message("tooLong")),
  });
}

/**
 * The first problem of each field, with the values its sentence needs ({min} for a short password).
 * Zod's own messages (shapes the schema does not expect) become "invalidChoice".
 */
export function accountFieldErrors(error: z.ZodError, minPasswordLength?: number): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "_";
    const key = accountKeys.includes(issue.message) ? (issue.message as ValidationKey) : "invalidChoice";
    errors[path] ??=
      key === "passwordTooShort"
        ? { key, values: { min: minPasswordLength ?? 0 } }
        : { key, ...limitOf(issue) };
  }
  return errors;
}

const accountKeys: readonly string[] = [
  "required",
  "tooLong",
  "email",
  "invalidChoice",
  "passwordTooShort",
  "passwordsDiffer",
  "setupLinkExpired",
  "passwordWrong",
] satisfies ValidationKey[];
