"use server";

import { getLocale, getTranslations } from "next-intl/server";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import type { FormState } from "@/app/_lib/form-state";
import { createFirstAdmin } from "@/app/_server/accounts/first-admin";
import { actionClientAddress, formStateOf, formText, malformedArguments } from "@/app/_server/forms";
import { enforceRateLimits, rateLimitKey } from "@/app/_server/rate-limit";

/**
 * Creates the first admin from the setup link. Nobody is signed in: the token (a hidden field, as in the
 * URL) is the credential. Attempts are limited per client address, as for password links, so that nobody
 * can try tokens or flood the password hashing. The passwords never come back in the form state.
 */
export async function createFirstAdminAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const locale = (await getLocale()) as AppLocale;
  const malformed = malformedArguments({ locale, formData });
  if (malformed) return malformed;
  const typed = { email: formText(formData, "email"), name: formText(formData, "name") };
  let email: string;
  try {
    await enforceRateLimits([await rateLimitKey("setup-link", await actionClientAddress())], 20, 3600);
    ({ email } = await createFirstAdmin(formText(formData, "token"), {
      ...typed,
      password: formText(formData, "password"),
      passwordRepeat: formText(formData, "passwordRepeat"),
    }));
  } catch (error) {
    return formStateOf(error, locale, typed);
  }
  return {
    ok: true,
    message: (await getTranslations({ locale, namespace: "adminAccounts.setup" }))("done", { email }),
  };
}
