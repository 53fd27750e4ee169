"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { FormMessage } from "../../forms/FormMessage";
import { useFormAction } from "../../forms/useFormAction";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  meetingSlug: string;
  registrationId: string;
  /** The sentence about an earlier check-in, or null when there is none yet. */
  recorded: string | null;
};

/**
 * The desk's big button: one tap, the answer in its place (checked in, or when the first check-in was).
 * The answer stays when the page refreshes its count: this component keeps its place in the card.
 */
export function CheckInButton({ action, meetingSlug, registrationId, recorded }: Props) {
  const t = useTranslations("adminOnSite.checkIn");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  return (
    <form {...formProps} className="space-y-3">
      <input type="hidden" name="meetingSlug" value={meetingSlug} />
      <input type="hidden" name="registrationId" value={registrationId} />
      {!state.message && recorded && (
        <p
          role="status"
          data-testid="already-checked-in"
          className="rounded border border-amber-400 bg-amber-50 px-4 py-3 text-lg font-semibold text-amber-950"
        >
          {recorded}
        </p>
      )}
      {!state.message && !recorded && (
        <button
          type="submit"
          disabled={pending}
          aria-disabled={pending}
          className="min-h-16 w-full rounded-lg bg-emerald-700 px-6 py-4 text-2xl font-bold text-white shadow hover:bg-emerald-800 disabled:opacity-60"
        >
          {pending ? t("working") : t("button")}
        </button>
      )}
      <FormMessage state={state} />
    </form>
  );
}
