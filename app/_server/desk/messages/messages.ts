import "server-only";
import type { MessageTexts } from "@/app/_lib/delegate-message";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { RECORD_ID } from "@/app/_lib/ids";
import { nameFields, type PersonName } from "@/app/_lib/names";
import { deskFilterQuery, parseDeskFilters } from "@/app/_lib/registration/desk-filters";
import { recordAudit } from "../../audit/record";
import { authorize, type Actor } from "../../authz";
import { db, type Prisma } from "../../db";
import { Prisma as Sql } from "../../generated/prisma/client";
import { AppError, invalid, notFound } from "../../errors";
import { getDeskMeeting, type DeskMeeting } from "../desk-queries";
import { cleanTexts, columnsOf, textProblems, textSelect, textsOf } from "./texts";

/**
 * Messages to chosen delegates, as the organizers write them: a draft per message, its texts in three
 * languages and the desk's filters that choose its recipients, until it is sent (send.ts), once.
 */

export type MessageProgress = {
  /** Emails that left. */
  sent: number;
  /** Emails waiting in the outbox: for their turn (MAIL_RATE_PER_MINUTE) or for another attempt. */
  waiting: number;
  /** Of those waiting, the ones whose last attempt failed (the mail server refused or was away). */
  retrying: number;
  /** Emails that gave up after MAIL_MAX_ATTEMPTS, or that could not be sent at all (the outbox retries them). */
  failed: number;
};

export type MessageSummary = {
  id: string;
  texts: MessageTexts;
  filterQuery: string;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  sentByEmail: string | null;
  /** Of a sent message. */
  progress: MessageProgress | null;
};

const messageSelect = {
  id: true,
  ...textSelect,
  filterQuery: true,
  createdAt: true,
  updatedAt: true,
  sentAt: true,
  sentByEmail: true,
} as const satisfies Prisma.DelegateMessageSelect;

type MessageRow = Prisma.DelegateMessageGetPayload<{ select: typeof messageSelect }>;

function summaryOf(row: MessageRow, progress: MessageProgress | null): MessageSummary {
  return {
    id: row.id,
    texts: textsOf(row),
    filterQuery: row.filterQuery,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    sentByEmail: row.sentByEmail,
    progress,
  };
}

/** The meeting, for those who may write to its delegates, and who they are. */
export async function messageMeeting(
  actor: Actor | null,
  meetingSlug: string,
): Promise<{ meeting: DeskMeeting; writer: Actor }> {
  authorize(actor, "writeToDelegates");
  return { meeting: await getDeskMeeting(actor, meetingSlug), writer: actor };
}

