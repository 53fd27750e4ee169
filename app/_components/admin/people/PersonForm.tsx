"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { DeleteForm } from "../../forms/DeleteForm";
import { Section, SelectField, textValue, TextField } from "../../forms/Field";
import { FormMessage } from "../../forms/FormMessage";
import { NameOrderField } from "../../forms/NameOrderField";
import { SubmitButton } from "../../forms/SubmitButton";
import { useFormAction } from "../../forms/useFormAction";
import type { PersonFormDefaults } from "@/app/_lib/people/fields";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

type Props = {
  action: Action;
  defaults: PersonFormDefaults;
  /** Editing: the person's id; creating: absent. */
  personId?: string;
  cities: { id: string; label: string }[];
};

/** A speaker's or official's name in both scripts, honorific, position, organization and city. */
export function PersonForm({ action, defaults, personId, cities }: Props) {
  const t = useTranslations("adminMeetings.people");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  const required = t("required");
  const field = (name: Exclude<keyof PersonFormDefaults, "cityId" | "nameOrder">) => ({
    name,
    label: t(name),
    state,
    defaultValue: defaults[name],
  });
  const nameOrder = textValue(state, "nameOrder") ?? defaults.nameOrder;

  return (
    <form {...formProps} className="space-y-6" noValidate>
      {personId && <input type="hidden" name="personId" value={personId} />}
      <FormMessage state={state} />
      <Section title={t("nameSection")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField {...field("givenName")} required requiredLabel={required} maxLength={100} />
          <TextField {...field("familyName")} required requiredLabel={required} maxLength={100} />
          <TextField {...field("nativeName")} hint={t("nativeNameHint")} maxLength={100} />
          <NameOrderField
            state={state}
            legend={t("nameOrder")}
            labels={{ given_first: t("givenFirst"), family_first: t("familyFirst") }}
            value={nameOrder}
          />
          <TextField {...field("slug")} hint={t("slugHint")} maxLength={64} />
        </div>
      </Section>
      <Section title={t("roleSection")}>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField {...field("honorificDe")} maxLength={100} lang="de" />
          <TextField {...field("honorificEn")} maxLength={100} lang="en" />
          <TextField {...field("honorificZh")} maxLength={100} lang="zh-CN" />
          <TextField {...field("positionDe")} maxLength={200} lang="de" />
          <TextField {...field("positionEn")} maxLength={200} lang="en" />
          <TextField {...field("positionZh")} maxLength={200} lang="zh-CN" />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField {...field("organization")} maxLength={200} />
          <SelectField
            name="cityId"
            label={t("city")}
            state={state}
            defaultValue={defaults.cityId}
            options={[
              { value: "", label: t("noCity") },
              ...cities.map((city) => ({ value: city.id, label: city.label })),
            ]}
          />
        </div>
      </Section>
      <SubmitButton
        pending={pending}
        label={personId ? t("save") : t("create")}
        pendingLabel={personId ? t("saving") : t("creating")}
      />
    </form>
  );
}

/** Deletes a person; the domain refuses while they take part somewhere, and the refusal is shown here. */
export function DeletePersonForm({ action, personId }: { action: Action; personId: string }) {
  const t = useTranslations("adminMeetings.people");
  return (
    <DeleteForm action={action} hidden={{ personId }} label={t("delete")} pendingLabel={t("deleting")} />
  );
}
