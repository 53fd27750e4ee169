"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/registration/form";
import { FormMessage } from "../../forms/FormMessage";
import { SubmitButton } from "../../forms/SubmitButton";
import { useFormAction } from "../../forms/useFormAction";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** Begins setting up a first second factor; the page then shows the QR code to scan. */
export function StartForm({ action }: { action: Action }) {
  const t = useTranslations("adminTwoFactor.start");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  return (
    <form {...formProps} className="space-y-3">
      <FormMessage state={state} />
      <SubmitButton label={t("submit")} pendingLabel={t("pending")} pending={pending} />
    </form>
  );
}
