"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState, type FormValues } from "@/app/_lib/form-state";
import { CheckboxField, Choice, Section } from "../forms/Field";
import { FormMessage } from "../forms/FormMessage";
import { SubmitButton } from "../forms/SubmitButton";
import { useFormAction } from "../forms/useFormAction";
import { DelegateFields, type CityOption } from "./DelegateFields";
import { SessionChoice, type SessionOption } from "./SessionChoice";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * The delegate's details, prefilled with what is stored: on the manage page, and at the organizers' desk,
 * which names the registration and the meeting in `hidden` fields and the form in `label`.
 */
export function EditDetailsForm({
  action,
  values,
  cities,
  hidden = {},
  label,
}: {
  action: Action;
  values: FormValues;
  cities: CityOption[];
  hidden?: Record<string, string>;
  label?: string;
}) {
  const t = useTranslations("manage");
  const tr = useTranslations("register");
  const { state, pending, formProps } = useFormAction(action, { ok: false, values });
  return (
    <form {...formProps} className="space-y-6" noValidate aria-label={label ?? t("editDetails")}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormMessage state={state} />
      <DelegateFields state={state} cities={cities} />
      <Section title={tr("consent")}>
        <CheckboxField name="photoConsent" label={tr("photoConsent")} state={state} />
        <CheckboxField name="listConsent" label={tr("listConsent")} state={state} />
      </Section>
      <SubmitButton pending={pending} label={t("saveDetails")} pendingLabel={tr("submitting")} />
    </form>
  );
}

type SessionsProps = {
  action: Action;
  slug: string;
  sessions: SessionOption[];
  chosen: string[];
  timeLabels: { local: string; china: string };
};

export function ChangeSessionsForm({ action, slug, sessions, chosen, timeLabels }: SessionsProps) {
  const t = useTranslations("manage");
  const tr = useTranslations("register");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  return (
    <form {...formProps} className="space-y-4" noValidate aria-label={t("changeSessions")}>
      <FormMessage state={state} />
      <SessionChoice slug={slug} sessions={sessions} state={state} chosen={chosen} labels={timeLabels} />
      <SubmitButton pending={pending} label={t("saveSessions")} pendingLabel={tr("submitting")} />
    </form>
  );
}

type ConfirmProps = { action: Action; title: string; text: string; confirm: string; submit: string };

/** A destructive step behind a tick box: cancelling or deleting. Always a POST, never a link. */
export function ConfirmForm({ action, title, text, confirm, submit }: ConfirmProps) {
  const tr = useTranslations("register");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  return (
    <form
      {...formProps}
      className="space-y-3 rounded-lg border border-red-200 bg-white p-4 sm:p-6"
      aria-label={title}
    >
      <h3 className="text-lg font-semibold">{title}</h3>
      <p>{text}</p>
      <FormMessage state={state} />
      <Choice type="checkbox" name="confirm" value="on" defaultChecked={false} label={confirm} />
      <SubmitButton pending={pending} label={submit} pendingLabel={tr("submitting")} tone="danger" />
    </form>
  );
}
