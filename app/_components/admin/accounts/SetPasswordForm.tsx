"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { FormMessage } from "../../forms/FormMessage";
import { SubmitButton } from "../../forms/SubmitButton";
import { useFormAction } from "../../forms/useFormAction";
import { NewPasswordFields } from "./NewPasswordFields";
import { SignInNext } from "./SignInNext";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  token: string;
  email: string;
  minLength: number;
};

/** The new password twice; afterwards only the way to sign in. */
export function SetPasswordForm({ action, token, email, minLength }: Props) {
  const t = useTranslations("adminAccounts.password");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  if (state.ok) return <SignInNext state={state} />;
  const linkError = state.fieldErrors?._;
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <FormMessage state={linkError ? { ...state, message: linkError } : state} />
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers store the new password with the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <NewPasswordFields state={state} minLength={minLength} />
      <SubmitButton label={t("submit")} pendingLabel={t("pending")} pending={pending} />
    </form>
  );
}
