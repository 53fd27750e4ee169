"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { FormMessage } from "../../forms/FormMessage";
import { SubmitButton } from "../../forms/SubmitButton";
import { useFormAction } from "../../forms/useFormAction";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** Starts a new draft and opens it. */
export function NewMessageButton({ action, meetingSlug }: { action: Action; meetingSlug: string }) {
  const t = useTranslations("adminMessages");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  return (
    <form {...formProps} className="space-y-2">
      <input type="hidden" name="meetingSlug" value={meetingSlug} />
      <FormMessage state={state} />
      <SubmitButton pending={pending} label={t("new")} pendingLabel={t("new")} />
    </form>
  );
}
