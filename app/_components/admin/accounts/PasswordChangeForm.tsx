"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { FormMessage } from "../../forms/FormMessage";
import { SubmitButton } from "../../forms/SubmitButton";
import { useFormAction } from "../../forms/useFormAction";
import { CurrentPasswordField } from "./CurrentPasswordField";
import { NewPasswordFields } from "./NewPasswordFields";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  email: string;
  minLength: number;
};

/** The current password, then the new one twice. Nothing typed is sent back: passwords are typed again. */
export function PasswordChangeForm({ action, email, minLength }: Props) {
  const t = useTranslations("adminOwnAccount.password");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  return (
    <form {...formProps} className="max-w-md space-y-4" noValidate>
      <FormMessage state={state} />
      {/* Lets password managers store the new password with the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <CurrentPasswordField id="currentPassword" name="currentPassword" label={t("current")} state={state} />
      <NewPasswordFields state={state} minLength={minLength} />
      <SubmitButton label={t("submit")} pendingLabel={t("pending")} pending={pending} />
    </form>
  );
}
