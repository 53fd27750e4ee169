"use client";

import { useTranslations } from "next-intl";
import type { FormState } from "@/app/_lib/form-state";
import { PasswordField } from "../../forms/Field";

/** A new password and its repetition, with the rule as a hint and each field's error: set-password and first-admin forms. */
export function NewPasswordFields({ state, minLength }: { state: FormState; minLength: number }) {
  const t = useTranslations("adminAccounts.password");
  return (["password", "passwordRepeat"] as const).map((name) => (
    <PasswordField
      key={name}
      name={name}
      label={t(name)}
      state={state}
      hint={name === "password" ? t("hint", { min: minLength }) : undefined}
      autoComplete="new-password"
      minLength={minLength}
    />
  ));
}
