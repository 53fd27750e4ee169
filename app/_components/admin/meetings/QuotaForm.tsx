"use client";

import { useLocale, useTranslations } from "next-intl";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick, type Translations } from "@/app/_lib/i18n/localized";
import { quotaField } from "@/app/_lib/meetings/fields";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { DataTable, type Column } from "../../DataTable";
import { textValue } from "../../forms/Field";
import { FormMessage } from "../../forms/FormMessage";
import { SubmitButton } from "../../forms/SubmitButton";
import { useFormAction } from "../../forms/useFormAction";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export type QuotaRow = {
  cityId: string;
  name: Translations;
  country: "DE" | "CN";
  quota: number | null;
  registered: number;
};

/** Every member city's delegate quota in one form, German and Chinese cities side by side. */
export function QuotaForm({
  action,
  meetingId,
  rows,
}: {
  action: Action;
  meetingId: string;
  rows: QuotaRow[];
}) {
  const t = useTranslations("adminMeetings.quotas");
  const tc = useTranslations("countries");
  const locale = useLocale() as AppLocale;
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  const columns: Column<QuotaRow>[] = [
    {
      key: "city",
      header: t("city"),
      rowHeader: true,
      className: "font-medium",
      cell: (row) => pick(row.name, locale),
    },
    {
      key: "registered",
      header: t("registered"),
      align: "right",
      className: "tabular-nums",
      cell: (row) => row.registered,
    },
    {
      key: "quota",
      header: t("quota"),
      cell: (row) => {
        const name = quotaField(row.cityId);
        const error = state.fieldErrors?.[name];
        return (
          <>
            <label htmlFor={name} className="sr-only">
              {t("quotaFor", { city: pick(row.name, locale) })}
            </label>
            <input
              id={name}
              name={name}
              type="number"
              min={0}
              max={10000}
              inputMode="numeric"
              defaultValue={textValue(state, name) ?? (row.quota === null ? "" : String(row.quota))}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${name}-error` : undefined}
              className="w-24 rounded border border-slate-300 bg-white px-2 py-1 aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600"
            />
            {error && (
              <p
                id={`${name}-error`}
                className="mt-1 max-w-xs text-sm font-medium text-red-700"
                data-field-error={name}
              >
                {error}
              </p>
            )}
          </>
        );
      },
    },
  ];

  return (
    <form {...formProps} className="space-y-4" noValidate>
      <input type="hidden" name="meetingId" value={meetingId} />
      <FormMessage state={state} />
      <div className="grid gap-6 lg:grid-cols-2">
        {(["DE", "CN"] as const).map((country) => {
          const cities = rows
            .filter((row) => row.country === country)
            .sort((a, b) => pick(a.name, locale).localeCompare(pick(b.name, locale), locale));
          return (
            <DataTable
              key={country}
              columns={columns}
              rows={cities}
              rowKey={(row) => row.cityId}
              caption={tc(country)}
              captionVisible
            />
          );
        })}
      </div>
      <SubmitButton pending={pending} label={t("save")} pendingLabel={t("saving")} />
    </form>
  );
}
