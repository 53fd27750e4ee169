"use server";

import { refresh } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { userRoles } from "@/app/_lib/roles";
import { backOfficeAction, saved } from "@/app/_server/action";
import { resetTwoFactor, setRolePolicy } from "@/app/_server/accounts/two-factor-admin";
import { invalid } from "@/app/_server/errors";
import { formText } from "@/app/_server/forms";

/** The accounts page's forms about second factors: an account's reset, and the roles that require one. */

const texts = (locale: AppLocale) => getTranslations({ locale, namespace: "adminTwoFactor.accounts" });

export const resetAccountTwoFactor = backOfficeAction(
  "manageAccounts",
  async ({ actor, locale, formData }) => {
    if (formText(formData, "confirm") !== "on") throw invalid({ confirm: { key: "confirmRequired" } });
    const { name } = await resetTwoFactor(actor, formText(formData, "userId"));
    refresh();
    return saved((await texts(locale))("resetDone", { name }));
  },
);

export const saveTwoFactorPolicy = backOfficeAction(
  "manageAccounts",
  async ({ actor, locale, values }) => {
    const ticked = new Set([values.required ?? []].flat());
    // Admins first: when requiring it for them is refused, nothing else has changed either.
    for (const role of ["admin", ...userRoles.filter((role) => role !== "admin")] as const)
      await setRolePolicy(actor, role, ticked.has(role));
    refresh();
    return saved((await texts(locale))("policySaved"));
  },
  { lists: ["required"] },
);
