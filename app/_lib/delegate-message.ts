import { locales, type AppLocale } from "./i18n/locales";

/**
 * A message from the organizers to chosen delegates: a subject and a text per language, with
 * `{{placeholders}}` for what differs from delegate to delegate. Pure, so that the form, the save check,
 * the preview and the emails agree on what a text means.
 */

/** Every placeholder a message may use, in the order the form lists them. */
export const messagePlaceholders = ["name", "manageLink"] as const;
export type MessagePlaceholder = (typeof messagePlaceholders)[number];

export type MessageText = { subject: string; body: string };
export type MessageTexts = Record<AppLocale, MessageText>;

export const MAX_SUBJECT_LENGTH = 200;
export const MAX_BODY_LENGTH = 20_000;

// Anything between double braces is meant as a placeholder: a misspelt one ({{nmae}}) must be refused,
// not sent as it is. Single braces stay plain text.
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

function isPlaceholder(name: string): name is MessagePlaceholder {
  return (messagePlaceholders as readonly string[]).includes(name);
}

/** The placeholders a text uses that no message can fill, each once, as written, in order of appearance. */
export function unknownMessagePlaceholders(text: string): string[] {
  const unknown = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) if (!isPlaceholder(match[1]!)) unknown.add(match[0]);
  return [...unknown];
}

export function usesPlaceholder(text: string, name: MessagePlaceholder): boolean {
  return [...text.matchAll(PLACEHOLDER)].some((match) => match[1] === name);
}

/** The text with each placeholder replaced by its value (unknown ones cannot be saved, so never occur). */
export function fillPlaceholders(text: string, values: Record<MessagePlaceholder, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (isPlaceholder(name) ? values[name] : whole));
}

/**
 * The languages a delegate's message is looked for in: their own, then English (what most of the
 * alliance's Chinese and German delegates read besides their own), then German, then Chinese.
 */
export function messageFallbackOrder(language: AppLocale): AppLocale[] {
  return [...new Set<AppLocale>([language, "en", "de", "zh"])];
}

/** Whether the message has a text in `language` (a subject alone is not a message). */
export function hasText(texts: MessageTexts, language: AppLocale): boolean {
  return texts[language].body.trim() !== "";
}

/** The language a delegate of `language` gets the message in; null while it has no text at all. */
export function messageLanguage(texts: MessageTexts, language: AppLocale): AppLocale | null {
  return messageFallbackOrder(language).find((candidate) => hasText(texts, candidate)) ?? null;
}

/** The languages the message is written in. */
export function writtenLanguages(texts: MessageTexts): AppLocale[] {
  return locales.filter((language) => hasText(texts, language));
}

/**
 * Text as the organizers typed it, for storing: line breaks made "\n", control characters dropped,
 * trailing blanks trimmed (leading ones too for the subject, which is one line).
 */
export function cleanMessageText(text: string, kind: "subject" | "body"): string {
  const cleaned = text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
  return kind === "subject" ? cleaned.replace(/\s+/g, " ").trim() : cleaned.replace(/\s+$/, "");
}

/** The outbox's kind of a message's email to a delegate, and of the organizer's test of it. */
export const MESSAGE_EMAIL_KIND = "message.delegate";
export const MESSAGE_TEST_EMAIL_KIND = "message.test";

/** The subject that names a message in lists: the reader's language first, then the message's fallback. */
export function messageHeadline(texts: MessageTexts, language: AppLocale): string {
  return (
    messageFallbackOrder(language)
      .map((candidate) => texts[candidate].subject.trim())
      .find(Boolean) ?? ""
  );
}

export type MessageState = "draft" | "sending" | "sent" | "sentWithFailures";

/** Where a message stands: a draft, or sent with emails still waiting, all left, or some failed. */
export function messageState(
  sentAt: string | null,
  progress: { waiting: number; failed: number } | null,
): MessageState {
  if (!sentAt || !progress) return "draft";
  if (progress.waiting > 0) return "sending";
  return progress.failed > 0 ? "sentWithFailures" : "sent";
}
