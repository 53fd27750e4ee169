"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { FormMessage } from "../../forms/FormMessage";
import { SubmitButton } from "../../forms/SubmitButton";
import { useFormAction } from "../../forms/useFormAction";
import { CodeField } from "./CodeField";
import { NewRecoveryCodes, recoveryCodesOf } from "./RecoveryCodes";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

type Props = {
  action: Action;
  id: string;
  label: string;
  pendingLabel: string;
  email: string;
  tone?: "primary" | "danger";
};

/**
 * A change to one's own second factor that takes a current code (or a recovery code): new recovery
 * codes, another app, turning it off. New recovery codes are shown in place of the form.
 */
export function CodeForm({ action, id, label, pendingLabel, email, tone }: Props) {
  const t = useTranslations("adminTwoFactor.manage");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  if (recoveryCodesOf(state).length > 0) return <NewRecoveryCodes state={state} email={email} />;
  return (
    <form {...formProps} noValidate className="space-y-3" aria-label={label}>
      <CodeField id={id} label={t("code")} state={state} />
      <FormMessage state={state.fieldErrors?.code ? { ok: false } : state} />
      <SubmitButton label={label} pendingLabel={pendingLabel} pending={pending} tone={tone} />
    </form>
  );
}
