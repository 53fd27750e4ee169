"use server";

import { refresh } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import type { FormValues } from "@/app/_lib/form-state";
import type { UserRole } from "@/app/_lib/roles";
import { backOfficeAction, saved } from "@/app/_server/action";
import {
  disableUser,
  enableUser,
  inviteUser,
  resetPassword,
  setUserRole,
} from "@/app/_server/accounts/mutations";
import { invalid } from "@/app/_server/errors";

/**
 * The accounts page's forms. The account an action is about comes as the hidden `userId` field, which
 * the domain validates. A new link comes back once in the form state (`link`, `validity`) for the admin
 * to copy; it is emailed too and stored nowhere in the clear.
 */

const text = (values: FormValues, name: string): string => {
  const value = values[name];
  return typeof value === "string" ? value : "";
};

const accountsText = (locale: AppLocale) => getTranslations({ locale, namespace: "adminAccounts" });

export const inviteAccount = backOfficeAction("manageAccounts", async ({ actor, locale, values }) => {
  const input = {
    email: text(values, "email"),
    name: text(values, "name"),
    role: text(values, "role") as UserRole,
  };
  const { link } = await inviteUser(actor, input, locale);
  refresh();
  return saved((await accountsText(locale))("invite.done", { email: input.email.trim().toLowerCase() }), {
    link,
    validity: "invite",
  });
});

export const changeAccountRole = backOfficeAction("manageAccounts", async ({ actor, locale, values }) => {
  await setUserRole(actor, text(values, "userId"), text(values, "role") as UserRole);
  refresh();
  return saved((await accountsText(locale))("row.roleSaved"), values);
});

export const disableAccount = backOfficeAction("manageAccounts", async ({ actor, locale, values }) => {
  if (values.confirm !== "on") throw invalid({ confirm: { key: "confirmRequired" } });
  await disableUser(actor, text(values, "userId"));
  refresh();
  return saved((await accountsText(locale))("row.disabled"));
});

export const enableAccount = backOfficeAction("manageAccounts", async ({ actor, locale, values }) => {
  await enableUser(actor, text(values, "userId"));
  refresh();
  return saved((await accountsText(locale))("row.enabled"));
});

export const resetAccountPassword = backOfficeAction("manageAccounts", async ({ actor, locale, values }) => {
  const { name, link } = await resetPassword(actor, text(values, "userId"), locale);
  refresh();
  return saved((await accountsText(locale))("row.resetDone", { name }), { link, validity: "reset" });
});
