"use client";

import { useTranslations } from "next-intl";
import type { FormState } from "@/app/_lib/form-state";
import { describedBy, FieldMessages } from "../../forms/Field";

const inputClass =
  "w-full rounded border border-slate-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600";

/** A new password and its repetition, with the rule as a hint and each field's error: set-password and first-admin forms. */
export function NewPasswordFields({ state, minLength }: { state: FormState; minLength: number }) {
  const t = useTranslations("adminAccounts.password");
  const hint = t("hint", { min: minLength });
  return (["password", "passwordRepeat"] as const).map((name) => (
    <div key={name} className="space-y-1">
      <label htmlFor={name} className="block font-medium">
        {t(name)}
      </label>
      <input
        id={name}
        name={name}
        type="password"
        autoComplete="new-password"
        required
        minLength={minLength}
        maxLength={1024}
        aria-invalid={state.fieldErrors?.[name] ? true : undefined}
        aria-describedby={describedBy(name, state, name === "password" ? hint : undefined)}
        className={inputClass}
      />
      <FieldMessages name={name} hint={name === "password" ? hint : undefined} state={state} />
    </div>
  ));
}
