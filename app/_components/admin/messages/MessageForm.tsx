"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import {
  MAX_BODY_LENGTH,
  MAX_SUBJECT_LENGTH,
  messagePlaceholders,
  type MessageTexts,
} from "@/app/_lib/delegate-message";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { htmlLang, locales, type AppLocale } from "@/app/_lib/i18n/locales";
import { FieldMessages, invalidProps, textValue } from "../../forms/Field";
import { FormMessage } from "../../forms/FormMessage";
import { useFormAction } from "../../forms/useFormAction";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

type Props = {
  action: Action;
  meetingSlug: string;
  messageId: string;
  /** The desk's filters the page shows, and the key of the list it shows (the send refuses another). */
  filterQuery: string;
  recipientsKey: string;
  recipientCount: number;
  /** The language the preview shows, and so the test's. */
  previewLanguage: AppLocale;
  texts: MessageTexts;
  /** The languages' names in the organizer's language. */
  languageNames: Record<AppLocale, string>;
  /** The preview of the saved text, between the texts and the sending. */
  children: ReactNode;
};

const control =
  "w-full rounded border border-slate-300 bg-white px-3 py-2 aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600";
const secondary =
  "rounded border border-slate-400 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-50 disabled:opacity-60";

/**
 * A draft's texts side by side in the three languages, the placeholders beside them, the preview, and
 * the buttons: save, test, send, delete. Every button saves what was typed first; what the server
 * refuses comes back next to its field, with the text as typed.
 */
export function MessageForm(props: Props) {
  const t = useTranslations("adminMessages.form");
  const { state, pending, formProps } = useFormAction(props.action, initialFormState);
  const field = (kind: "subject" | "body", language: AppLocale) =>
    `${kind}${language === "de" ? "De" : language === "en" ? "En" : "Zh"}`;
  const value = (kind: "subject" | "body", language: AppLocale) =>
    textValue(state, field(kind, language)) ?? props.texts[language][kind];
  const button = (intent: string, label: string, className: string) => (
    <button type="submit" name="intent" value={intent} disabled={pending} className={className}>
      {label}
    </button>
  );
  return (
    <form {...formProps} className="space-y-6" noValidate data-testid="message-form">
      <input type="hidden" name="meetingSlug" value={props.meetingSlug} />
      <input type="hidden" name="messageId" value={props.messageId} />
      <input type="hidden" name="filterQuery" value={props.filterQuery} />
      <input type="hidden" name="recipientsKey" value={props.recipientsKey} />
      <input type="hidden" name="lang" value={props.previewLanguage} />
      <FormMessage state={state} />
      <section aria-labelledby="message-texts" className="space-y-3">
        <h2 id="message-texts" className="text-xl font-semibold">
          {t("texts")}
        </h2>
        <p className="max-w-3xl text-slate-700">{t("textsIntro")}</p>
        <div className="grid gap-4 lg:grid-cols-3">
          {locales.map((language) => (
            <fieldset
              key={language}
              className="min-w-0 space-y-2 rounded border border-slate-200 bg-white p-3"
            >
              <legend className="px-1 font-semibold">{props.languageNames[language]}</legend>
              {(["subject", "body"] as const).map((kind) => {
                const name = field(kind, language);
                const shared = {
                  id: name,
                  name,
                  lang: htmlLang[language],
                  defaultValue: value(kind, language),
                  className: control,
                  ...invalidProps(name, state),
                };
                return (
                  <div key={kind} className="space-y-1">
                    <label htmlFor={name} className="block text-sm font-medium">
                      {t(kind)}
                    </label>
                    {kind === "subject" ? (
                      <input key={shared.defaultValue} {...shared} maxLength={MAX_SUBJECT_LENGTH} />
                    ) : (
                      <textarea key={shared.defaultValue} {...shared} rows={12} maxLength={MAX_BODY_LENGTH} />
                    )}
                    <FieldMessages name={name} state={state} />
                  </div>
                );
              })}
            </fieldset>
          ))}
        </div>
        <div>
          <h3 className="font-semibold">{t("placeholders")}</h3>
          <dl className="mt-1 flex flex-wrap gap-x-8 gap-y-1 text-sm">
            {messagePlaceholders.map((name) => (
              <div key={name} className="flex gap-2">
                <dt>
                  <code className="rounded bg-slate-100 px-1">{`{{${name}}}`}</code>
                </dt>
                <dd className="text-slate-600">{t(`placeholder.${name}`)}</dd>
              </div>
            ))}
          </dl>
        </div>
        <div className="flex flex-wrap gap-3">
          {button("save", pending ? t("saving") : t("save"), secondary)}
          {button("test", t("test", { language: props.languageNames[props.previewLanguage] }), secondary)}
        </div>
      </section>
      {props.children}
      <section className="space-y-3 rounded border border-slate-200 bg-white p-4">
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            name="confirm"
            value="1"
            className="mt-1 size-4 accent-brand-700"
            {...invalidProps("confirm", state)}
          />
          <span>{t("confirm")}</span>
        </label>
        <FieldMessages name="confirm" state={state} />
        <div className="flex flex-wrap items-center justify-between gap-3">
          {button(
            "send",
            pending ? t("sending") : t("send", { count: props.recipientCount }),
            "rounded bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60",
          )}
          {button("delete", t("delete"), "text-red-700 underline disabled:opacity-60")}
        </div>
      </section>
    </form>
  );
}
