import "server-only";
import type { Prisma } from "../db";
import { insertRows, newRecordId } from "../database/insert-rows";
import { checkInQrPng } from "../registration/check-in-link";
import { escapeHtml } from "./html";
import type { OutgoingEmail } from "./transport";

/**
 * Emails are written to the outbox inside the transaction of the change they report and sent after the
 * commit, with retries: a registration never fails or waits because the mail server is down, and a
 * rolled-back change sends nothing. Sending is delivery.ts.
 */

/**
 * Stands in the stored bodies for the token of the delegate's manage link. The token does not exist
 * while the email waits: deliverOutbox mints it right before sending and stores only its hash, so the
 * database never holds a raw link token.
 */
export const MANAGE_TOKEN_PLACEHOLDER = "{{manageToken}}";

/**
 * An attachment as it leaves. Binary content (an image) is base64 text with `encoding: "base64"`; `cid`
 * makes it an inline part that the HTML shows as `<img src="cid:…">`.
 */
export type Attachment = { filename: string; contentType: string; content: string; encoding?: "base64"; cid?: string };

/**
 * An attachment stored as what it shows and drawn when the email is sent or looked at: the check-in QR
 * code, whose PNG takes milliseconds of CPU to draw. Drawn in the registration's transaction, it made
 * every delegate in a rush wait, and held the seat's lock meanwhile; its content follows from the
 * address it encodes anyway.
 */
export type AttachmentToDraw = { filename: string; contentType: "image/png"; cid: string; checkInQr: { meetingSlug: string; code: string } };

/** As stored with the queued email (JSON). */
export type StoredAttachment = Attachment | AttachmentToDraw;

export type NewEmail = {
  registrationId: string | null;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: StoredAttachment[];
  /** The bodies hold MANAGE_TOKEN_PLACEHOLDER for a manage link to the registration (registrationId). */
  withManageLink?: boolean;
};

/** Queues an email in the caller's transaction; it leaves only if that transaction commits. */
export async function queueEmail(tx: Prisma.TransactionClient, email: NewEmail): Promise<{ id: string }> {
  return tx.outboxEmail.create({ data: outboxRow(email, new Date()), select: { id: true } });
}

/** queueEmail for many emails, with one statement. */
export async function queueEmails(tx: Prisma.TransactionClient, emails: NewEmail[]): Promise<void> {
  const now = new Date();
  await insertRows(
    tx,
    "OutboxEmail",
    emails.map((email) => ({ id: newRecordId(), ...outboxRow(email, now), createdAt: now })),
  );
}

function outboxRow(email: NewEmail, now: Date) {
  if (email.withManageLink && !email.registrationId) throw new Error("A manage link needs the registration");
  return {
    registrationId: email.registrationId,
    kind: email.kind,
    toAddress: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    attachments: email.attachments ?? [],
    withManageLink: email.withManageLink ?? false,
    // Set here, not by the column default, which PostgreSQL would take in the session's time zone.
    nextAttemptAt: now,
  } satisfies Prisma.OutboxEmailCreateManyInput;
}

export type StoredEmail = { toAddress: string; subject: string; text: string; html: string; attachments: unknown };

/** A stored email whose attachments are all drawn (withAttachmentsDrawn). */
export type ReadyEmail = Omit<StoredEmail, "attachments"> & { attachments: Attachment[] };

/** The stored email with its drawn attachments made. */
export async function withAttachmentsDrawn<T extends StoredEmail>(row: T): Promise<Omit<T, "attachments"> & ReadyEmail> {
  const stored = Array.isArray(row.attachments) ? (row.attachments as StoredAttachment[]) : [];
  const attachments = await Promise.all(
    stored.map(async (attachment): Promise<Attachment> => {
      if (!("checkInQr" in attachment)) return attachment;
      const { checkInQr, ...described } = attachment;
      return { ...described, content: (await checkInQrPng(checkInQr.meetingSlug, checkInQr.code)).toString("base64"), encoding: "base64" };
    }),
  );
  return { ...row, attachments };
}

/** The email with `token` where the manage link's token stands. */
export function render(row: ReadyEmail, token: string): OutgoingEmail {
  return {
    to: row.toAddress,
    subject: row.subject.replaceAll(MANAGE_TOKEN_PLACEHOLDER, token),
    text: row.text.replaceAll(MANAGE_TOKEN_PLACEHOLDER, token),
    html: row.html.replaceAll(MANAGE_TOKEN_PLACEHOLDER, escapeHtml(token)),
    attachments: row.attachments,
  };
}

/** Where a link token stood. */
const REDACTED_TOKEN = "…";

/**
 * Link tokens written into a body in the clear (an account email's set-password link; a manage or
 * calendar link quoted in any email): the token of a `/manage/`, `/password/` or `/personal/` address.
 */
const LINK_TOKEN = /(\/(?:manage|password|personal)\/)[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;

function redactLinkTokens(text: string): string {
  return text.replace(LINK_TOKEN, `$1${REDACTED_TOKEN}`);
}

/**
 * The email as its recipient reads it, with a neutral mark where a link token stands: for the
 * organizers' outbox page, and what delivery keeps of an email once it has left (the delivered token is
 * kept nowhere).
 */
export function renderForRecipient(row: ReadyEmail): OutgoingEmail {
  const email = render(row, REDACTED_TOKEN);
  return { ...email, subject: redactLinkTokens(email.subject), text: redactLinkTokens(email.text), html: redactLinkTokens(email.html) };
}
