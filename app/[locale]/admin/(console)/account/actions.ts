"use server";

import { refresh } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { backOfficeAction, saved } from "@/app/_server/action";
import { changeOwnPassword } from "@/app/_server/accounts/own-password";
import { endOtherSessions, endSessionByHandle } from "@/app/_server/accounts/session-list";
import { formText } from "@/app/_server/forms";

/** The forms of one's own account: its sessions, its password. The domain checks whose account it is. */

const ownText = (locale: AppLocale) => getTranslations({ locale, namespace: "adminOwnAccount" });

export const endOwnSession = backOfficeAction("ownAccount", async ({ actor, locale, formData }) => {
  await endSessionByHandle(actor, actor.id, formText(formData, "session"));
  refresh();
  return saved((await ownText(locale))("sessions.ended"));
});

export const endOwnOtherSessions = backOfficeAction("ownAccount", async ({ actor, locale }) => {
  const count = await endOtherSessions(actor, actor.id);
  refresh();
  return saved((await ownText(locale))("sessions.othersEnded", { count }));
});

export const changePassword = backOfficeAction("ownAccount", async ({ actor, locale, formData }) => {
  await changeOwnPassword(actor, {
    currentPassword: formText(formData, "currentPassword"),
    password: formText(formData, "password"),
    passwordRepeat: formText(formData, "passwordRepeat"),
  });
  refresh();
  return saved((await ownText(locale))("password.done"));
});