/** The meeting's messages, newest first, with the progress of those sent. */
export async function listMessages(
  actor: Actor | null,
  meetingSlug: string,
): Promise<{ meeting: DeskMeeting; messages: MessageSummary[] }> {
  const { meeting } = await messageMeeting(actor, meetingSlug);
  const rows = await db.delegateMessage.findMany({
    where: { meetingId: meeting.id },
    select: messageSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const progress = await progressOf(rows.filter((row) => row.sentAt).map((row) => row.id));
  return { meeting, messages: rows.map((row) => summaryOf(row, progress.get(row.id) ?? null)) };
}

/** One message of the meeting. */
export async function getMessage(
  actor: Actor | null,
  meetingSlug: string,
  messageId: string,
): Promise<{ meeting: DeskMeeting; message: MessageSummary }> {
  const { meeting } = await messageMeeting(actor, meetingSlug);
  const row = RECORD_ID.test(messageId)
    ? await db.delegateMessage.findFirst({
        where: { id: messageId, meetingId: meeting.id },
        select: messageSelect,
      })
    : null;
  if (!row) throw notFound("Message");
  const progress = row.sentAt ? ((await progressOf([row.id])).get(row.id) ?? null) : null;
  return { meeting, message: summaryOf(row, progress) };
}

/** A new, empty draft, its recipients chosen with `filterQuery` (the desk's filters) to begin with. */
export async function createMessage(
  actor: Actor | null,
  meetingSlug: string,
  filterQuery = "",
): Promise<{ id: string }> {
  const { meeting, writer } = await messageMeeting(actor, meetingSlug);
  return db.$transaction(async (tx) => {
    const message = await tx.delegateMessage.create({
      data: { meetingId: meeting.id, filterQuery: normalFilterQuery(filterQuery) },
      select: { id: true },
    });
    await recordAudit(tx, writer, {
      action: "message.create",
      entity: "DelegateMessage",
      entityId: message.id,
      meetingId: meeting.id,
    });
    return message;
  });
}

/** The filters as the desk writes them: what parseDeskFilters does not know is dropped. */
export function normalFilterQuery(query: string): string {
  return deskFilterQuery(parseDeskFilters(new URLSearchParams(query)));
}

/**
 * Saves a draft's texts and filters, as typed, whether or not they are complete yet (sending checks
 * that); refuses texts too long and unknown placeholders. `textsChanged`: whether the texts differed
 * from what was stored (a preview shown before is then out of date). Audited as "message.update" when
 * anything changed.
 */
export async function saveMessage(
  actor: Actor | null,
  meetingSlug: string,
  messageId: string,
  input: { texts: MessageTexts; filterQuery: string },
): Promise<{ textsChanged: boolean }> {
  const { meeting, writer } = await messageMeeting(actor, meetingSlug);
  const texts = cleanTexts(input.texts);
  const problems = textProblems(texts);
  if (Object.keys(problems).length > 0) throw invalid(problems);
  const filterQuery = normalFilterQuery(input.filterQuery);
  return db.$transaction(async (tx) => {
    const before = await lockedDraft(tx, meeting.id, messageId);
    const after = { ...columnsOf(texts), filterQuery };
    const changed = (keys: (keyof typeof after)[]) => keys.some((key) => before[key] !== after[key]);
    const textsChanged = changed(Object.keys(textSelect) as (keyof typeof textSelect)[]);
    if (!textsChanged && !changed(["filterQuery"])) return { textsChanged };
    await tx.delegateMessage.update({ where: { id: messageId }, data: after });
    await recordAudit(tx, writer, {
      action: "message.update",
      entity: "DelegateMessage",
      entityId: messageId,
      meetingId: meeting.id,
      before: { ...columnsOf(textsOf(before)), filterQuery: before.filterQuery },
      after,
    });
    return { textsChanged };
  });
}

/** Deletes a draft that will not be sent. Audited as "message.delete", with its texts. */
export async function deleteMessage(
  actor: Actor | null,
  meetingSlug: string,
  messageId: string,
): Promise<void> {
  const { meeting, writer } = await messageMeeting(actor, meetingSlug);
  await db.$transaction(async (tx) => {
    const before = await lockedDraft(tx, meeting.id, messageId);
    await tx.delegateMessage.delete({ where: { id: messageId } });
    await recordAudit(tx, writer, {
      action: "message.delete",
      entity: "DelegateMessage",
      entityId: messageId,
      meetingId: meeting.id,
      before: { ...columnsOf(textsOf(before)), filterQuery: before.filterQuery },
    });
  });
}

/**
 * The draft, its row locked for the rest of the transaction: a send under way (send.ts sets `sentAt`
 * under the same lock) finishes first, and then the draft is no longer one.
 */
export async function lockedDraft(tx: Prisma.TransactionClient, meetingId: string, messageId: string) {
  if (!RECORD_ID.test(messageId)) throw notFound("Message");
  await tx.$queryRaw`SELECT "id" FROM "DelegateMessage" WHERE "id" = ${messageId} FOR UPDATE`;
  const row = await tx.delegateMessage.findFirst({
    where: { id: messageId, meetingId },
    select: { ...textSelect, filterQuery: true, sentAt: true },
  });
  if (!row) throw notFound("Message");
  if (row.sentAt) throw alreadySent();
  return row;
}

export function alreadySent(): AppError {
  return invalid({ _: { key: "messageAlreadySent" } });
}

/** Sent, waiting and failed emails of each message, from the outbox rows of its recipients. */
async function progressOf(messageIds: string[]): Promise<Map<string, MessageProgress>> {
  const progress = new Map<string, MessageProgress>(
    messageIds.map((id) => [id, { sent: 0, waiting: 0, retrying: 0, failed: 0 }]),
  );
  if (messageIds.length === 0) return progress;
  const rows = await db.$queryRaw<{ messageId: string; status: string; retried: boolean; count: number }[]>`
    SELECT r."messageId", e."status"::text AS "status", e."attempts" > 0 AS "retried", count(*)::int AS "count"
    FROM "DelegateMessageRecipient" r JOIN "OutboxEmail" e ON e."id" = r."emailId"
    WHERE r."messageId" IN (${Sql.join(messageIds)})
    GROUP BY 1, 2, 3`;
  for (const row of rows) {
    const counts = progress.get(row.messageId)!;
    if (row.status === "sent") counts.sent += row.count;
    else if (row.status === "failed") counts.failed += row.count;
    else {
      counts.waiting += row.count;
      if (row.retried) counts.retrying += row.count;
    }
  }
  return progress;
}

export type SentRecipient = {
  registrationId: string;
  name: PersonName & { honorific: string | null };
  email: string;
  language: AppLocale;
  /** The email's state; null once it is gone from the outbox (anonymized). */
  status: "queued" | "sent" | "failed" | null;
  emailId: string | null;
  lastError: string | null;
};

/** Who a sent message went to, each with the state of their email, in the order of their names. */
export async function sentRecipients(
  actor: Actor | null,
  meetingSlug: string,
  messageId: string,
): Promise<SentRecipient[]> {
  const { message } = await getMessage(actor, meetingSlug, messageId);
  const rows = await db.delegateMessageRecipient.findMany({
    where: { messageId: message.id },
    select: {
      registrationId: true,
      language: true,
      registration: { select: { ...nameFields, honorific: true, email: true } },
      email: { select: { id: true, status: true, lastError: true } },
    },
    orderBy: [
      { registration: { familyName: "asc" } },
      { registration: { givenName: "asc" } },
      { registrationId: "asc" },
    ],
  });
  return rows.map(({ registration: { email, ...name }, ...row }) => ({
    registrationId: row.registrationId,
    name,
    email,
    language: row.language,
    status: row.email?.status ?? null,
    emailId: row.email?.id ?? null,
    lastError: row.email?.lastError ?? null,
  }));
}
