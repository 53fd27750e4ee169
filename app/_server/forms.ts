import "server-only";
import { headers } from "next/headers";
import { isLocale, type AppLocale } from "@/app/_lib/i18n/locales";
import { routing } from "@/app/_lib/i18n/routing";
import { describeFieldErrors, validationMessage } from "@/app/_lib/registration/errors";
import type { FieldErrors } from "@/app/_lib/registration/fields";
import type { FormState, FormValues } from "@/app/_lib/form-state";
import { formFieldOf } from "@/app/_lib/registration/form";
import { asAppError } from "./errors";
import { clientAddress, errorSentence } from "./http";

/**
 * Server actions answer with one form-state shape: what went wrong, in the visitor's language, next to
 * each field, and the values as typed so that nothing is lost.
 */
export function invalidFormState(fields: FieldErrors, locale: AppLocale, values: FormValues): FormState {
  const fieldErrors: Record<string, string> = {};
  for (const [path, sentence] of Object.entries(describeFieldErrors(fields, locale)))
    fieldErrors[formFieldOf(path)] ??= sentence;
  return { ok: false, message: validationMessage("summary", locale), fieldErrors, values };
}

/**
 * The form state for a domain error, or for a database outage ("try again in a moment", with what was
 * typed kept); anything else is a bug and is thrown on.
 */
export function formStateOf(thrown: unknown, locale: AppLocale, values: FormValues): FormState {
  const error = asAppError(thrown);
  if (!error) throw thrown;
  if (error.details.fields) {
    const state = invalidFormState(error.details.fields, locale, values);
    return error.code === "invalid"
      ? state
      : { ...state, message: errorSentence(error, locale), code: error.code };
  }
  return { ok: false, message: errorSentence(error, locale), values, code: error.code };
}

/**
 * The answer to a public server action called with arguments of the wrong kind, or null when they are
 * of the kinds its page binds. Its bound values (a slug, a token, the language) and its form come from
 * the browser as sent, so a hand-made request can put anything there; this keeps that from becoming a
 * 500 deeper in. (The back office's actions check the same in action.ts.)
 */
export function malformedArguments(given: {
  locale: unknown;
  formData?: unknown;
  texts?: unknown[];
}): FormState | null {
  const { locale, texts = [] } = given;
  const textsFit = texts.every((text) => typeof text === "string");
  // An action that takes a form needs one; one that does not leaves the key out.
  const formFits = !("formData" in given) || given.formData instanceof FormData;
  if (isLocale(locale) && formFits && textsFit) return null;
  return {
    ok: false,
    message: validationMessage("malformed", isLocale(locale) ? locale : routing.defaultLocale),
  };
}

/** A text field of a posted form; "" when it is missing or a file. */
export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** The address of the client calling a server action, for rate limits. */
export async function actionClientAddress(): Promise<string> {
  return clientAddress(await headers());
}
