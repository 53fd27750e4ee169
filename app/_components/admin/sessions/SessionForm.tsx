"use client";

import { useTranslations } from "next-intl";
import { sessionKinds } from "@/app/_lib/agenda/session-fields";
import { locales, localeNames, type AppLocale } from "@/app/_lib/i18n/locales";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import {
  CheckboxField,
  Choice,
  describedBy,
  FieldMessages,
  listValue,
  Section,
  SelectField,
  TextField,
  type FieldContext,
} from "../../forms/Field";
import { FormMessage } from "../../forms/FormMessage";
import { SubmitButton } from "../../forms/SubmitButton";
import { useFormAction } from "../../forms/useFormAction";
import { ChangeNoticeChoice, useToldChange } from "./ChangeNoticeChoice";
import { SpeakerRows } from "./SpeakerRows";
import type { SessionEditorDto } from "@/app/_server/agenda/admin-queries";

type Option = { value: string; label: string };

/** The stored session the editor opens with (absent for a new one), as the editor's query returns it. */
type SessionFormValues = NonNullable<SessionEditorDto["session"]>;

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  meetingSlug: string;
  /** The meeting's time zone as people name it ("Mitteleuropäische Zeit"). */
  timeZoneName: string;
  /** The meeting's first day: where a new session starts. */
  firstDay: string;
  rooms: Option[];
  tracks: Option[];
  people: Option[];
  session?: SessionFormValues;
};

function LocaleChoices({
  name,
  legend,
  state,
  initial,
}: {
  name: string;
  legend: string;
  state: FieldContext;
  initial: string[];
}) {
  const chosen = listValue(state, name) ?? initial;
  return (
    <fieldset className="space-y-1" aria-describedby={describedBy(name, state)}>
      <legend className="font-medium">{legend}</legend>
      <div className="flex flex-wrap gap-x-6 gap-y-1">
        {locales.map((locale) => (
          <Choice
            key={locale}
            type="checkbox"
            name={name}
            value={locale}
            defaultChecked={chosen.includes(locale)}
            label={localeNames[locale]}
          />
        ))}
      </div>
      <FieldMessages name={name} state={state} />
    </fieldset>
  );
}

/** Person rows as typed before an error (no JavaScript: the page came back), else as stored. */
function initialSpeakers(state: FieldContext, session?: SessionFormValues) {
  const people = listValue(state, "speakerPerson");
  if (!people) return session?.speakers ?? [];
  const roles = listValue(state, "speakerRole") ?? [];
  return people.map((personId, index) => ({ personId, role: roles[index] ?? "speaker" }));
}

/**
 * The session editor: content in the three languages side by side, time and place in the meeting's
 * zone, people, languages, seats. Conflicts come back as sentences; then "save anyway" with a reason.
 */
