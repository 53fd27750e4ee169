"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { cityStatuses, type CityFormDefaults } from "@/app/_lib/cities/fields";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { CheckboxField, Section, SelectField, TextField } from "../../forms/Field";
import { FormMessage } from "../../forms/FormMessage";
import { SubmitButton } from "../../forms/SubmitButton";
import { useFormAction } from "../../forms/useFormAction";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  defaults: CityFormDefaults;
  /** Editing: the city's id; adding: absent. */
  cityId?: string;
  countries: Record<"DE" | "CN", string>;
  /** A link to the ceremony that admitted the city, where one did. */
  inductedBy?: ReactNode;
};

/** A city's names and other spellings, location, standing in the alliance, and the organizers' own notes. */
export function CityForm({ action, defaults, cityId, countries, inductedBy }: Props) {
  const t = useTranslations("adminCities.form");
  const ts = useTranslations("adminCities.statuses");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  const required = t("required");
  const field = (name: Exclude<keyof CityFormDefaults, "reviewNeeded">) => ({
    name,
    label: t(name),
    state,
    defaultValue: defaults[name],
  });

  return (
    <form {...formProps} className="space-y-6" noValidate>
      {cityId && <input type="hidden" name="cityId" value={cityId} />}
      <FormMessage state={state} />
      <Section title={t("nameSection")}>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField {...field("nameDe")} required requiredLabel={required} maxLength={100} lang="de" />
          <TextField {...field("nameEn")} required requiredLabel={required} maxLength={100} lang="en" />
          <TextField {...field("nameZh")} maxLength={100} lang="zh-CN" hint={t("nameZhHint")} />
        </div>
        <TextField {...field("aliases")} multiline maxLength={2000} hint={t("aliasesHint")} />
      </Section>
      <Section title={t("placeSection")}>
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField
            {...field("country")}
            requiredLabel={required}
            options={(["DE", "CN"] as const).map((country) => ({
              value: country,
              label: countries[country],
            }))}
          />
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField {...field("regionDe")} maxLength={100} lang="de" />
          <TextField {...field("regionEn")} maxLength={100} lang="en" />
          <TextField {...field("regionZh")} maxLength={100} lang="zh-CN" />
        </div>
        <TextField {...field("website")} maxLength={200} hint={t("websiteHint")} autoComplete="url" />
      </Section>
      <Section title={t("membershipSection")}>
        <p className="text-sm text-slate-600">{t("statusHint")}</p>
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField
            {...field("status")}
            requiredLabel={required}
            options={cityStatuses.map((status) => ({ value: status, label: ts(status) }))}
          />
          <TextField {...field("joinedOn")} type="date" />
          <TextField {...field("memberSince")} type="number" min={2016} hint={t("memberSinceHint")} />
        </div>
        {inductedBy && <p className="text-sm text-slate-700">{inductedBy}</p>}
      </Section>
      <Section title={t("internalSection")}>
        <p className="text-sm text-slate-600">{t("internalHint")}</p>
        <TextField {...field("note")} multiline maxLength={2000} />
        <CheckboxField
          name="reviewNeeded"
          label={t("reviewNeeded")}
          state={state}
          defaultChecked={defaults.reviewNeeded === "on"}
        />
      </Section>
      <SubmitButton
        pending={pending}
        label={cityId ? t("save") : t("create")}
        pendingLabel={cityId ? t("saving") : t("creating")}
      />
    </form>
  );
}
