"use client";

import { useTranslations } from "next-intl";
import type { FormState } from "@/app/_lib/form-state";
import { copyField, copyParts } from "@/app/_lib/meetings/copy";
import { CheckboxField, Section, SelectField } from "../../forms/Field";

type Props = { state: FormState; sources: { id: string; label: string }[] };

/**
 * Which earlier meeting a new one is prepared from (the latest first) and what comes along; every part is
 * ticked at first, as preparing next year's meeting usually takes all of it.
 */
export function CopyChoice({ state, sources }: Props) {
  const t = useTranslations("adminMeetings.copy");
  return (
    <Section title={t("title")}>
      <SelectField
        name="copyFrom"
        label={t("from")}
        state={state}
        defaultValue={sources[0]?.id ?? ""}
        options={[
          ...sources.map((source) => ({ value: source.id, label: source.label })),
          { value: "", label: t("none") },
        ]}
      />
      <fieldset className="space-y-2">
        <legend className="font-medium">{t("what")}</legend>
        {copyParts.map((part) => (
          <CheckboxField key={part} name={copyField(part)} label={t(part)} state={state} defaultChecked />
        ))}
      </fieldset>
      <p className="text-sm text-slate-600">{t("hint")}</p>
    </Section>
  );
}
