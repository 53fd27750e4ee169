"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { initialFormState, type FormState, type FormValues } from "@/app/_lib/form-state";
import { Choice, describedBy, FieldMessages, textValue, TextField } from "../../forms/Field";
import { FormMessage } from "../../forms/FormMessage";
import { SubmitButton } from "../../forms/SubmitButton";
import { useFormAction } from "../../forms/useFormAction";
import { type CityOption } from "../../registration/DelegateFields";
import { EditDetailsForm } from "../../registration/ManageForms";

/** The registration desk's forms: each a small form of its own, with its outcome beside its button. */

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** Every desk form names the registration and the desk's meeting: the server finds it only within that meeting. */
export type DeskIds = { registrationId: string; meetingId: string };

function Hidden({ fields }: { fields: Record<string, string> }) {
  return Object.entries(fields).map(([name, value]) => (
    <input key={name} type="hidden" name={name} value={value} />
  ));
}

/** Approve or reject, with an optional message that goes into the email. Two buttons, one form. */
export function ReviewForm({ action, ids }: { action: Action; ids: DeskIds }) {
  const t = useTranslations("adminRegistrations.desk");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  return (
    <form {...formProps} className="space-y-3" aria-label={t("decision")}>
      <Hidden fields={ids} />
      <TextField
        name="message"
        label={t("message")}
        hint={t("messageHint")}
        state={state}
        multiline
        maxLength={2000}
      />
      <div className="flex flex-wrap gap-3">
        <DecisionButton
          decision="approved"
          label={t("approve")}
          pending={pending}
          tone="bg-brand-700 text-white hover:bg-brand-800"
        />
        <DecisionButton
          decision="rejected"
          label={t("reject")}
          pending={pending}
          tone="border border-red-700 bg-white text-red-800 hover:bg-red-50"
        />
      </div>
      <FormMessage state={state} />
    </form>
  );
}

type DecisionProps = {
  decision: string;
  label: string;
  pending: boolean;
  tone: string;
};

function DecisionButton({ decision, label, pending, tone }: DecisionProps) {
  return (
    <button
      type="submit"
      name="decision"
      value={decision}
      disabled={pending}
      className={`rounded px-5 py-2.5 font-semibold disabled:opacity-60 ${tone}`}
    >
      {label}
    </button>
  );
}

/** A one-button form: resend, remove from a waiting list. */
export function ButtonForm({
  action,
  fields,
  label,
  hint,
  tone,
}: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  hint?: string;
  tone?: "danger";
}) {
  const t = useTranslations("adminRegistrations.desk");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  return (
    <form {...formProps} className="space-y-2">
      <Hidden fields={fields} />
      {hint && <p className="text-sm text-slate-600">{hint}</p>}
      <SubmitButton label={label} pendingLabel={t("working")} pending={pending} tone={tone} />
      <FormMessage state={state} />
    </form>
  );
}

/** A step behind a tick box (cancelling); the box's problem is shown at the box. */
export function ConfirmStepForm({
  action,
  fields,
  text,
  confirm,
  label,
}: {
  action: Action;
  fields: Record<string, string>;
  text: string;
  confirm: string;
  label: string;
}) {
  const t = useTranslations("adminRegistrations.desk");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  return (
    <form {...formProps} className="space-y-3">
      <Hidden fields={fields} />
      <p>{text}</p>
      <Choice
        type="checkbox"
        name="confirm"
        value="on"
        defaultChecked={false}
        label={confirm}
        describedBy={describedBy("confirm", state)}
        invalid={Boolean(state.fieldErrors?.confirm)}
      />
      <FieldMessages name="confirm" state={state} />
      <SubmitButton label={label} pendingLabel={t("working")} pending={pending} tone="danger" />
      {!state.fieldErrors?.confirm && <FormMessage state={state} />}
    </form>
  );
}

/** Gives a waitlisted person a seat; the tick box raises a full session's capacity by one for them. */
export function MoveUpForm({ action, ids, sessionId }: { action: Action; ids: DeskIds; sessionId: string }) {
  const t = useTranslations("adminRegistrations.desk");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  const name = `addSeat-${sessionId}`;
  return (
    <form {...formProps} className="space-y-2">
      <Hidden fields={{ ...ids, sessionId }} />
      <p className="text-sm text-slate-600">{t("moveUpHint")}</p>
      <Choice
        type="checkbox"
        name="addSeat"
        value="on"
        defaultChecked={textValue(state, "addSeat") === "on"}
        label={t("addSeat")}
        describedBy={state.fieldErrors?.addSeat ? `${name}-error` : undefined}
        invalid={Boolean(state.fieldErrors?.addSeat)}
      />
      {state.fieldErrors?.addSeat && (
        <p id={`${name}-error`} className="text-sm font-medium text-red-700" data-field-error="addSeat">
          {state.fieldErrors.addSeat}
        </p>
      )}
      {/* About the session itself (no longer waitlisted, not open): said above the button, not at the box. */}
      {state.fieldErrors?.sessionId && (
        <p className="text-sm font-medium text-red-700" data-field-error="sessionId">
          {state.fieldErrors.sessionId}
        </p>
      )}
      <SubmitButton label={t("moveUp")} pendingLabel={t("working")} pending={pending} />
      <FormMessage state={state} />
    </form>
  );
}

export type SessionBox = { id: string; label: ReactNode; checked: boolean };

/** The meeting's sessions with limited seats as tick boxes; saving books the ticked ones and gives up the others. */
export function SessionsForm({
  action,
  ids,
  sessions,
}: {
  action: Action;
  ids: DeskIds;
  sessions: SessionBox[];
}) {
  const t = useTranslations("adminRegistrations.desk");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  return (
    <form {...formProps} className="space-y-3">
      <Hidden fields={ids} />
      <fieldset className="space-y-2" aria-describedby={describedBy("sessionIds", state)}>
        <legend className="font-medium">{t("sessionsLegend")}</legend>
        {sessions.map((session) => (
          <Choice
            key={session.id}
            type="checkbox"
            name="sessionIds"
            value={session.id}
            defaultChecked={session.checked}
            label={session.label}
          />
        ))}
      </fieldset>
      <FieldMessages name="sessionIds" state={state} />
      <SubmitButton label={t("saveSessions")} pendingLabel={t("working")} pending={pending} />
      <FormMessage state={state} />
    </form>
  );
}

/** The delegate's details: the manage page's form, naming the registration and the meeting. */
export function DetailsForm({
  action,
  ids,
  values,
  cities,
}: {
  action: Action;
  ids: DeskIds;
  values: FormValues;
  cities: CityOption[];
}) {
  const t = useTranslations("adminRegistrations.desk");
  return (
    <EditDetailsForm action={action} values={values} cities={cities} hidden={ids} label={t("editDetails")} />
  );
}
