"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { EmailField } from "../forms/Field";
import { FormMessage } from "../forms/FormMessage";
import { SubmitButton } from "../forms/SubmitButton";
import { useFormAction } from "../forms/useFormAction";

export function LostLinkForm({
  action,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const t = useTranslations("lostLink");
  const tr = useTranslations("register");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  return (
    <form
      {...formProps}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
      noValidate
    >
      <FormMessage state={state} />
      <EmailField label={t("email")} state={state} requiredLabel={tr("required")} autoComplete="email" />
      <SubmitButton pending={pending} label={t("submit")} pendingLabel={tr("submitting")} />
    </form>
  );
}
