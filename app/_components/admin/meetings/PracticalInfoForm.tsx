"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { htmlLang, locales } from "@/app/_lib/i18n/locales";
import { practicalTextKeys } from "@/app/_lib/meetings/practical-info";
import type { PracticalInfoFormValues } from "@/app/_server/meetings/practical-info";
import { Section, TextField } from "../../forms/Field";
import { FormMessage } from "../../forms/FormMessage";
import { SubmitButton } from "../../forms/SubmitButton";
import { useFormAction } from "../../forms/useFormAction";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  meetingId: string;
  defaults: PracticalInfoFormValues;
};

const suffix = { de: "De", en: "En", zh: "Zh" } as const;

/**
 * The practical information delegates get: contact, the venue's address and place on the map, and the
 * texts in the three languages side by side (one column each on a wide screen).
 */
export function PracticalInfoForm({ action, meetingId, defaults }: Props) {
  const t = useTranslations("practicalInfo.editor");
  const tl = useTranslations("languages");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  const field = (name: keyof PracticalInfoFormValues) => ({ name, state, defaultValue: defaults[name] });

  return (
    <form {...formProps} className="space-y-6" noValidate data-testid="practical-info-form">
      <input type="hidden" name="meetingId" value={meetingId} />
      <FormMessage state={state} />
      <Section title={t("contactSection")}>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField {...field("contactName")} label={t("contactName")} maxLength={200} />
          <TextField {...field("contactEmail")} label={t("contactEmail")} type="email" maxLength={254} />
          <TextField
            {...field("contactPhone")}
            label={t("contactPhone")}
            type="tel"
            maxLength={40}
            hint={t("contactPhoneHint")}
          />
        </div>
      </Section>
      <Section title={t("venueSection")}>
        <TextField
          {...field("venueAddress")}
          label={t("venueAddress")}
          hint={t("venueAddressHint")}
          multiline
          rows={3}
          maxLength={500}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField {...field("latitude")} label={t("latitude")} maxLength={20} />
          <TextField {...field("longitude")} label={t("longitude")} maxLength={20} />
        </div>
        <p className="text-sm text-slate-600">{t("coordinatesHint")}</p>
        <TextField {...field("directionsUrl")} label={t("directionsUrl")} maxLength={500} />
      </Section>
      <Section title={t("textsSection")}>
        <p className="text-sm text-slate-600">{t("textsHint")}</p>
        <div className="grid gap-4 lg:grid-cols-3">
          {locales.map((locale) => (
            <div key={locale} className="space-y-3" lang={htmlLang[locale]}>
              {practicalTextKeys.map((key) => (
                <TextField
                  key={key}
                  {...field(`${key}${suffix[locale]}`)}
                  label={t(key, { language: tl(locale) })}
                  multiline
                  rows={4}
                  maxLength={2000}
                />
              ))}
            </div>
          ))}
        </div>
      </Section>
      <SubmitButton pending={pending} label={t("save")} pendingLabel={t("saving")} />
    </form>
  );
}
