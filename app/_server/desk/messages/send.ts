import "server-only";
import {
  messageLanguage,
  MESSAGE_EMAIL_KIND,
  MESSAGE_TEST_EMAIL_KIND,
  type MessageTexts,
} from "@/app/_lib/delegate-message";
import type { Translations } from "@/app/_lib/i18n/localized";
import type { PracticalInfo } from "@/app/_lib/meetings/practical-info";
import type { PersonName } from "@/app/_lib/names";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { messages } from "@/app/_lib/i18n/messages";
import { createTranslator } from "@/app/_lib/i18n/translator";
import { parseDeskFilters } from "@/app/_lib/registration/desk-filters";
import { recordAudit } from "../../audit/record";
import type { Actor } from "../../authz";
import { db, type Prisma } from "../../db";
import { invalid } from "../../errors";
import { deliverSoon } from "../../mail/delivery";
import { LINK_TOKEN_PLACEHOLDER } from "../../mail/links";
import { queueEmail, queueEmails, type NewEmail } from "../../mail/outbox";
import { delegateName } from "../../registration/emails/wording";
import { composeMessageDraft, messageEmailOf } from "./drafts";
import "./kinds";
import { alreadySent, lockedDraft, messageMeeting, normalFilterQuery } from "./messages";
import { chooseRecipients, languageCounts, recipientsKey } from "./recipients";
import { sendingProblems, textsOf } from "./texts";

/**
 * Sending a message: to its recipients through the outbox, once, or as a test to the organizer alone.
 * The emails are drafts (drafts.ts) of the paced kind, so a message to hundreds leaves at
 * MAIL_RATE_PER_MINUTE, survives a restart (they are rows, not memory) and shows its progress.
 */

/** The texts of a draft that is complete enough to send (sendingProblems), its row locked. */
async function sendableDraft(tx: Prisma.TransactionClient, meetingId: string, messageId: string) {
  const row = await lockedDraft(tx, meetingId, messageId);
  const texts = textsOf(row);
  const problems = sendingProblems(texts);
  if (Object.keys(problems).length > 0) throw invalid(problems);
  return { texts, filterQuery: row.filterQuery };
}

export type MessagePreview = { language: AppLocale; subject: string; text: string; name: string };

/**
 * The message as the first of `readers` whose registration language is `language` gets it (with the
 * fallback of messageLanguage), or, with no such reader, as the organizer's test does; with the
 * outbox's neutral mark where the manage link's token goes. Null while the message has no text.
 */
export function previewMessage(
  texts: MessageTexts,
  language: AppLocale,
  context: {
    readers: readonly (PersonName & { honorific: string | null; language: AppLocale })[];
    organizerName: string;
    meeting: { id: string; title: Translations; venueName: string };
    /** The meeting's practical information, which the footer of the sent emails gives. */
    practical: PracticalInfo | null;
  },
): MessagePreview | null {
  const chosen = messageLanguage(texts, language);
  if (!chosen) return null;
  const reader = context.readers.find((candidate) => candidate.language === language);
  const name = reader ? delegateName(reader, chosen) : context.organizerName;
  const email = messageEmailOf(texts, chosen, { name, language, meeting: context.meeting });
  const { text } = composeMessageDraft(email.draft, context.practical);
  const mark = (value: string) => value.replaceAll(LINK_TOKEN_PLACEHOLDER, "…");
  return { language: chosen, subject: mark(email.subject), text: mark(text), name };
}

/**
 * Sends the saved message to the organizer alone, as a delegate reading `language` gets it, under their
 * own name, at once (not paced). The manage link shows the outbox's neutral mark: the organizer has no
 * registration. Audited as "message.test".
 */
