"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { FormMessage } from "../forms/FormMessage";
import { SubmitButton } from "../forms/SubmitButton";
import { useFormAction } from "../forms/useFormAction";

type Props = { action: (state: FormState, formData: FormData) => Promise<FormState> };

/**
 * A new address for the delegate's personal feed. The page shows the current one every time; this ends it
 * (a POST), for an address that was shared by mistake, and the page then shows the new one.
 */
export function PersonalCalendarForm({ action }: Props) {
  const t = useTranslations("calendar");
  const tr = useTranslations("register");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  return (
    <form {...formProps} className="space-y-3" aria-label={t("personalRotate")}>
      <FormMessage state={state} />
      <SubmitButton pending={pending} label={t("personalRotate")} pendingLabel={tr("submitting")} />
    </form>
  );
}
