"use server";

import { redirect } from "next/navigation";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { registrationInput } from "@/app/_lib/registration/fields";
import type { FormState } from "@/app/_lib/form-state";
import { registrationFormValues } from "@/app/_lib/registration/form";
import { env } from "@/app/_server/env";
import { actionClientAddress, formStateOf, invalidFormState, malformedArguments } from "@/app/_server/forms";
import { getMeeting } from "@/app/_server/meetings/queries";
import { enforceRateLimits, rateLimitKey } from "@/app/_server/rate-limit";
import { manageTokenOf, register } from "@/app/_server/registration/register";
import { parseDelegateForm } from "@/app/_server/registration/form-input";

/**
 * The registration form. The form's one-time token is the idempotency key, so a double click, a retry
 * or the back button never registers anyone twice; success leads to the manage page.
 */
export async function registerAction(
  slug: string,
  locale: AppLocale,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const malformed = malformedArguments({ locale, formData, texts: [slug] });
  if (malformed) return malformed;
  const values = registrationFormValues(formData);
  let token: string;
  try {
    // Counted like the API: every attempt, before anything else.
    await enforceRateLimits(
      [await rateLimitKey("registration:client", await actionClientAddress())],
      env().RATE_LIMIT_REGISTRATIONS,
    );
    // An unknown meeting is refused before the form is read.
    await getMeeting(slug);
    const parsed = await parseDelegateForm(registrationInput, values, locale);
    if (parsed.fields) return invalidFormState(parsed.fields, locale, values);

    const formToken =
      typeof values.formToken === "string" && values.formToken.length <= 64 ? values.formToken : undefined;
    token = manageTokenOf(await register(slug, parsed.data, { locale, idempotencyKey: formToken }));
  } catch (error) {
    return formStateOf(error, locale, values);
  }
  redirect(`/${locale}/manage/${token}?welcome=1`);
}
