"use client";

import { useLocale, useTranslations } from "next-intl";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick, type Translations } from "@/app/_lib/i18n/localized";
import { quotaField } from "@/app/_lib/meetings/fields";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
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
            <div key={country} className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="pb-2 text-left font-semibold">{tc(country)}</caption>
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="py-1 pr-2">
                      {t("city")}
                    </th>
                    <th scope="col" className="px-2 py-1 text-right">
                      {t("registered")}
                    </th>
                    <th scope="col" className="py-1 pl-2">
                      {t("quota")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {cities.map((row) => {
                    const name = quotaField(row.cityId);
                    const error = state.fieldErrors?.[name];
                    const city = pick(row.name, locale);
                    return (
                      <tr key={row.cityId} className="border-b border-slate-100 align-top">
                        <th scope="row" className="py-2 pr-2 font-medium">
                          {city}
                        </th>
                        <td className="px-2 py-2 text-right tabular-nums">{row.registered}</td>
                        <td className="py-1 pl-2">
                          <label htmlFor={name} className="sr-only">
                            {t("quotaFor", { city })}
                          </label>
                          <input
                            id={name}
                            name={name}
                            type="number"
                            min={0}
                            max={10000}
                            inputMode="numeric"
                            defaultValue={
                              textValue(state, name) ?? (row.quota === null ? "" : String(row.quota))
                            }
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
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          );
        })}
      </div>
      <SubmitButton pending={pending} label={t("save")} pendingLabel={t("saving")} />
    </form>
  );
}
