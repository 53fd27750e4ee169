import type { AppLocale } from "../i18n/locales";
import { messages } from "../i18n/messages";
import { createTranslator } from "../i18n/translator";
import type { FieldErrors, ValidationKey } from "./fields";

/** Field problems as sentences in the visitor's language, by field path. */
export function describeFieldErrors(fields: FieldErrors, locale: AppLocale): Record<string, string> {
  const t = validationTranslator(locale);
  return Object.fromEntries(
    Object.entries(fields).map(([path, error]) => [path, t(error.key, error.values)]),
  );
}

export function validationMessage(
  key: ValidationKey,
  locale: AppLocale,
  values?: Record<string, string | number>,
): string {
  return validationTranslator(locale)(key, values);
}

function validationTranslator(locale: AppLocale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "validation" });
}
