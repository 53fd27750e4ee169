"use client";

import { useLocale, useTranslations } from "next-intl";
import { nationalityOptions } from "@/app/_lib/registration/visa";
import { CheckboxField, SelectField, TextField, type FieldContext } from "../forms/Field";

type Props = {
  state: FieldContext;
  /** Working days within which the meeting's letters are sent. */ days: number;
};

/**
 * The visa-letter box and, once it is ticked, what the consulate needs. Shown by CSS (`:has(:checked)`),
 * so it works without JavaScript too; the server ignores these fields when the box is not ticked.
 */
export function VisaFields({ state, days }: Props) {
  const t = useTranslations("visa");
  const tr = useTranslations("register");
  const locale = useLocale();
  const date = (name: string, label: string, hint?: string) => (
    <TextField
      name={name}
      type="date"
      label={label}
      state={state}
      hint={hint}
      required
      requiredLabel={tr("required")}
    />
  );
  return (
    <div className="group/visa space-y-2">
      <CheckboxField name="visaLetter" label={tr("visaLetter")} state={state} />
      <p className="ml-6 text-sm text-slate-600">{t("days", { days })}</p>
      <div
        data-testid="visa-fields"
        className="hidden space-y-3 rounded border border-slate-200 bg-slate-50 p-3 group-has-[#visaLetter-on:checked]/visa:block"
      >
        <p className="text-sm text-slate-700">{t("intro")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="passportNumber"
            label={t("passportNumber")}
            state={state}
            hint={t("passportNumberHint")}
            required
            requiredLabel={tr("required")}
            autoComplete="off"
            maxLength={40}
          />
          <SelectField
            name="nationality"
            label={t("nationality")}
            state={state}
            requiredLabel={tr("required")}
            defaultValue=""
            options={[
              { value: "", label: t("choose") },
              ...nationalityOptions(locale).map(({ code, name }) => ({ value: code, label: name })),
            ]}
          />
          {date("birthDate", t("birthDate"))}
          {date("passportExpiry", t("passportExpiry"), t("passportExpiryHint"))}
          {date("arrivalDate", t("arrivalDate"))}
          {date("departureDate", t("departureDate"))}
        </div>
      </div>
    </div>
  );
}
