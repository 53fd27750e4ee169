"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Choice, textValue, listValue, RequiredMark, type FieldContext } from "@/app/_components/forms/Field";
import { FormMessage } from "@/app/_components/forms/FormMessage";
import { SubmitButton } from "@/app/_components/forms/SubmitButton";
import { useFormAction } from "@/app/_components/forms/useFormAction";
import { MAX_PARTICIPANTS } from "@/app/_lib/ceremony-input";
import { initialFormState, type FormState } from "@/app/_lib/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export type SegmentDefaults = {
  id: string;
  durationMinutes: number;
  titleDe: string;
  titleEn: string;
  titleZh: string;
  descriptionDe: string;
  descriptionEn: string;
  descriptionZh: string;
  internalNotes: string;
  participantIds: string[];
};

type Props = {
  meetingSlug: string;
  sessionId: string;
  /** Absent: the form adds a new segment. */
  segment?: SegmentDefaults;
  people: { id: string; name: string }[];
  saveAction: Action;
  deleteAction?: Action;
};

const internalClass = "rounded-lg border border-amber-300 bg-amber-50 p-3";

const inputClass =
  "w-full rounded border border-slate-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600";

/** Label, control and error of one field; ids carry the form's prefix, as several forms share the page. */
function Field(props: {
  prefix: string;
  name: string;
  label: string;
  state: FieldContext;
  defaultValue: string;
  multiline?: boolean;
  required?: string;
  lang?: string;
  inputMode?: "numeric";
  /** The id of a sentence about the field (who reads it), shown outside the field. */
  hintId?: string;
}) {
  const { prefix, name, state } = props;
  const id = `${prefix}-${name}`;
  const error = state.fieldErrors?.[name];
  const described = [props.hintId, error ? `${id}-error` : null].filter(Boolean).join(" ");
  const control = {
    id,
    name,
    defaultValue: textValue(state, name) ?? props.defaultValue,
    required: Boolean(props.required),
    lang: props.lang,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described || undefined,
    className: inputClass,
  };
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {props.label}
        {props.required && <RequiredMark label={props.required} />}
      </label>
      {props.multiline ? (
        <textarea rows={2} {...control} />
      ) : (
        <input type="text" inputMode={props.inputMode} {...control} />
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * Adds or edits one segment: duration, titles and public description in three languages, the crew's
 * internal notes, participants in order.
 */
export function SegmentForm({ meetingSlug, sessionId, segment, people, saveAction, deleteAction }: Props) {
  const t = useTranslations("adminCeremony.segment");
  const { state, pending, formProps } = useFormAction(saveAction, initialFormState);
  // Every successful save draws the form anew: the "add" form is empty again (a second add must not
  // inherit the first one's participants), an edit form shows what was saved. The fields are
  // uncontrolled, so only a new key clears them; a refusal keeps the key and what was typed.
  const [saves, setSaves] = useState({ state, count: 0 });
  if (saves.state !== state) setSaves({ state, count: saves.count + (state.ok ? 1 : 0) });
  const prefix = segment ? `segment-${segment.id}` : "new-segment";
  // After a successful save the form shows the saved data, not the values sent.
  const shown: FieldContext = state.ok ? {} : state;
  const participants = listValue(shown, "participantIds") ?? segment?.participantIds ?? [];
  const slots = Math.min(MAX_PARTICIPANTS, Math.max(3, participants.length + 2));
  const field = (
    name: keyof SegmentDefaults & string,
    label: string,
    options: { multiline?: boolean; required?: boolean; lang?: string; hintId?: string } = {},
  ) => (
    <Field
      prefix={prefix}
      name={name}
      label={label}
      state={shown}
      defaultValue={segment ? String(segment[name] ?? "") : ""}
      multiline={options.multiline}
      required={options.required ? t("required") : undefined}
      lang={options.lang}
      inputMode={name === "durationMinutes" ? "numeric" : undefined}
      hintId={options.hintId}
    />
  );

  return (
    <div className="mt-3 space-y-3">
      <form {...formProps} className="space-y-3" key={saves.count}>
        <input type="hidden" name="meetingSlug" value={meetingSlug} />
        <input type="hidden" name="sessionId" value={sessionId} />
        {segment && <input type="hidden" name="segmentId" value={segment.id} />}
        <FormMessage state={state} />
        <div className="grid gap-3 sm:grid-cols-4">
          {field("durationMinutes", t("duration"), { required: true })}
        </div>
        <div className="grid gap-3 sm:grid-cols-3">
          {field("titleDe", t("titleDe"), { required: true, lang: "de" })}
          {field("titleEn", t("titleEn"), { lang: "en" })}
          {field("titleZh", t("titleZh"), { lang: "zh-CN" })}
        </div>
        <fieldset className="space-y-2" aria-describedby={`${prefix}-description-hint`}>
          <legend className="text-sm font-semibold">{t("description")}</legend>
          <p id={`${prefix}-description-hint`} className="text-sm text-slate-600">
            {t("descriptionHint")}
          </p>
          <div className="grid gap-3 sm:grid-cols-3">
            {field("descriptionDe", t("descriptionDe"), { multiline: true, lang: "de" })}
            {field("descriptionEn", t("descriptionEn"), { multiline: true, lang: "en" })}
            {field("descriptionZh", t("descriptionZh"), { multiline: true, lang: "zh-CN" })}
          </div>
        </fieldset>
        <div className={`space-y-1 ${internalClass}`}>
          {field("internalNotes", t("internalNotes"), {
            multiline: true,
            hintId: `${prefix}-internalNotes-hint`,
          })}
          <p id={`${prefix}-internalNotes-hint`} className="text-sm text-amber-900">
            {t("internalNotesHint")}
          </p>
        </div>
        <fieldset
          className="space-y-2"
          aria-describedby={shown.fieldErrors?.participantIds ? `${prefix}-participants-error` : undefined}
        >
          <legend className="text-sm font-medium">{t("participants")}</legend>
          <div className="grid gap-2 sm:grid-cols-3">
            {Array.from({ length: slots }, (_, index) => (
              <div key={index}>
                <label htmlFor={`${prefix}-participant-${index}`} className="sr-only">
                  {t("participant", { number: index + 1 })}
                </label>
                <select
                  id={`${prefix}-participant-${index}`}
                  name="participantIds"
                  defaultValue={participants[index] ?? ""}
                  className={inputClass}
                >
                  <option value="">{t("nobody")}</option>
                  {people.map((person) => (
                    <option key={person.id} value={person.id}>
                      {person.name}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
          {shown.fieldErrors?.participantIds && (
            <p id={`${prefix}-participants-error`} className="text-sm font-medium text-red-700">
              {shown.fieldErrors.participantIds}
            </p>
          )}
        </fieldset>
        <SubmitButton
          label={segment ? t("save") : t("create")}
          pendingLabel={t("saving")}
          pending={pending}
        />
      </form>
      {segment && deleteAction && (
        <DeleteSegmentForm
          meetingSlug={meetingSlug}
          sessionId={sessionId}
          segment={segment}
          action={deleteAction}
        />
      )}
    </div>
  );
}

/**
 * Deleting asks first, in the page (a tick box, checked again by the server), as the app's other
 * deletions do; afterwards the editor offers to undo it.
 */
function DeleteSegmentForm({
  meetingSlug,
  sessionId,
  segment,
  action,
}: {
  meetingSlug: string;
  sessionId: string;
  segment: SegmentDefaults;
  action: Action;
}) {
  const t = useTranslations("adminCeremony.segment");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  const error = state.fieldErrors?.confirm;
  const errorId = `confirm-${segment.id}-error`;
  return (
    <form {...formProps} className="space-y-2 rounded border border-red-200 p-3">
      <input type="hidden" name="meetingSlug" value={meetingSlug} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <input type="hidden" name="segmentId" value={segment.id} />
      <p className="text-sm text-slate-600">{t("deleteHint")}</p>
      <Choice
        type="checkbox"
        name="confirm"
        value={segment.id}
        defaultChecked={false}
        label={t("confirmDelete", { segment: segment.titleDe })}
        describedBy={error ? errorId : undefined}
        invalid={Boolean(error)}
      />
      {error && (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      {!error && <FormMessage state={state.ok ? initialFormState : state} />}
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-red-700 px-3 py-1.5 text-sm font-semibold text-red-800 hover:bg-red-50 disabled:opacity-60"
      >
        {pending ? t("deleting") : t("delete", { segment: segment.titleDe })}
      </button>
    </form>
  );
}
