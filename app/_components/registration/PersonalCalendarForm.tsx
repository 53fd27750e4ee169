"use client";

import { useTranslations } from "next-intl";
import { calendarLinks } from "@/app/_lib/calendar-links";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { SubscribeLinks } from "../calendar/SubscribeLinks";
import { FormMessage } from "../forms/FormMessage";
import { SubmitButton } from "../forms/SubmitButton";
import { useFormAction } from "../forms/useFormAction";

type Props = { action: (state: FormState, formData: FormData) => Promise<FormState>; hasLink: boolean };

/**
 * The delegate's personal feed. Its token is stored only as a hash, so the address can be shown only
 * when it is made: making a new one (a POST) replaces the old one, which stops working at once.
 */
export function PersonalCalendarForm({ action, hasLink }: Props) {
  const t = useTranslations("calendar");
  const tr = useTranslations("register");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  const feedUrl = typeof state.values?.feedUrl === "string" ? state.values.feedUrl : null;
  const qrSvg = typeof state.values?.qrSvg === "string" ? state.values.qrSvg : "";
  return (
    <form {...formProps} className="space-y-3" aria-label={t("personalTitle")}>
      <p>{t("personalText")}</p>
      <FormMessage state={state} />
      {feedUrl && (
        <SubscribeLinks
          links={calendarLinks(feedUrl, t("personalName"))}
          qrSvg={qrSvg}
          testId="personal-feed"
        />
      )}
      <SubmitButton
        pending={pending}
        label={hasLink || feedUrl ? t("personalRotate") : t("personalCreate")}
        pendingLabel={tr("submitting")}
      />
    </form>
  );
}