export function SessionForm({
  action,
  meetingSlug,
  timeZoneName,
  firstDay,
  rooms,
  tracks,
  people,
  session,
}: Props) {
  const t = useTranslations("adminSessions.editor");
  const tk = useTranslations("kinds");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  const tellsDelegates = session?.status === "published" && session.noticeAudience > 0;
  const { changed, onChange } = useToldChange(tellsDelegates ? session : undefined);
  const required = t("required");
  const content = (locale: AppLocale) => (locale === "de" ? "De" : locale === "en" ? "En" : "Zh");

  return (
    <form {...formProps} onChange={onChange} noValidate className="space-y-6" data-testid="session-form">
      <input type="hidden" name="meetingSlug" value={meetingSlug} />
      {session && <input type="hidden" name="sessionId" value={session.id} />}
      <FormMessage state={state} />

      <Section title={t("content")}>
        <div className="grid gap-4 lg:grid-cols-3">
          {locales.map((locale) => {
            const suffix = content(locale);
            const language = localeNames[locale];
            return (
              <div key={locale} className="space-y-3" lang={locale === "zh" ? "zh-CN" : locale}>
                <TextField
                  name={`title${suffix}`}
                  label={t("titleField", { language })}
                  state={state}
                  required={locale === "de"}
                  requiredLabel={required}
                  hint={locale === "de" ? undefined : t("fallbackHint")}
                  defaultValue={session?.[`title${suffix}`] ?? ""}
                  maxLength={200}
                />
                <TextField
                  name={`description${suffix}`}
                  label={t("descriptionField", { language })}
                  hint={t("descriptionHint")}
                  state={state}
                  multiline
                  defaultValue={session?.[`description${suffix}`] ?? ""}
                  maxLength={4000}
                />
              </div>
            );
          })}
        </div>
        <div className="rounded-lg border border-amber-300 bg-amber-50 p-3" data-testid="internal-notes">
          <TextField
            name="internalNotes"
            label={t("internalNotes")}
            hint={t("internalNotesHint")}
            state={state}
            multiline
            defaultValue={session?.internalNotes ?? ""}
            maxLength={4000}
          />
        </div>
        <div className="max-w-xs">
          <SelectField
            name="kind"
            label={t("kind")}
            state={state}
            requiredLabel={required}
            defaultValue={session?.kind ?? "panel"}
            options={sessionKinds.map((kind) => ({ value: kind, label: tk(kind) }))}
          />
        </div>
      </Section>

      <Section title={t("schedule")}>
        <p className="text-sm text-slate-600">{t("timeZoneHint", { zone: timeZoneName })}</p>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            name="date"
            type="date"
            label={t("date")}
            state={state}
            required
            defaultValue={session?.date ?? firstDay}
          />
          <TextField
            name="startTime"
            type="time"
            step={300}
            label={t("startTime")}
            state={state}
            required
            defaultValue={session?.startTime ?? ""}
          />
          <TextField
            name="endTime"
            type="time"
            step={300}
            label={t("endTime")}
            state={state}
            required
            defaultValue={session?.endTime ?? ""}
          />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            name="roomId"
            label={t("room")}
            state={state}
            defaultValue={session?.roomId ?? ""}
            options={[{ value: "", label: t("noRoom") }, ...rooms]}
          />
          <SelectField
            name="trackId"
            label={t("track")}
            state={state}
            defaultValue={session?.trackId ?? ""}
            options={[{ value: "", label: t("noTrack") }, ...tracks]}
          />
        </div>
      </Section>

      <Section title={t("speakers")}>
        <SpeakerRows
          people={people}
          initial={initialSpeakers(state, session)}
          error={state.fieldErrors?.speakers}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <LocaleChoices
            name="languages"
            legend={t("languages")}
            state={state}
            initial={session?.languages ?? ["de"]}
          />
          <LocaleChoices
            name="interpretation"
            legend={t("interpretation")}
            state={state}
            initial={session?.interpretation ?? []}
          />
        </div>
        <div className="max-w-xs">
          <TextField
            name="capacity"
            type="number"
            min={1}
            label={t("capacity")}
            hint={t("capacityHint")}
            state={state}
            defaultValue={
              session?.capacity === null || session?.capacity === undefined ? "" : String(session.capacity)
            }
          />
          {session && (
            <p className="mt-1 text-sm text-slate-600">{t("seatsTaken", { taken: session.seatsTaken })}</p>
          )}
        </div>
      </Section>

      {session?.conflictNote && !state.notices?.length && (
        <p className="rounded border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">
          {t("conflictNote", { note: session.conflictNote })}
        </p>
      )}

      {(state.notices?.length || state.fieldErrors?.reason) && (
        <section
          aria-labelledby="conflicts-title"
          className="space-y-3 rounded-lg border-2 border-red-600 bg-red-50 p-4"
          data-testid="session-conflicts"
        >
          <h2 id="conflicts-title" className="flex items-center gap-2 text-lg font-semibold text-red-900">
            <span aria-hidden="true">⚠</span> {t("conflictsTitle")}
          </h2>
          {state.notices && state.notices.length > 0 && (
            <ul className="list-disc space-y-1 pl-6 text-red-900">
              {state.notices.map((notice) => (
                <li key={notice}>{notice}</li>
              ))}
            </ul>
          )}
          <CheckboxField name="override" label={t("override")} state={state} />
          <TextField
            name="reason"
            label={t("reason")}
            hint={t("reasonHint")}
            state={state}
            required
            requiredLabel={required}
            multiline
            maxLength={1000}
          />
        </section>
      )}

      {tellsDelegates && (
        <ChangeNoticeChoice
          audience={session.noticeAudience}
          changed={changed || Boolean(state.fieldErrors?.noticeReason)}
          state={state}
        />
      )}

      <SubmitButton label={session ? t("save") : t("create")} pendingLabel={t("saving")} pending={pending} />
    </form>
  );
}
