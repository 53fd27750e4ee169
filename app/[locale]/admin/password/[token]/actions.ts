"use server";

import { getLocale, getTranslations } from "next-intl/server";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import type { FormState } from "@/app/_lib/form-state";
import { setPasswordWithToken } from "@/app/_server/accounts/set-password";
import { actionClientAddress, formStateOf, formText, malformedArguments } from "@/app/_server/forms";
import { enforceRateLimits, rateLimitKey } from "@/app/_server/rate-limit";

/**
 * Sets the password from a one-time link. Not a back-office action: nobody is signed in, the token (a
 * hidden field, as in the URL) is the credential. Attempts are limited per client address so that
 * nobody can try tokens or flood the password hashing. Passwords never come back in the form state.
 */
export async function setPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const locale = (await getLocale()) as AppLocale;
  const malformed = malformedArguments({ locale, formData });
  if (malformed) return malformed;
  try {
    await enforceRateLimits([await rateLimitKey("password-link", await actionClientAddress())], 20, 3600);
    await setPasswordWithToken(
      formText(formData, "token"),
      formText(formData, "password"),
      formText(formData, "passwordRepeat"),
    );
  } catch (error) {
    return formStateOf(error, locale, {});
  }
  return {
    ok: true,
    message: (await getTranslations({ locale, namespace: "adminAccounts.password" }))("done"),
  };
}
