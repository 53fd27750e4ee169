import "server-only";
import { fillPlaceholders, usesPlaceholder, type MessageTexts } from "@/app/_lib/delegate-message";
import { pick, type Translations } from "@/app/_lib/i18n/localized";
import type { PracticalInfo } from "@/app/_lib/meetings/practical-info";
import { htmlLang, type AppLocale } from "@/app/_lib/i18n/locales";
import { messages } from "@/app/_lib/i18n/messages";
import { createTranslator } from "@/app/_lib/i18n/translator";
import { readVersionedDraft, type StoredDraft } from "../../mail/draft-versions";
import { escapeHtml } from "../../mail/html";
import type { ComposedEmail } from "../../mail/kinds";
import { LINK_TOKEN_PLACEHOLDER } from "../../mail/links";
import { getPracticalInfo } from "../../meetings/practical-info";
import { emailFooter } from "../../registration/emails/footer";
import { manageUrl } from "../../registration/tokens";

/**
 * A message's email to one delegate as data, as the outbox keeps it until it leaves (mail/outbox.ts):
 * the text in the language the delegate gets, their name, and the meeting for the footer. A message to
 * three hundred delegates leaves over minutes (MAIL_RATE_PER_MINUTE), possibly across a release, so a
 * draft carries the version of its shape like the registration emails' (registration/emails/drafts.ts):
 * any change to what a draft holds makes a new version, `upgrades` gets the step from the previous
 * one, and a fixture of the new shape joins those that drafts.test.ts composes for good.
 */
export const MESSAGE_DRAFT_VERSION = 1;

export type MessageEmailDraft = {
  version: typeof MESSAGE_DRAFT_VERSION;
  /** The language of the text: the delegate's, or the fallback where the message has none in theirs. */
  language: AppLocale;
  /** The delegate's own language, in which their manage link opens. */
  readerLanguage: AppLocale;
  /** The text as the organizers wrote it, with its placeholders. */
  body: string;
  /** The delegate's name as {{name}} gives it (registration/emails/wording.ts's delegateName). */
  name: string;
  /** The meeting's title in `language`, for the footer. */
  meetingTitle: string;
  /** The meeting, whose practical information the footer gives as it stands when the email leaves. */
  meetingId: string;
  venueName: string;
};

const upgrades: Record<number, (draft: StoredDraft) => StoredDraft> = {};

export function readMessageDraft(stored: unknown): MessageEmailDraft {
  return readVersionedDraft(stored, { name: "Message draft", current: MESSAGE_DRAFT_VERSION, upgrades });
}

// An address ends before a blank, a "<", a character beyond ASCII (Chinese puts no blank after an address:
// "点击{{manageLink}}修改"), or punctuation that ends the sentence it stands in (not a "}": the manage link
// ends in the placeholder of its token).
const URL = /https?:\/\/[^\s<\u0080-\uffff]*[^\s<\u0080-\uffff.,;:!?)'"]/g;

/**
 * The email of a draft: the organizers' text with the placeholders filled, the manage link with the
 * outbox's placeholder where its token goes (minted when the email leaves, mail/links.ts), and a footer
 * that says why the delegate gets it. The HTML is the same text, escaped, with its addresses as links.
 */
export function composeMessageDraft(
  draft: MessageEmailDraft,
  practical: PracticalInfo | null = null,
): Omit<ComposedEmail, "attachments"> {
  const t = createTranslator({
    locale: draft.language,
    messages: messages[draft.language],
    namespace: "adminMessages.email",
  });
  const text = fillPlaceholders(draft.body, {
    name: draft.name,
    manageLink: manageUrl(draft.readerLanguage, LINK_TOKEN_PLACEHOLDER),
  }).trim();
  const footer = emailFooter(
    { venueName: draft.venueName, practical },
    draft.language,
    t("footer", { meeting: draft.meetingTitle }),
  );
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${linked(paragraph).replace(/\n/g, "<br>")}</p>`);
  const html = [
    "<!DOCTYPE html>",
    `<html lang="${htmlLang[draft.language]}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>',
    '<body style="margin:0;padding:24px;background:#ffffff;color:#1f2937;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5">',
    ...paragraphs,
    footer.html,
    "</body>",
    "</html>",
    "",
  ].join("\n");
  return { text: `${text}\n\n-- \n${footer.text}\n`, html };
}

/** Escaped text with each web address as a link (the placeholder of the link's token included). */
function linked(text: string): string {
  let html = "";
  let last = 0;
  for (const match of text.matchAll(URL)) {
    const url = escapeHtml(match[0]);
    html += `${escapeHtml(text.slice(last, match.index))}<a href="${url}">${url}</a>`;
    last = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(last));
}

/**
 * A message's email to one reader, as the outbox stores it: the subject filled, the text a draft. The
 * text in `language` (the reader's or the fallback), the name as that language puts it, the manage link
 * in the reader's own language.
 */
export function messageEmailOf(
  texts: MessageTexts,
  language: AppLocale,
  reader: {
    name: string;
    language: AppLocale;
    meeting: { id: string; title: Translations; venueName: string };
  },
): { subject: string; draft: MessageEmailDraft; withManageLink: boolean } {
  const { subject, body } = texts[language];
  const manageLink = manageUrl(reader.language, LINK_TOKEN_PLACEHOLDER);
  return {
    subject: fillPlaceholders(subject, { name: reader.name, manageLink }),
    draft: {
      version: MESSAGE_DRAFT_VERSION,
      language,
      readerLanguage: reader.language,
      body,
      name: reader.name,
      meetingTitle: pick(reader.meeting.title, language),
      meetingId: reader.meeting.id,
      venueName: reader.meeting.venueName,
    },
    withManageLink: usesPlaceholder(subject, "manageLink") || usesPlaceholder(body, "manageLink"),
  };
}

/**
 * A stored draft of any version as it leaves, with the meeting's practical information as it stands
 * then in its footer, as every email to a delegate has it: the outbox's composer for message emails.
 */
export async function composeStoredMessage(stored: unknown): Promise<ComposedEmail> {
  const draft = readMessageDraft(stored);
  return { ...composeMessageDraft(draft, await getPracticalInfo(draft.meetingId)), attachments: [] };
}
