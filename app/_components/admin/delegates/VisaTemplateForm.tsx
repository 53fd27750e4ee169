"use client";

import { useTranslations } from "next-intl";
import { htmlLang, localeNames, type AppLocale } from "@/app/_lib/i18n/locales";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { letterPlaceholders, MAX_TEMPLATE_LENGTH } from "@/app/_lib/visa-letter";
import { describedBy, FieldMessages, textValue } from "../../forms/Field";
import { FormMessage } from "../../forms/FormMessage";
import { SubmitButton } from "../../forms/SubmitButton";
import { useFormAction } from "../../forms/useFormAction";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

type Props = {
  action: Action;
  meetingSlug: string;
  lang: AppLocale;
  /** What the letter says now: the organizers' template or the built-in letter. */
  text: string;
  custom: boolean;
};

/** The template of one language, with the placeholders it may use listed beside it. */
export function VisaTemplateForm({ action, meetingSlug, lang, text, custom }: Props) {
  const t = useTranslations("adminRegistrations.visa");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  const hint = custom ? t("custom") : t("builtIn");
  return (
    <form {...formProps} className="space-y-3" noValidate>
      <input type="hidden" name="meetingSlug" value={meetingSlug} />
      <input type="hidden" name="lang" value={lang} />
      <FormMessage state={state} />
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <div className="space-y-1">
          <label htmlFor="template" className="block font-medium">
            {t("template", { lang: localeNames[lang] })}
          </label>
          {/* A new key when the saved text changes shows it, instead of what the browser kept. */}
          <textarea
            key={text}
            id="template"
            name="template"
            lang={htmlLang[lang]}
            rows={26}
            maxLength={MAX_TEMPLATE_LENGTH}
            defaultValue={textValue(state, "template") ?? text}
            aria-invalid={state.fieldErrors?.template ? true : undefined}
            aria-describedby={describedBy("template", state, hint)}
            className="w-full rounded border border-slate-300 bg-white px-3 py-2 font-mono text-sm aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600"
          />
          <FieldMessages name="template" hint={hint} state={state} />
        </div>
        <div>
          <h3 className="font-semibold">{t("placeholders")}</h3>
          <dl className="mt-1 space-y-1.5 text-sm">
            {letterPlaceholders.map((name) => (
              <div key={name}>
                <dt>
                  <code className="rounded bg-slate-100 px-1">{`{${name}}`}</code>
                </dt>
                <dd className="text-slate-600">{t(`placeholder.${name}`)}</dd>
              </div>
            ))}
          </dl>
        </div>
      </div>
      <SubmitButton pending={pending} label={t("save")} pendingLabel={t("saving")} />
    </form>
  );
}

/** Back to the built-in letter: its own form, since the template form sends its text, not a choice. */
export function VisaTemplateReset({
  action,
  meetingSlug,
  lang,
}: Pick<Props, "action" | "meetingSlug" | "lang">) {
  const t = useTranslations("adminRegistrations.visa");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  return (
    <form {...formProps} className="space-y-2">
      <input type="hidden" name="meetingSlug" value={meetingSlug} />
      <input type="hidden" name="lang" value={lang} />
      <input type="hidden" name="intent" value="reset" />
      <FormMessage state={state} />
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-slate-400 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-50 disabled:opacity-60"
      >
        {t("reset")}
      </button>
    </form>
  );
}
