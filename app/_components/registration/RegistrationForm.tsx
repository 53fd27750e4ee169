"use client";

import { useLocale, useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { Link } from "@/app/_lib/i18n/navigation";
import { delegateFieldOrder, delegateFieldTargets } from "@/app/_lib/registration/form";
import { carryDraft } from "../forms/drafts";
import { ErrorSummary } from "../forms/ErrorSummary";
import { CheckboxField, Choice, FieldMessages, Section, textValue } from "../forms/Field";
import { SubmitButton } from "../forms/SubmitButton";
import { useFormAction } from "../forms/useFormAction";
import { DelegateFields, type CityOption } from "./DelegateFields";
import { SessionChoice, type SessionOption } from "./SessionChoice";
import { VisaFields } from "./VisaFields";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  slug: string;
  formToken: string;
  cities: CityOption[];
  sessions: SessionOption[];
  timeLabels: { local: string; china: string };
  /** The page's title, for the document's title while errors show. */
  pageTitle: string;
  /** Working days within which the meeting's visa letters are sent. */
  visaLetterDays: number;
};

/** The lost-link form's draft key: the "already registered" answer hands it the address typed here. */
export const LOST_LINK_DRAFT = "lost-link";

/** The registration form. Works without JavaScript too: the server action answers with the same state. */
export function RegistrationForm({
  action,
  slug,
  formToken,
  cities,
  sessions,
  timeLabels,
  pageTitle,
  visaLetterDays,
}: Props) {
  const t = useTranslations("register");
  const tf = useTranslations("publicForms");
  const locale = useLocale() as AppLocale;
  const { state, pending, formProps } = useFormAction(action, initialFormState, {
    draft: `register:${slug}`,
  });
  const flag = (name: string) => textValue(state, name) === "on";
  const typedEmail = textValue(state, "email") ?? "";

  return (
    <form {...formProps} className="space-y-6" noValidate>
      <input type="hidden" name="formToken" value={formToken} />
      <ErrorSummary
        state={state}
        pageTitle={pageTitle}
        ownsTitle
        order={[...delegateFieldOrder(locale), "sessionIds", "privacyConsent"]}
        targets={{
          ...delegateFieldTargets,
          ...(sessions[0] && { sessionIds: `sessionIds-${sessions[0].id}` }),
        }}
      >
        {state.code === "already_registered" && (
          // The address goes along in the tab's storage, never in the link (with JavaScript; without, the
          // visitor types it again).
          <Link
            href="/manage"
            onClick={() => carryDraft(LOST_LINK_DRAFT, { fields: ["email"], values: { email: typedEmail } })}
            className="inline-block font-semibold text-brand-700 underline"
            data-testid="lost-link"
          >
            {tf("lostLink")}
          </Link>
        )}
      </ErrorSummary>
      <DelegateFields
        state={state}
        cities={cities}
        visa={<VisaFields state={state} days={visaLetterDays} />}
      />
      <Section title={t("sessions")}>
        <SessionChoice slug={slug} sessions={sessions} state={state} labels={timeLabels} />
      </Section>
      <Section title={t("consent")}>
        <details className="rounded bg-slate-50 p-3 text-sm">
          <summary className="cursor-pointer font-medium">{t("privacyTitle")}</summary>
          <p className="mt-2">{t("privacyText")}</p>
        </details>
        <p className="text-sm">
          <Link href="/privacy" className="text-brand-700 underline">
            {t("privacyLink")}
          </Link>
        </p>
        <div className="space-y-2">
          <Choice
            type="checkbox"
            name="privacyConsent"
            value="on"
            required
            defaultChecked={flag("privacyConsent")}
            invalid={Boolean(state.fieldErrors?.privacyConsent)}
            describedBy={state.fieldErrors?.privacyConsent ? "privacyConsent-error" : undefined}
            label={
              <>
                {t("privacyConsent")} <span className="text-red-700">*</span>
              </>
            }
          />
          <FieldMessages name="privacyConsent" state={state} />
          <CheckboxField name="photoConsent" label={t("photoConsent")} state={state} />
          <CheckboxField name="listConsent" label={t("listConsent")} state={state} />
        </div>
      </Section>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("submitting")} />
        <Link href="/manage" className="text-brand-700 underline">
          {t("lostLink")}
        </Link>
      </div>
    </form>
  );
}
