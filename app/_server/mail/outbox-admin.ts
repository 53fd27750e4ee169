import "server-only";
import { translationsOf, type Translations } from "@/app/_lib/i18n/localized";
import { may } from "@/app/_lib/roles";
import { recordAudit } from "../audit/record";
import { authorize, type Actor } from "../authz";
import { db, type Prisma } from "../db";
import { invalid, notFound } from "../errors";
import { deliverSoon } from "./delivery";
import { readyEmail, renderForRecipient, type Attachment } from "./outbox";
import { mailConfigured } from "./transport";

/**
 * The outbox as organizers read it: what left, what waits, what failed and why, and each message as its
 * recipient sees it, a neutral mark where a link's token goes (links are minted when the email leaves,
 * so no stored email holds one). Account emails (invitations, password resets) are still seen only by
 * those who manage accounts: they tell who has or gets which access, which the accounts page and the
 * audit log show to admins only, and retrying one sends a new set-password link, an account action.
 * The rule sits in every query, so that no page can forget it.
 */

export const outboxStatuses = ["queued", "sent", "failed"] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];
/** Kinds are "<area>.<what>": the list filters by area. */
export const outboxKindAreas = ["registration", "account", "message"] as const;
export type OutboxKindArea = (typeof outboxKindAreas)[number];

export const OUTBOX_PAGE_SIZE = 25;

export type OutboxFilter = {
  status?: OutboxStatus;
  area?: OutboxKindArea;
  recipient?: string;
  page?: number;
};

export type OutboxListItem = {
  id: string;
  kind: string;
  to: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  meeting: { slug: string; title: Translations; timeZone: string } | null;
};

export type OutboxEmailView = OutboxListItem & {
  retryable: boolean;
  message: { subject: string; text: string; html: string };
  attachments: { filename: string; contentType: string; bytes: number; inline: boolean }[];
};

/** Whether emails leave at all: without SMTP they wait here, and this page is where they are read. */
export function outboxDelivers(actor: Actor | null): boolean {
  authorize(actor, "readNumbers");
  return mailConfigured();
}

/** What the actor may see of the outbox: without manageAccounts, no account email exists for them. */
function visibleTo(actor: Actor): Prisma.OutboxEmailWhereInput {
  return may(actor.role, "manageAccounts") ? {} : { NOT: { kind: { startsWith: "account." } } };
}

const listSelect = {
  id: true,
  kind: true,
  toAddress: true,
  subject: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastError: true,
  createdAt: true,
  sentAt: true,
  registration: {
    select: {
      meeting: { select: { slug: true, titleDe: true, titleEn: true, titleZh: true, timeZone: true } },
    },
  },
} satisfies Prisma.OutboxEmailSelect;

function listItem(row: Prisma.OutboxEmailGetPayload<{ select: typeof listSelect }>): OutboxListItem {
  const meeting = row.registration?.meeting;
  return {
    id: row.id,
    kind: row.kind,
    to: row.toAddress,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    meeting: meeting
      ? { slug: meeting.slug, title: translationsOf(meeting, "title"), timeZone: meeting.timeZone }
      : null,
  };
}

/** Newest first, a page at a time, narrowed by status, kind area and part of the recipient's address. */
export async function listOutbox(
  actor: Actor | null,
  filter: OutboxFilter = {},
): Promise<{ emails: OutboxListItem[]; total: number; page: number; pages: number }> {
  authorize(actor, "readNumbers");
  const recipient = filter.recipient?.trim().toLowerCase();
  const where: Prisma.OutboxEmailWhereInput = {
    AND: [
      visibleTo(actor),
      filter.status ? { status: filter.status } : {},
      filter.area ? { kind: { startsWith: `${filter.area}.` } } : {},
      recipient ? { toAddress: { contains: recipient, mode: "insensitive" } } : {},
    ],
  };
  const total = await db.outboxEmail.count({ where });
  const pages = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(filter.page ?? 1)), pages);
  const rows = await db.outboxEmail.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * OUTBOX_PAGE_SIZE,
    take: OUTBOX_PAGE_SIZE,
    select: listSelect,
  });
  return { emails: rows.map(listItem), total, page, pages };
}

