"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { FormMessage } from "../../forms/FormMessage";
import { SubmitButton } from "../../forms/SubmitButton";
import { useFormAction } from "../../forms/useFormAction";
import { CurrentPasswordField } from "../accounts/CurrentPasswordField";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * Begins setting up a first second factor, for the account's password (a session alone must not tie
 * the account to someone's phone); the page then shows the QR code to scan.
 */
export function StartForm({ action, email }: { action: Action; email: string }) {
  const t = useTranslations("adminTwoFactor.start");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  return (
    <form {...formProps} className="max-w-md space-y-3" noValidate aria-label={t("submit")}>
      <FormMessage state={state.fieldErrors?.password ? { ok: false } : state} />
      {/* Lets password managers fill in the password of this account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <CurrentPasswordField
        id="start-password"
        name="password"
        label={t("password")}
        hint={t("passwordHint")}
        state={state}
      />
      <SubmitButton label={t("submit")} pendingLabel={t("pending")} pending={pending} />
    </form>
  );
}
