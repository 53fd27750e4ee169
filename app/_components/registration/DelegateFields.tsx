"use client";

import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { locales, localeNames, type AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { delegateRoles } from "@/app/_lib/registration/fields";
import { nameFieldOrder } from "@/app/_lib/registration/form";
import {
  CheckboxField,
  Choice,
  describedBy,
  EmailField,
  FieldMessages,
  listValue,
  Section,
  SelectField,
  textValue,
  TextField,
  type FieldContext,
} from "../forms/Field";
import { LanguageField } from "../forms/LanguageField";
import { NameOrderField } from "../forms/NameOrderField";
import { CityFinder, type CityOption } from "./CityFinder";

export type { CityOption };

type Props = {
  state: FieldContext;
  cities: CityOption[];
  /** The visa-letter box with what the letter needs (registration); the box alone where absent. */
  visa?: ReactNode;
};

/** Person, delegation, contact and needs: the part of the form that registration and the manage page share. */
export function DelegateFields({ state, cities, visa }: Props) {
  const t = useTranslations("register");
  const tr = useTranslations("roles");
  const locale = useLocale() as AppLocale;
  const required = t("required");
  const nameOrder = textValue(state, "nameOrder") ?? (locale === "zh" ? "family_first" : "given_first");
  const sorted = [...cities].sort((a, b) => pick(a.name, locale).localeCompare(pick(b.name, locale), locale));
  const full = sorted.filter((city) => city.full).map((city) => pick(city.name, locale));

  return (
    <>
      <Section title={t("person")}>
        <div className="grid gap-4 sm:grid-cols-2">
          {nameFieldOrder(locale).map((name, index) => (
            <TextField
              key={name}
              name={name}
              label={t(name)}
              state={state}
              required
              requiredLabel={required}
              // The hint under the first of the two: both are in Latin letters.
              hint={index === 0 ? t("latinHint") : undefined}
              autoComplete={name === "givenName" ? "given-name" : "family-name"}
              maxLength={100}
            />
          ))}
          <TextField
            name="nativeName"
            label={t("nativeName")}
            state={state}
            hint={t("nativeNameHint")}
            maxLength={100}
          />
          <NameOrderField
            state={state}
            legend={t("nameOrder")}
            labels={{ given_first: t("nameOrderGivenFirst"), family_first: t("nameOrderFamilyFirst") }}
            value={nameOrder}
          />
          <TextField
            name="honorific"
            label={t("honorific")}
            state={state}
            hint={t("honorificHint")}
            autoComplete="honorific-prefix"
            maxLength={100}
          />
          <TextField
            name="position"
            label={t("position")}
            state={state}
            autoComplete="organization-title"
            maxLength={200}
          />
          <div className="sm:col-span-2">
            <TextField
              name="organization"
              label={t("organization")}
              state={state}
              autoComplete="organization"
              maxLength={200}
            />
          </div>
        </div>
      </Section>

      <Section title={t("delegation")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="space-y-1">
            <CityFinder state={state} cities={cities} label={t("city")} hint={t("cityHint")} />
            {full.length > 0 && (
              <p className="text-sm text-amber-800">{t("quotaFull", { cities: full.join(", ") })}</p>
            )}
          </div>
          <TextField
            name="cityOther"
            label={t("cityOther")}
            state={state}
            hint={t("cityOtherHint")}
            maxLength={200}
          />
          <SelectField
            name="role"
            label={t("role")}
            state={state}
            requiredLabel={required}
            defaultValue=""
            options={[
              { value: "", label: t("choose"), disabled: true },
              ...delegateRoles.map((role) => ({ value: role, label: tr(role) })),
            ]}
          />
        </div>
      </Section>

      <Section title={t("contact")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <EmailField label={t("email")} state={state} requiredLabel={required} autoComplete="email" />
          <TextField
            name="phone"
            type="tel"
            label={t("phone")}
            state={state}
            autoComplete="tel"
            maxLength={40}
          />
          <LanguageField
            name="language"
            label={t("language")}
            state={state}
            requiredLabel={required}
            defaultValue={locale}
          />
        </div>
      </Section>

      <Section title={t("needs")}>
        <fieldset className="space-y-1" aria-describedby={describedBy("interpretation", state)}>
          <legend className="font-medium">{t("interpretation")}</legend>
          <div className="flex flex-wrap gap-x-6 gap-y-1">
            {locales.map((option) => (
              <Choice
                key={option}
                type="checkbox"
                name="interpretation"
                value={option}
                defaultChecked={listValue(state, "interpretation")?.includes(option) ?? false}
                label={<span lang={option}>{localeNames[option]}</span>}
              />
            ))}
          </div>
          <FieldMessages name="interpretation" state={state} />
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="dietaryNeeds"
            label={t("dietaryNeeds")}
            state={state}
            hint={t("dietaryHint")}
            multiline
            maxLength={500}
          />
          <TextField
            name="accessibilityNeeds"
            label={t("accessibilityNeeds")}
            state={state}
            hint={t("accessibilityHint")}
            multiline
            maxLength={500}
          />
        </div>
        {visa ?? <CheckboxField name="visaLetter" label={t("visaLetter")} state={state} />}
      </Section>
    </>
  );
}
