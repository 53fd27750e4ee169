"use client";

import { useTranslations } from "next-intl";
import { TextField } from "@/app/_components/forms/Field";
import { FormMessage } from "@/app/_components/forms/FormMessage";
import { SubmitButton } from "@/app/_components/forms/SubmitButton";
import { useFormAction } from "@/app/_components/forms/useFormAction";
import { initialFormState, type FormState } from "@/app/_lib/form-state";

type Props = {
  meetingSlug: string;
  sessionId: string;
  lateNoticeMinutes: number;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
};

/** From how many minutes late the public pages say so while the ceremony runs. */
export function LateNoticeForm({ meetingSlug, sessionId, lateNoticeMinutes, action }: Props) {
  const t = useTranslations("adminLive.lateNotice");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  return (
    <form {...formProps} className="space-y-3" data-testid="late-notice-form">
      <input type="hidden" name="meetingSlug" value={meetingSlug} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <FormMessage state={state} />
      <div className="max-w-xs">
        <TextField
          name="lateNoticeMinutes"
          type="number"
          min={1}
          label={t("label")}
          hint={t("hint")}
          state={state}
          defaultValue={String(lateNoticeMinutes)}
        />
      </div>
      <SubmitButton label={t("save")} pendingLabel={t("saving")} pending={pending} />
    </form>
  );
}
