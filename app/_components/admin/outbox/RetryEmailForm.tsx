"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { FormMessage } from "../../forms/FormMessage";
import { SubmitButton } from "../../forms/SubmitButton";
import { useFormAction } from "../../forms/useFormAction";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** "Send again" for a failed or deferred email; the refusal (already sent, already due) as one sentence. */
export function RetryEmailForm({
  emailId,
  action,
  delivers,
}: {
  emailId: string;
  action: Action;
  delivers: boolean;
}) {
  const t = useTranslations("adminNumbers.outbox.retry");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  const fieldError = Object.values(state.fieldErrors ?? {})[0];
  return (
    <form {...formProps} className="space-y-2 rounded border border-slate-200 bg-white p-4 print:hidden">
      <h2 className="font-semibold">{t("title")}</h2>
      <p className="text-sm text-slate-700">
        {t("explain")} {!delivers && t("noSmtp")}
      </p>
      <input type="hidden" name="emailId" value={emailId} />
      <SubmitButton label={t("button")} pendingLabel={t("pending")} pending={pending} />
      <FormMessage state={fieldError ? { ...state, message: fieldError } : state} />
    </form>
  );
}
