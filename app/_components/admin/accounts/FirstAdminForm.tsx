"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { FormMessage } from "../../forms/FormMessage";
import { SubmitButton } from "../../forms/SubmitButton";
import { useFormAction } from "../../forms/useFormAction";
import { AccountFields } from "./AccountFields";
import { NewPasswordFields } from "./NewPasswordFields";
import { SignInNext } from "./SignInNext";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  token: string;
  minLength: number;
};

/**
 * The first admin's address, name and password. After a refusal the address and name stay as typed; the
 * passwords never come back from the server. Afterwards only the way to sign in.
 */
export function FirstAdminForm({ action, token, minLength }: Props) {
  const t = useTranslations("adminAccounts.setup");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  if (state.ok) return <SignInNext state={state} />;
  const linkError = state.fieldErrors?._;
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <FormMessage state={linkError ? { ...state, message: linkError } : state} />
      <input type="hidden" name="token" value={token} />
      <AccountFields
        state={state}
        labels={{ email: t("email"), name: t("name"), required: t("required") }}
        own
      />
      <NewPasswordFields state={state} minLength={minLength} />
      <SubmitButton label={t("submit")} pendingLabel={t("pending")} pending={pending} />
    </form>
  );
}
