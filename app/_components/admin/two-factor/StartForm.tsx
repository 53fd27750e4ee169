"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/registration/form";
import { describedBy, FieldMessages } from "../../forms/Field";
import { FormMessage } from "../../forms/FormMessage";
import { SubmitButton } from "../../forms/SubmitButton";
import { useFormAction } from "../../forms/useFormAction";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * Begins setting up a first second factor, for the account's password (a session alone must not tie
 * the account to someone's phone); the page then shows the QR code to scan.
 */
export function StartForm({ action, email }: { action: Action; email: string }) {
  const t = useTranslations("adminTwoFactor.start");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  const hint = t("passwordHint");
  return (
    <form {...formProps} className="max-w-md space-y-3" noValidate aria-label={t("submit")}>
      <FormMessage state={state.fieldErrors?.password ? { ok: false } : state} />
      {/* Lets password managers fill in the password of this account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <div className="space-y-1">
        <label htmlFor="start-password" className="block font-medium">
          {t("password")}
        </label>
        <input
          id="start-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={1024}
          aria-invalid={state.fieldErrors?.password ? true : undefined}
          aria-describedby={describedBy("password", state, hint)}
          className="w-full rounded border border-slate-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600"
        />
        <FieldMessages name="password" hint={hint} state={state} />
      </div>
      <SubmitButton label={t("submit")} pendingLabel={t("pending")} pending={pending} />
    </form>
  );
}
