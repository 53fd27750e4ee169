"use server";

import { refresh } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { backOfficeAction, saved } from "@/app/_server/action";
import {
  beginEnrolment,
  confirmEnrolment,
  newRecoveryCodes,
  turnOffTwoFactor,
} from "@/app/_server/accounts/two-factor";
import { formText } from "@/app/_server/forms";

/**
 * The forms of one's own two-factor page: open to every signed-in organizer, also while their role's
 * second factor is still to be set up. New recovery codes come back once in the form state
 * (`recoveryCodes`); the page is not refreshed under them, so they stay on screen until stored.
 */

const texts = (locale: AppLocale) => getTranslations({ locale, namespace: "adminTwoFactor" });

/** Set-up (with the password), or moving to another app (with a current code). The page then shows the QR code. */
export const startTwoFactor = backOfficeAction("ownAccount", async ({ actor, formData }) => {
  await beginEnrolment(actor, { password: formText(formData, "password"), code: formText(formData, "code") });
  refresh();
  return { ok: true };
});

export const confirmTwoFactor = backOfficeAction("ownAccount", async ({ actor, locale, formData }) => {
  const recoveryCodes = await confirmEnrolment(actor, formText(formData, "code"));
  return saved((await texts(locale))("setup.done"), { recoveryCodes });
});

export const renewRecoveryCodes = backOfficeAction("ownAccount", async ({ actor, locale, formData }) => {
  const recoveryCodes = await newRecoveryCodes(actor, formText(formData, "code"));
  return saved((await texts(locale))("codes.renewed"), { recoveryCodes });
});

export const turnOffOwnTwoFactor = backOfficeAction("ownAccount", async ({ actor, locale, formData }) => {
  await turnOffTwoFactor(actor, formText(formData, "code"));
  refresh();
  return saved((await texts(locale))("manage.offDone"));
});
