"use server";

import { refresh } from "next/cache";
import { getTranslations } from "next-intl/server";
import { isLocale, localeNames } from "@/app/_lib/i18n/locales";
import { backOfficeAction, saved } from "@/app/_server/action";
import { saveVisaLetterTemplate } from "@/app/_server/desk/visa-letters";
import { setVisaLetterStatus } from "@/app/_server/desk/visa-letter-status";

/**
 * Saves the visa letter template of one language, or (intent "reset") goes back to the built-in letter.
 * Meeting and language come in hidden fields; the domain checks both and the role.
 */
export const saveVisaLetterAction = backOfficeAction("handleVisaLetters", async ({ actor, values }) => {
  const field = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const lang = field("lang");
  const reset = field("intent") === "reset";
  await saveVisaLetterTemplate(actor, field("meetingSlug"), lang, reset ? null : field("template"));
  refresh();
  const t = await getTranslations("adminRegistrations.visa");
  const language = isLocale(lang) ? localeNames[lang] : lang;
  // After a reset the form shows the built-in letter again; nothing typed is worth keeping.
  return saved(reset ? t("resetDone", { lang: language }) : t("saved", { lang: language }));
});

/** Sets the status of one delegate's letter (requested, issued on a day, sent on a day); audited by the domain. */
export const setVisaLetterStatusAction = backOfficeAction("handleVisaLetters", async ({ actor, values }) => {
  await setVisaLetterStatus(actor, String(values.meetingId ?? ""), {
    registrationId: values.registrationId,
    status: values.status,
    day: values.day || undefined,
  });
  refresh();
  return saved((await getTranslations("adminVisa"))("statusSaved"));
});
