"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { Link } from "@/app/_lib/i18n/navigation";
import { CheckboxField, Choice, FieldMessages, Section, textValue } from "../forms/Field";
import { FormMessage } from "../forms/FormMessage";
import { SubmitButton } from "../forms/SubmitButton";
import { useFormAction } from "../forms/useFormAction";
import { DelegateFields, type CityOption } from "./DelegateFields";
import { SessionChoice, type SessionOption } from "./SessionChoice";
import { VisaFields } from "./VisaFields";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  slug: string;
  formToken: string;
  cities: CityOption[];
  sessions: SessionOption[];
  timeLabels: { local: string; china: string };
  /** Working days within which the meeting's visa letters are sent. */
  visaLetterDays: number;
};

/** The registration form. Works without JavaScript too: the server action answers with the same state. */
export function RegistrationForm({
  action,
  slug,
  formToken,
  cities,
  sessions,
  timeLabels,
  visaLetterDays,
}: Props) {
  const t = useTranslations("register");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  const flag = (name: string) => textValue(state, name) === "on";

  return (
    <form {...formProps} className="space-y-6" noValidate>
      <input type="hidden" name="formToken" value={formToken} />
      <FormMessage state={state} />
      <DelegateFields
        state={state}
        cities={cities}
        visa={<VisaFields state={state} days={visaLetterDays} />}
      />
      <Section title={t("sessions")}>
        <SessionChoice slug={slug} sessions={sessions} state={state} labels={timeLabels} />
      </Section>
      <Section title={t("consent")}>
        <details className="rounded bg-slate-50 p-3 text-sm">
          <summary className="cursor-pointer font-medium">{t("privacyTitle")}</summary>
          <p className="mt-2">{t("privacyText")}</p>
        </details>
        <p className="text-sm">
          <Link href="/privacy" className="text-brand-700 underline">
            {t("privacyLink")}
          </Link>
        </p>
        <div className="space-y-2">
          <Choice
            type="checkbox"
            name="privacyConsent"
            value="on"
            required
            defaultChecked={flag("privacyConsent")}
            invalid={Boolean(state.fieldErrors?.privacyConsent)}
            describedBy={state.fieldErrors?.privacyConsent ? "privacyConsent-error" : undefined}
            label={
              <>
                {t("privacyConsent")} <span className="text-red-700">*</span>
              </>
            }
          />
          <FieldMessages name="privacyConsent" state={state} />
          <CheckboxField name="photoConsent" label={t("photoConsent")} state={state} />
          <CheckboxField name="listConsent" label={t("listConsent")} state={state} />
        </div>
      </Section>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("submitting")} />
        <Link href="/manage" className="text-brand-700 underline">
          {t("lostLink")}
        </Link>
      </div>
    </form>
  );
}
