"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { CheckboxField, Section, SelectField, TextField } from "../../forms/Field";
import { CopyChoice } from "./CopyChoice";
import { FormMessage } from "../../forms/FormMessage";
import { SubmitButton } from "../../forms/SubmitButton";
import { LanguageField } from "../../forms/LanguageField";
import { useFormAction } from "../../forms/useFormAction";

/** The field takes a zone's identifier, the one place organizers see one: these two as examples and suggestions. */
const ZONE_EXAMPLES = ["Europe/Berlin", "Asia/Shanghai"];

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export type MeetingFormDefaults = Record<
  | "slug"
  | "titleDe"
  | "titleEn"
  | "titleZh"
  | "venueName"
  | "venueCity"
  | "venueCountry"
  | "timeZone"
  | "startsOn"
  | "endsOn"
  | "registrationOpensAt"
  | "registrationClosesAt"
  | "defaultLocale",
  string
> & { requiresApproval: boolean; published: boolean; visaLetterDays: number };

type Props = {
  action: Action;
  defaults: MeetingFormDefaults;
  /** Editing: the meeting's id. Creating: absent, and `sources` offers meetings to copy from. */
  meetingId?: string;
  sources?: { id: string; label: string }[];
};

/** A meeting's settings, for creating one and for its settings page. */
export function MeetingForm({ action, defaults, meetingId, sources }: Props) {
  const t = useTranslations("adminMeetings.form");
  const tc = useTranslations("countries");
  const tv = useTranslations("adminVisa");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  const required = t("required");
  const field = (name: Exclude<keyof MeetingFormDefaults, "visaLetterDays">) => ({
    name,
    label: t(name),
    state,
    defaultValue: String(defaults[name]),
  });

  return (
    <form {...formProps} className="space-y-6" noValidate>
      {meetingId && <input type="hidden" name="meetingId" value={meetingId} />}
      {meetingId && <input type="hidden" name="currentSlug" value={defaults.slug} />}
      <FormMessage state={state} />
      <Section title={t("basics")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            {...field("slug")}
            required
            requiredLabel={required}
            hint={t("slugHint")}
            maxLength={64}
          />
          <LanguageField
            name="defaultLocale"
            label={t("defaultLocale")}
            state={state}
            requiredLabel={required}
            defaultValue={defaults.defaultLocale}
          />
          <TextField {...field("titleDe")} required requiredLabel={required} maxLength={200} lang="de" />
          <TextField {...field("titleEn")} maxLength={200} lang="en" />
          <TextField {...field("titleZh")} maxLength={200} lang="zh-CN" />
        </div>
      </Section>
      <Section title={t("venueSection")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField {...field("venueName")} required requiredLabel={required} maxLength={200} />
          <TextField {...field("venueCity")} required requiredLabel={required} maxLength={100} />
          <SelectField
            name="venueCountry"
            label={t("venueCountry")}
            state={state}
            requiredLabel={required}
            defaultValue={defaults.venueCountry}
            options={(["DE", "CN"] as const).map((country) => ({ value: country, label: tc(country) }))}
          />
          <TextField
            {...field("timeZone")}
            required
            requiredLabel={required}
            hint={t("timeZoneHint", { examples: ZONE_EXAMPLES.join(", ") })}
            maxLength={64}
            list="meeting-time-zones"
          />
          <datalist id="meeting-time-zones">
            {ZONE_EXAMPLES.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          <TextField type="date" {...field("startsOn")} required requiredLabel={required} />
          <TextField type="date" {...field("endsOn")} required requiredLabel={required} />
        </div>
      </Section>
      <Section title={t("registrationSection")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField type="datetime-local" {...field("registrationOpensAt")} hint={t("windowHint")} />
          <TextField type="datetime-local" {...field("registrationClosesAt")} hint={t("windowHint")} />
        </div>
        <CheckboxField
          name="requiresApproval"
          label={t("requiresApproval")}
          state={state}
          defaultChecked={defaults.requiresApproval}
        />
        <TextField
          type="number"
          name="visaLetterDays"
          label={tv("days")}
          hint={tv("daysHint")}
          state={state}
          min={1}
          defaultValue={String(defaults.visaLetterDays)}
        />
      </Section>
      <Section title={t("publishing")}>
        <CheckboxField
          name="published"
          label={t("published")}
          state={state}
          defaultChecked={defaults.published}
        />
      </Section>
      {sources && sources.length > 0 && <CopyChoice state={state} sources={sources} />}
      <SubmitButton
        pending={pending}
        label={meetingId ? t("save") : t("create")}
        pendingLabel={meetingId ? t("saving") : t("creating")}
      />
    </form>
  );
}
