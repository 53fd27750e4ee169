"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/app/_components/forms/FormMessage";
import { SubmitButton } from "@/app/_components/forms/SubmitButton";
import { useFormAction } from "@/app/_components/forms/useFormAction";
import { initialFormState, type FormState } from "@/app/_lib/form-state";

type Props = {
  meetingSlug: string;
  sessionId: string;
  /** When it was marked as held, formatted; null while it is not. */
  heldAt: string | null;
  /** Published and begun: marking would be accepted (the server decides again). */
  canMark: boolean;
  /** The cities to be admitted, by name in the reader's language, as one list. */
  inductees: string | null;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
};

/**
 * Marking the ceremony as held, which makes its inductees members, and taking that back. One form for both,
 * so that the answer stays on screen when the page shows the other button afterwards.
 */
export function HeldForm({ meetingSlug, sessionId, heldAt, canMark, inductees, action }: Props) {
  const t = useTranslations("adminCities.held");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  return (
    <form {...formProps} className="space-y-3" data-testid="held-form">
      <input type="hidden" name="meetingSlug" value={meetingSlug} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <input type="hidden" name="intent" value={heldAt ? "unmark" : "mark"} />
      <FormMessage state={state} />
      {heldAt ? (
        <>
          <p className="font-medium text-emerald-900" data-testid="held-at">
            {t("heldAt", { date: heldAt })}
          </p>
          <p className="text-sm text-slate-600">{t("unmarkHint")}</p>
          <SubmitButton label={t("unmark")} pendingLabel={t("unmarking")} pending={pending} tone="danger" />
        </>
      ) : (
        <>
          <p className="text-sm text-slate-600">{t("intro")}</p>
          <p>{inductees ? t("inductees", { cities: inductees }) : t("noInductees")}</p>
          {!canMark && <p className="text-sm text-amber-900">{t("notYet")}</p>}
          <SubmitButton label={t("mark")} pendingLabel={t("marking")} pending={pending} />
        </>
      )}
    </form>
  );
}
