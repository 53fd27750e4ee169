"use client";

import { useTranslations } from "next-intl";
import { useLocale } from "next-intl";
import { initialFormState, type FormState, type FormValues } from "@/app/_lib/form-state";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { delegateFieldOrder, delegateFieldTargets, GIVE_UP_QUESTION } from "@/app/_lib/registration/form";
import { ErrorSummary } from "../forms/ErrorSummary";
import { CheckboxField, Choice, Section } from "../forms/Field";
import { FormMessage } from "../forms/FormMessage";
import { SubmitButton } from "../forms/SubmitButton";
import { FocusedNotice } from "../forms/FocusedNotice";
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
  pageTitle,
  draft,
}: {
  action: Action;
  values: FormValues;
  cities: CityOption[];
  hidden?: Record<string, string>;
  label?: string;
  /** The page's title, for the document's title while errors show. */
  pageTitle?: string;
  /** Where what the delegate typed goes along to the page in another language (forms/drafts.ts). */
  draft?: string;
}) {
  const t = useTranslations("manage");
  const tr = useTranslations("register");
  const locale = useLocale() as AppLocale;
  const { state, pending, formProps } = useFormAction(action, { ok: false, values }, { draft });
  return (
    <form {...formProps} className="space-y-6" noValidate aria-label={label ?? t("editDetails")}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ErrorSummary
        state={state}
        pageTitle={pageTitle}
        order={[...delegateFieldOrder(locale), "photoConsent", "listConsent"]}
        targets={delegateFieldTargets}
      />
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
  pageTitle?: string;
  draft?: string;
};

/**
 * The delegate's choice of sessions. Unticking a seat in a full session is not saved at once: the server
 * answers with a question (GIVE_UP_QUESTION), whose buttons send the same ticks again with the answer.
 */
export function ChangeSessionsForm({
  action,
  slug,
  sessions,
  chosen,
  timeLabels,
  pageTitle,
  draft,
}: SessionsProps) {
  const t = useTranslations("manage");
  const tr = useTranslations("register");
  const tf = useTranslations("publicForms");
  const { state, pending, formProps } = useFormAction(action, initialFormState, { draft });
  const asking = state.code === GIVE_UP_QUESTION;
  return (
    <form {...formProps} className="space-y-4" noValidate aria-label={t("changeSessions")}>
      {asking ? (
        <FocusedNotice className="space-y-3 rounded-lg border-2 border-amber-500 bg-amber-50 p-4 text-amber-950 focus:outline-none focus-visible:ring-4 focus-visible:ring-amber-400">
          <h3 className="text-lg font-semibold" data-testid="give-up-question">
            {state.message}
          </h3>
          {state.notices?.map((notice) => (
            <p key={notice}>{notice}</p>
          ))}
          <div className="flex flex-wrap gap-3">
            <button
              type="submit"
              name="giveUp"
              value="confirmed"
              disabled={pending}
              className="rounded bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 disabled:opacity-60"
            >
              {tf("giveUpConfirm")}
            </button>
            <button
              type="submit"
              name="giveUp"
              value="keep"
              disabled={pending}
              className="rounded border border-slate-400 bg-white px-4 py-2 font-semibold hover:bg-slate-50 disabled:opacity-60"
            >
              {tf("giveUpKeep")}
            </button>
          </div>
        </FocusedNotice>
      ) : (
        <ErrorSummary
          state={state}
          pageTitle={pageTitle}
          targets={sessions[0] ? { sessionIds: `sessionIds-${sessions[0].id}` } : {}}
        />
      )}
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