/** Failed, or waiting for a later attempt: a retry makes it due now. Sent and due emails have nothing to retry. */
function retryableWhere(now: Date): Prisma.OutboxEmailWhereInput {
  return { OR: [{ status: "failed" }, { status: "queued", nextAttemptAt: { gt: now } }] };
}

function isRetryable(row: { status: OutboxStatus; nextAttemptAt: Date }, now: Date): boolean {
  return row.status === "failed" || (row.status === "queued" && row.nextAttemptAt > now);
}

/** One email with the message as its recipient reads it (the manage link's token shown as a neutral mark). */
export async function getOutboxEmail(actor: Actor | null, id: string): Promise<OutboxEmailView> {
  authorize(actor, "readNumbers");
  const row = await db.outboxEmail.findFirst({
    where: { AND: [{ id }, visibleTo(actor)] },
    select: { ...listSelect, text: true, html: true, attachments: true, draft: true },
  });
  if (!row) throw notFound("Email");
  const message = renderForRecipient(await readyEmail(row));
  return {
    ...listItem(row),
    retryable: isRetryable(row, new Date()),
    message: {
      subject: message.subject,
      text: message.text,
      html: withInlineImages(message.html, message.attachments),
    },
    attachments: message.attachments.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      bytes:
        attachment.encoding === "base64"
          ? Buffer.from(attachment.content, "base64").length
          : Buffer.byteLength(attachment.content, "utf8"),
      inline: Boolean(attachment.cid),
    })),
  };
}

/** Mail clients show `cid:` images from the message's parts; a page shows them only as data: addresses. */
function withInlineImages(html: string, attachments: Attachment[]): string {
  return attachments.reduce(
    (page, { cid, contentType, content, encoding }) =>
      cid && encoding === "base64" && /^image\/[a-z0-9.+-]+$/i.test(contentType)
        ? page.replaceAll(`cid:${cid}`, `data:${contentType};base64,${content}`)
        : page,
    html,
  );
}

/**
 * Makes a failed or deferred email due now. The attempts so far stay counted, so a failed email gets
 * one more try before it fails again (MAIL_MAX_ATTEMPTS in delivery.ts). The update is conditional: an
 * email a sender has just claimed or sent meanwhile is left alone.
 */
export async function retryOutboxEmail(actor: Actor | null, id: string): Promise<void> {
  authorize(actor, "readNumbers");
  const now = new Date();
  await db.$transaction(async (tx) => {
    const before = await tx.outboxEmail.findFirst({
      where: { AND: [{ id }, visibleTo(actor)] },
      select: {
        status: true,
        attempts: true,
        nextAttemptAt: true,
        kind: true,
        registration: { select: { meetingId: true } },
      },
    });
    if (!before) throw notFound("Email");
    const { count } = await tx.outboxEmail.updateMany({
      where: { AND: [{ id }, retryableWhere(now)] },
      data: { status: "queued", nextAttemptAt: now, lockedUntil: null },
    });
    if (count === 0)
      throw invalid({ emailId: { key: before.status === "sent" ? "emailAlreadySent" : "emailAlreadyDue" } });
    // No address, body or server answer (which often quotes the address) in the log. The kind stays: the
    // audit log shows retries of account emails only to those who manage accounts (audit/queries.ts).
    await recordAudit(tx, actor, {
      action: "email.retry",
      entity: "OutboxEmail",
      entityId: id,
      meetingId: before.registration?.meetingId ?? null,
      before: {
        kind: before.kind,
        status: before.status,
        attempts: before.attempts,
        nextAttemptAt: before.nextAttemptAt,
      },
      after: { kind: before.kind, status: "queued", attempts: before.attempts, nextAttemptAt: now },
    });
  });
  deliverSoon();
}
