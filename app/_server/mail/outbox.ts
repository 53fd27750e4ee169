import "server-only";
import type { Prisma } from "../db";
import { insertRows, newRecordId } from "../database/insert-rows";
import { escapeHtml } from "./html";
import { emailKind } from "./kinds";
import { LINK_TOKEN_PLACEHOLDER } from "./links";
import type { OutgoingEmail } from "./transport";

/**
 * Emails are written to the outbox inside the transaction of the change they report and sent after the
 * commit, with retries: a registration never fails or waits because the mail server is down, and a
 * rolled-back change sends nothing. Sending is delivery.ts.
 */

/**
 * An attachment as it leaves. Binary content (an image) is base64 text with `encoding: "base64"`; `cid`
 * makes it an inline part that the HTML shows as `<img src="cid:…">`.
 */
export type Attachment = {
  filename: string;
  contentType: string;
  content: string;
  encoding?: "base64";
  cid?: string;
};

export type NewEmail = {
  registrationId: string | null;
  kind: string;
  to: string;
  subject: string;
  /**
   * The bodies hold LINK_TOKEN_PLACEHOLDER for a link minted when the email leaves, by the minter `kind`
   * registered (kinds.ts, links.ts). The column's name is from when the delegates' manage link was the
   * only one.
   */
  withManageLink?: boolean;
  /** The email waits until then (a change notice, for more changes to join it); unset: it leaves at once. */
  notBefore?: Date;
} & (
  | { text: string; html: string; attachments?: Attachment[] }
  /**
   * What the email reports, as JSON, composed by the composer `kind` registered (kinds.ts) when the email
   * leaves or is looked at: composing in the transaction that queues it would make that transaction, a
   * registration's in a rush, longer (BENCHMARKS.md).
   */
  | { draft: Prisma.InputJsonValue }
);

/** Queues an email in the caller's transaction; it leaves only if that transaction commits. */
export async function queueEmail(tx: Prisma.TransactionClient, email: NewEmail): Promise<{ id: string }> {
  const [id] = await queueEmails(tx, [email]);
  return { id: id! };
}

/** queueEmail for many emails, with one statement; their ids in the order given. */
export async function queueEmails(tx: Prisma.TransactionClient, emails: NewEmail[]): Promise<string[]> {
  // The app's clock, not the column defaults' (the database's): delivery compares nextAttemptAt with it.
  const now = new Date();
  const rows = emails.map((email) => {
    // The module that queues an email of a kind registers it as it loads: a kind without its minter or
    // composer is a mistake in the code, better found here than by an email that can never leave.
    if (email.withManageLink && !emailKind(email.kind).mintLink)
      throw new Error(`No link minter for ${email.kind}`);
    if ("draft" in email && !emailKind(email.kind).compose) throw new Error(`No composer for ${email.kind}`);
    const composed = "draft" in email ? null : email;
    return {
      id: newRecordId(),
      registrationId: email.registrationId,
      kind: email.kind,
      toAddress: email.to,
      subject: email.subject,
      text: composed?.text ?? null,
      html: composed?.html ?? null,
      attachments: (composed?.attachments ?? []) as Prisma.InputJsonValue,
      draft: "draft" in email ? email.draft : null,
      withManageLink: email.withManageLink ?? false,
      nextAttemptAt: email.notBefore ?? now,
      createdAt: now,
    } satisfies Omit<Prisma.OutboxEmailCreateManyInput, "draft"> & { draft: Prisma.InputJsonValue | null };
  });
  await insertRows(tx, "OutboxEmail", rows);
  return rows.map((row) => row.id);
}

/**
 * Whether an email of one of `kinds` was queued to the same address after this one (by creation, then
 * id: ids made later sort later). A minter uses it to give the link only to the latest of a series.
 */
export async function hasNewerEmail(
  tx: Pick<Prisma.TransactionClient, "outboxEmail">,
  email: { id: string; toAddress: string; createdAt: Date },
  kinds: readonly string[],
): Promise<boolean> {
  const newer = await tx.outboxEmail.count({
    where: {
      toAddress: email.toAddress,
      kind: { in: [...kinds] },
      OR: [{ createdAt: { gt: email.createdAt } }, { createdAt: email.createdAt, id: { gt: email.id } }],
    },
  });
  return newer > 0;
}

/** An email as stored: composed, or a draft (`draft` set, the bodies null). */
export type StoredEmail = {
  kind: string;
  toAddress: string;
  subject: string;
  text: string | null;
  html: string | null;
  attachments: unknown;
  draft: unknown;
};

/** A stored email composed, with its attachments drawn (readyEmail). */
export type ReadyEmail = Omit<StoredEmail, "kind" | "text" | "html" | "attachments" | "draft"> & {
  text: string;
  html: string;
  attachments: Attachment[];
};

/**
 * The stored email as it leaves: a draft composed by its kind's composer. Throws when the kind has none
 * in this process, or the composer cannot read the draft.
 */
export async function readyEmail<T extends StoredEmail>(
  row: T,
): Promise<Omit<T, keyof ReadyEmail> & ReadyEmail> {
  if (row.draft === null || row.draft === undefined) {
    const attachments = Array.isArray(row.attachments) ? (row.attachments as Attachment[]) : [];
    return { ...row, text: row.text ?? "", html: row.html ?? "", attachments };
  }
  const compose = emailKind(row.kind).compose;
  if (!compose) throw new Error(`No composer for ${row.kind}`);
  return { ...row, ...(await compose(row.draft)) };
}

/** The email with `token` where the minted link's token stands. */
export function render(row: ReadyEmail, token: string): OutgoingEmail {
  return {
    to: row.toAddress,
    subject: row.subject.replaceAll(LINK_TOKEN_PLACEHOLDER, token),
    text: row.text.replaceAll(LINK_TOKEN_PLACEHOLDER, token),
    html: row.html.replaceAll(LINK_TOKEN_PLACEHOLDER, escapeHtml(token)),
    attachments: row.attachments,
  };
}

/** Where a link token stood. */
const REDACTED_TOKEN = "…";

/**
 * Link tokens written into a body in the clear (a manage or calendar link quoted in any email; the
 * set-password link of an account email queued before those links were minted at sending): the token
 * of a `/manage/`, `/password/` or `/personal/` address.
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
  return {
    ...email,
    subject: redactLinkTokens(email.subject),
    text: redactLinkTokens(email.text),
    html: redactLinkTokens(email.html),
  };
}
