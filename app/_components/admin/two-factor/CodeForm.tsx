"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { FormMessage } from "../../forms/FormMessage";
import { SubmitButton } from "../../forms/SubmitButton";
import { useFormAction } from "../../forms/useFormAction";
import { CodeField } from "./CodeField";
import { NewRecoveryCodes, recoveryCodesOf } from "./RecoveryCodes";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** Each change's button, before and while it is sent (`adminTwoFactor.manage` messages). */
const buttons = {
  renew: { label: "renew", pending: "renewing" },
  replace: { label: "replace", pending: "replacing" },
  off: { label: "off", pending: "turningOff" },
} as const;

type Props = {
  action: Action;
  change: keyof typeof buttons;
  email: string;
};

/**
 * A change to one's own second factor that takes a current code (or a recovery code): new recovery
 * codes, another app, turning it off. New recovery codes are shown in place of the form.
 */
export function CodeForm({ action, change, email }: Props) {
  const t = useTranslations("adminTwoFactor.manage");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  if (recoveryCodesOf(state).length > 0) return <NewRecoveryCodes state={state} email={email} />;
  const label = t(buttons[change].label);
  return (
    <form {...formProps} noValidate className="space-y-3" aria-label={label}>
      <CodeField id={`${change}-code`} label={t("code")} state={state} />
      <FormMessage state={state.fieldErrors?.code ? { ok: false } : state} />
      <SubmitButton
        label={label}
        pendingLabel={t(buttons[change].pending)}
        pending={pending}
        tone={change === "off" ? "danger" : "primary"}
      />
    </form>
  );
}
