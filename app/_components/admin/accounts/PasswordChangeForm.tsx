"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/registration/form";
import { describedBy, FieldMessages } from "../../forms/Field";
import { FormMessage } from "../../forms/FormMessage";
import { SubmitButton } from "../../forms/SubmitButton";
import { useFormAction } from "../../forms/useFormAction";
import { NewPasswordFields } from "./NewPasswordFields";

type Props = { action: (state: FormState, formData: FormData) => Promise<FormState>; email: string; minLength: number };

/** The current password, then the new one twice. Nothing typed is sent back: passwords are typed again. */
export function PasswordChangeForm({ action, email, minLength }: Props) {
  const t = useTranslations("adminOwnAccount.password");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  return (
    <form {...formProps} className="max-w-md space-y-4" noValidate>
      <FormMessage state={state} />
      {/* Lets password managers store the new password with the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <div className="space-y-1">
        <label htmlFor="currentPassword" className="block font-medium">
          {t("current")}
        </label>
        <input
          id="currentPassword"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          maxLength={1024}
          aria-invalid={state.fieldErrors?.currentPassword ? true : undefined}
          aria-describedby={describedBy("currentPassword", state)}
          className="w-full rounded border border-slate-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600"
        />
        <FieldMessages name="currentPassword" state={state} />
      </div>
      <NewPasswordFields state={state} minLength={minLength} />
      <SubmitButton label={t("submit")} pendingLabel={t("pending")} pending={pending} />
    </form>
  );
}
