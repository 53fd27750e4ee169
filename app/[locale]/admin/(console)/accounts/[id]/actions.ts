"use server";

import { refresh } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { backOfficeAction, saved } from "@/app/_server/action";
import { endOtherSessions, endSessionByHandle } from "@/app/_server/accounts/session-list";
import { formText } from "@/app/_server/forms";

/** An admin ends another account's sessions. The account comes as the hidden `userId` field. */

const sessionText = (locale: AppLocale) => getTranslations({ locale, namespace: "adminOwnAccount.sessions" });

export const endAccountSession = backOfficeAction("manageAccounts", async ({ actor, locale, formData }) => {
  await endSessionByHandle(actor, formText(formData, "userId"), formText(formData, "session"));
  refresh();
  return saved((await sessionText(locale))("ended"));
});

export const endAccountSessions = backOfficeAction("manageAccounts", async ({ actor, locale, formData }) => {
  const count = await endOtherSessions(actor, formText(formData, "userId"));
  refresh();
  return saved((await sessionText(locale))("othersEnded", { count }));
});
