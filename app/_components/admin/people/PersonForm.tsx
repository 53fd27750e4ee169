"use client";

import { useTranslations } from "next-intl";
import { nameOrders } from "@/app/_lib/registration/fields";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import {
  Choice,
  describedBy,
  FieldMessages,
  Section,
  SelectField,
  textValue,
  TextField,
} from "../../forms/Field";
import { FormMessage } from "../../forms/FormMessage";
import { SubmitButton } from "../../forms/SubmitButton";
import { useFormAction } from "../../forms/useFormAction";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export type PersonFormDefaults = Record<
  | "givenName"
  | "familyName"
  | "nativeName"
  | "nameOrder"
  | "honorificDe"
  | "honorificEn"
  | "honorificZh"
  | "positionDe"
  | "positionEn"
  | "positionZh"
  | "organization"
  | "cityId"
  | "slug",
  string
>;

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
          <fieldset className="space-y-1" aria-describedby={describedBy("nameOrder", state)}>
            <legend className="font-medium">{t("nameOrder")}</legend>
            {nameOrders.map((order) => (
              <Choice
                key={order}
                type="radio"
                name="nameOrder"
                value={order}
                defaultChecked={nameOrder === order}
                label={order === "given_first" ? t("givenFirst") : t("familyFirst")}
              />
            ))}
            <FieldMessages name="nameOrder" state={state} />
          </fieldset>
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
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  const refusal = state.fieldErrors?._ ?? (state.ok ? undefined : state.message);
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="personId" value={personId} />
      <SubmitButton pending={pending} label={t("delete")} pendingLabel={t("deleting")} tone="danger" />
      {refusal && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {refusal}
        </p>
      )}
    </form>
  );
}
