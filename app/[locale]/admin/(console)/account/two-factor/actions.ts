"use server";

import { refresh } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import type { FormValues } from "@/app/_lib/registration/form";
import { backOfficeAction, saved } from "@/app/_server/action";
import { beginEnrolment, confirmEnrolment, newRecoveryCodes, turnOffTwoFactor } from "@/app/_server/accounts/two-factor";

/**
 * The forms of one's own two-factor page: open to every signed-in organizer, also while their role's
 * second factor is still to be set up. New recovery codes come back once in the form state
 * (`recoveryCodes`); the page is not refreshed under them, so they stay on screen until stored.
 */

const code = (values: FormValues): string => (typeof values.code === "string" ? values.code : "");

const texts = (locale: AppLocale) => getTranslations({ locale, namespace: "adminTwoFactor" });

/** Set-up, or moving to another app (which takes a current code). The page then shows the QR code. */
export const startTwoFactor = backOfficeAction("ownAccount", async ({ actor, values }) => {
  await beginEnrolment(actor, code(values) || undefined);
  refresh();
  return { ok: true };
});

export const confirmTwoFactor = backOfficeAction("ownAccount", async ({ actor, locale, values }) => {
  const recoveryCodes = await confirmEnrolment(actor, code(values));
  return saved((await texts(locale))("setup.done"), { recoveryCodes });
});

export const renewRecoveryCodes = backOfficeAction("ownAccount", async ({ actor, locale, values }) => {
  const recoveryCodes = await newRecoveryCodes(actor, code(values));
  return saved((await texts(locale))("codes.renewed"), { recoveryCodes });
});

export const turnOffOwnTwoFactor = backOfficeAction("ownAccount", async ({ actor, locale, values }) => {
  await turnOffTwoFactor(actor, code(values));
  refresh();
  return saved((await texts(locale))("manage.offDone"));
});
