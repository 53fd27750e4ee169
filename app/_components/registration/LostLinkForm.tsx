"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { EmailField } from "../forms/Field";
import { ErrorSummary } from "../forms/ErrorSummary";
import { SubmitButton } from "../forms/SubmitButton";
import { useFormAction } from "../forms/useFormAction";
import { LOST_LINK_DRAFT } from "./RegistrationForm";

export function LostLinkForm({
  action,
  pageTitle,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  pageTitle: string;
}) {
  const t = useTranslations("lostLink");
  const tr = useTranslations("register");
  const { state, pending, formProps } = useFormAction(action, initialFormState, { draft: LOST_LINK_DRAFT });
  return (
    <form
      {...formProps}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
      noValidate
    >
      <ErrorSummary state={state} pageTitle={pageTitle} ownsTitle />
      <EmailField label={t("email")} state={state} requiredLabel={tr("required")} autoComplete="email" />
      <SubmitButton pending={pending} label={t("submit")} pendingLabel={tr("submitting")} />
    </form>
  );
}
