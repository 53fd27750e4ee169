import "server-only";
import {
  cleanMessageText,
  hasText,
  MAX_BODY_LENGTH,
  MAX_SUBJECT_LENGTH,
  unknownMessagePlaceholders,
  type MessageTexts,
} from "@/app/_lib/delegate-message";
import { locales, type AppLocale } from "@/app/_lib/i18n/locales";
import type { FieldErrors } from "@/app/_lib/registration/fields";

/** A message's texts as its columns and back, and what makes them fit to send. */

const capital: Record<AppLocale, "De" | "En" | "Zh"> = { de: "De", en: "En", zh: "Zh" };

/** The form's (and the columns') name of a language's subject or text: "subjectDe", "bodyZh". */
export function textField(
  kind: "subject" | "body",
  language: AppLocale,
): `${typeof kind}${"De" | "En" | "Zh"}` {
  return `${kind}${capital[language]}`;
}

export const textSelect = {
  subjectDe: true,
  subjectEn: true,
  subjectZh: true,
  bodyDe: true,
  bodyEn: true,
  bodyZh: true,
} as const;

type TextColumns = Record<keyof typeof textSelect, string>;

export function textsOf(row: TextColumns): MessageTexts {
  return Object.fromEntries(
    locales.map((language) => [
      language,
      { subject: row[textField("subject", language)], body: row[textField("body", language)] },
    ]),
  ) as MessageTexts;
}

export function columnsOf(texts: MessageTexts): TextColumns {
  return Object.fromEntries(
    locales.flatMap((language) => [
      [textField("subject", language), texts[language].subject],
      [textField("body", language), texts[language].body],
    ]),
  ) as TextColumns;
}

/** The texts as typed, cleaned for storing (cleanMessageText). */
export function cleanTexts(texts: MessageTexts): MessageTexts {
  return Object.fromEntries(
    locales.map((language) => [
      language,
      {
        subject: cleanMessageText(texts[language].subject, "subject"),
        body: cleanMessageText(texts[language].body, "body"),
      },
    ]),
  ) as MessageTexts;
}

/**
 * What no message may hold, not even a draft: texts too long, placeholders that do not exist (named as
 * written, so that a misspelt {{nmae}} is found at once).
 */
export function textProblems(texts: MessageTexts): FieldErrors {
  const problems: FieldErrors = {};
  for (const language of locales) {
    for (const kind of ["subject", "body"] as const) {
      const text = texts[language][kind];
      const field = textField(kind, language);
      const unknown = unknownMessagePlaceholders(text);
      const max = kind === "subject" ? MAX_SUBJECT_LENGTH : MAX_BODY_LENGTH;
      if (text.length > max) problems[field] = { key: "tooLong", values: { max } };
      else if (unknown.length > 0)
        problems[field] = { key: "unknownMessagePlaceholders", values: { names: unknown.join(", ") } };
    }
  }
  return problems;
}

/**
 * textProblems, and what a message needs before it is sent (or tested): a text in at least one
 * language, a subject for each text and a text for each subject.
 */
export function sendingProblems(texts: MessageTexts): FieldErrors {
  const problems = textProblems(texts);
  const written = locales.filter((language) => hasText(texts, language));
  for (const language of locales) {
    const subject = textField("subject", language);
    const body = textField("body", language);
    if (written.length === 0) problems[body] ??= { key: "messageEmpty" };
    else if (hasText(texts, language) && !texts[language].subject.trim())
      problems[subject] ??= { key: "messageSubjectMissing" };
    else if (!hasText(texts, language) && texts[language].subject.trim())
      problems[body] ??= { key: "messageBodyMissing" };
  }
  return problems;
}