export async function sendMessageTest(
  actor: Actor | null,
  meetingSlug: string,
  messageId: string,
  language: AppLocale,
): Promise<{ to: string; language: AppLocale }> {
  const { meeting, writer: tester } = await messageMeeting(actor, meetingSlug);
  const result = await db.$transaction(async (tx) => {
    const { texts } = await sendableDraft(tx, meeting.id, messageId);
    const chosen = messageLanguage(texts, language)!;
    const email = messageEmailOf(texts, chosen, { name: tester.name, language, meeting });
    const t = createTranslator({
      locale: chosen,
      messages: messages[chosen],
      namespace: "adminMessages.email",
    });
    const { id } = await queueEmail(tx, {
      registrationId: null,
      kind: MESSAGE_TEST_EMAIL_KIND,
      to: tester.email,
      subject: t("testSubject", { subject: email.subject }),
      draft: email.draft,
      withManageLink: false,
    });
    await recordAudit(tx, tester, {
      action: "message.test",
      entity: "DelegateMessage",
      entityId: messageId,
      meetingId: meeting.id,
      after: { to: tester.email, language: chosen, emailId: id },
    });
    return { to: tester.email, language: chosen };
  });
  deliverSoon();
  return result;
}

/**
 * Sends the saved message to the delegates its filters choose, once: the transaction that queues the
 * emails sets `sentAt` on the message's locked row, so a second click (or a second organizer) finds it
 * sent and sends nothing. `shownKey` is the recipientsKey of the list the organizer saw: a list that
 * has changed since is refused with its new count, as are a filter that chooses nobody and texts that
 * are not complete. Each delegate gets the message in their language, or the fallback
 * (messageLanguage); the emails leave through the outbox at MAIL_RATE_PER_MINUTE. Audited as
 * "message.send", with the filters and the number of recipients in each language.
 */
export async function sendMessage(
  actor: Actor | null,
  meetingSlug: string,
  messageId: string,
  shownKey: string,
  now = new Date(),
): Promise<{ recipients: number }> {
  const { meeting, writer: sender } = await messageMeeting(actor, meetingSlug);
  const count = await db.$transaction(
    async (tx) => {
      const { texts, filterQuery } = await sendableDraft(tx, meeting.id, messageId);
      const filters = parseDeskFilters(new URLSearchParams(filterQuery));
      const recipients = await chooseRecipients(tx, meeting.id, filters);
      if (recipients.length === 0) throw invalid({ _: { key: "messageNoRecipients" } });
      if (recipientsKey(recipients) !== shownKey)
        throw invalid({ _: { key: "messageRecipientsChanged", values: { count: recipients.length } } });
      const { count: claimed } = await tx.delegateMessage.updateMany({
        where: { id: messageId, sentAt: null },
        data: { sentAt: now, sentByEmail: sender.email, filterQuery: normalFilterQuery(filterQuery) },
      });
      if (claimed === 0) throw alreadySent();
      const letters = recipients.map((recipient) => {
        const language = messageLanguage(texts, recipient.language)!;
        const email = messageEmailOf(texts, language, {
          name: delegateName(recipient, language),
          language: recipient.language,
          meeting,
        });
        return {
          language,
          email: {
            registrationId: recipient.id,
            kind: MESSAGE_EMAIL_KIND,
            to: recipient.email,
            ...email,
          } satisfies NewEmail,
        };
      });
      const emailIds = await queueEmails(
        tx,
        letters.map(({ email }) => email),
      );
      await tx.delegateMessageRecipient.createMany({
        data: recipients.map((recipient, index) => ({
          messageId,
          registrationId: recipient.id,
          emailId: emailIds[index]!,
          language: letters[index]!.language,
        })),
      });
      await recordAudit(tx, sender, {
        action: "message.send",
        entity: "DelegateMessage",
        entityId: messageId,
        meetingId: meeting.id,
        after: {
          filterQuery,
          recipients: recipients.length,
          languages: languageCounts(texts, recipients),
        },
      });
      return recipients.length;
    },
    // Hundreds of emails are written in one statement, but a transaction of a few seconds on a busy
    // machine is still better than a refusal that the organizer can do nothing about.
    { timeout: 60_000 },
  );
  deliverSoon();
  return { recipients: count };
}
