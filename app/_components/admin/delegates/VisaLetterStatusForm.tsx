"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { visaLetterStatuses, type VisaLetterStatus } from "@/app/_lib/registration/visa";
import { describedBy, FieldMessages, inputClass, textValue } from "../../forms/Field";
import { FormMessage } from "../../forms/FormMessage";
import { SubmitButton } from "../../forms/SubmitButton";
import { useFormAction } from "../../forms/useFormAction";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  meetingId: string;
  registrationId: string;
  status: VisaLetterStatus;
  /** The day to offer: the step's own day where it has one, otherwise today in the meeting's zone. */
  day: string;
};

/** The status of one delegate's letter, with the day it was issued or sent. Field ids carry the registration. */
export function VisaLetterStatusForm({ action, meetingId, registrationId, status, day }: Props) {
  const t = useTranslations("adminVisa");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  const id = (name: string) => `${name}-${registrationId}`;
  return (
    <form {...formProps} className="space-y-1" noValidate data-testid="visa-status-form">
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="registrationId" value={registrationId} />
      <FormMessage state={state} />
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={id("status")} className="block text-sm font-medium">
            {t("setStatus")}
          </label>
          <select
            id={id("status")}
            name="status"
            defaultValue={textValue(state, "status") ?? status}
            className={inputClass}
          >
            {visaLetterStatuses.map((option) => (
              <option key={option} value={option}>
                {t(`statuses.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={id("day")} className="block text-sm font-medium">
            {t("day")}
          </label>
          <input
            id={id("day")}
            type="date"
            name="day"
            defaultValue={textValue(state, "day") ?? day}
            aria-invalid={state.fieldErrors?.day ? true : undefined}
            aria-describedby={describedBy("day", state)}
            className={inputClass}
          />
        </div>
        <SubmitButton pending={pending} label={t("save")} pendingLabel={t("save")} />
      </div>
      <FieldMessages name="day" state={state} />
    </form>
  );
}
