"use client";

import { useTranslations } from "next-intl";
import { Choice, listValue } from "@/app/_components/forms/Field";
import { FormMessage } from "@/app/_components/forms/FormMessage";
import { SubmitButton } from "@/app/_components/forms/SubmitButton";
import { useFormAction } from "@/app/_components/forms/useFormAction";
import { initialFormState, type FormState } from "@/app/_lib/form-state";

type Props = {
  meetingSlug: string;
  sessionId: string;
  cities: { id: string; name: string; country: "DE" | "CN"; lang: string }[];
  selected: string[];
  action: (state: FormState, formData: FormData) => Promise<FormState>;
};

/** The member cities the ceremony admits, German and Chinese apart. */
export function InducteesForm({ meetingSlug, sessionId, cities, selected, action }: Props) {
  const t = useTranslations("adminCeremony.inductees");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  const chosen = new Set(state.ok ? selected : (listValue(state, "cityIds") ?? selected));
  const group = (country: "DE" | "CN", legend: string) => (
    <fieldset className="space-y-2">
      <legend className="font-medium">{legend}</legend>
      <div className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
        {cities
          .filter((city) => city.country === country)
          .map((city) => (
            <Choice
              key={city.id}
              name="cityIds"
              value={city.id}
              type="checkbox"
              label={<span lang={city.lang}>{city.name}</span>}
              defaultChecked={chosen.has(city.id)}
            />
          ))}
      </div>
    </fieldset>
  );
  return (
    <form {...formProps} className="space-y-4" key={selected.join(",")}>
      <input type="hidden" name="meetingSlug" value={meetingSlug} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <FormMessage state={state} />
      {group("DE", t("german"))}
      {group("CN", t("chinese"))}
      {state.fieldErrors?.cityIds && (
        <p className="text-sm font-medium text-red-700">{state.fieldErrors.cityIds}</p>
      )}
      <SubmitButton label={t("save")} pendingLabel={t("saving")} pending={pending} />
    </form>
  );
}
