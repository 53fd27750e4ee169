"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { FormMessage } from "../../forms/FormMessage";
import { SubmitButton } from "../../forms/SubmitButton";
import { useFormAction } from "../../forms/useFormAction";
import { CodeField } from "./CodeField";
import { NewRecoveryCodes, recoveryCodesOf } from "./RecoveryCodes";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * The last step of setting up: the code the app shows. `children` (the QR code and the key) give way to
 * the recovery codes once it is confirmed; the page is reloaded only when they have been stored.
 */
export function ConfirmForm({
  action,
  email,
  children,
}: {
  action: Action;
  email: string;
  children: ReactNode;
}) {
  const t = useTranslations("adminTwoFactor.setup");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  if (recoveryCodesOf(state).length > 0) return <NewRecoveryCodes state={state} email={email} />;
  return (
    <div className="space-y-4">
      {children}
      <form {...formProps} noValidate className="space-y-3" aria-label={t("heading")}>
        <p>{t("confirm")}</p>
        <CodeField id="confirm-code" label={t("code")} state={state} digitsOnly />
        <FormMessage state={state.fieldErrors?.code ? { ok: false } : state} />
        <SubmitButton label={t("submit")} pendingLabel={t("pending")} pending={pending} />
      </form>
    </div>
  );
}
