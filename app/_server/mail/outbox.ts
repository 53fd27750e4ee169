import "server-only";
import { db, type Prisma } from "../db";
import { env } from "../env";
import { escapeHtml } from "./html";
import { mailConfigured, sendEmail, type OutgoingEmail } from "./transport";

/**
 * Emails are written to the outbox inside the transaction of the change they report and sent after the
 * commit, with retries: a registration never fails or waits because the mail server is down, and a
 * rolled-back change sends nothing. Several app instances can deliver at once: each claims its batch with
 * `FOR UPDATE SKIP LOCKED` and a lease (`lockedUntil`).
 */

/** Stands in the stored bodies for the link secret, which only the `secret` column holds until delivery. */
export const SECRET_PLACEHOLDER = "{{secret}}";

export type Attachment = { filename: string; contentType: string; content: string };

export type NewEmail = {
  registrationId: string | null;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: Attachment[];
  secret?: string;
};

export type DeliveryResult = { sent: number; retried: number; failed: number };

/**
 * How long a claimed batch stays with its sender: far longer than a batch takes (each send has its own
 * timeouts, and a run stops at the first sign that the server is down). A sender that dies frees its
 * batch when the lease runs out.
 */
const LEASE_MS = 5 * 60_000;
const BATCH = 20;

/** Queues an email in the caller's transaction; it leaves only if that transaction commits. */
export async function queueEmail(tx: Prisma.TransactionClient, email: NewEmail): Promise<{ id: string }> {
  return tx.outboxEmail.create({
    data: {
      registrationId: email.registrationId,
      kind: email.kind,
      toAddress: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      attachments: email.attachments ?? [],
      secret: email.secret ?? null,
      // Set here, not by the column default, which PostgreSQL would take in the session's time zone.
      nextAttemptAt: new Date(),
    },
    select: { id: true },
  });
}

/** Wait before the next attempt after `attempts` failed ones: 30 s, 1 min, 2 min, … at most 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(attempts - 1, 0), 60 * 60_000);
}

type StoredEmail = { toAddress: string; subject: string; text: string; html: string; attachments: unknown; secret: string | null };

/**
 * The email as its recipient gets it: the link secret in place while the outbox still holds it, a
 * neutral mark once it has been cleared (the delivered link is not kept anywhere).
 */
export function renderForRecipient(row: StoredEmail): OutgoingEmail {
  const secret = row.secret ?? "…";
  return {
    to: row.toAddress,
    subject: row.subject.replaceAll(SECRET_PLACEHOLDER, secret),
    text: row.text.replaceAll(SECRET_PLACEHOLDER, secret),
    html: row.html.replaceAll(SECRET_PLACEHOLDER, escapeHtml(secret)),
    attachments: Array.isArray(row.attachments) ? (row.attachments as Attachment[]) : [],
  };
}

type Claimed = StoredEmail & { id: string; attempts: number; nextAttemptAt: Date };

/** Takes up to `limit` due emails for this sender with one statement, skipping those another sender holds. */
async function claim(now: Date, limit: number): Promise<Claimed[]> {
  const until = new Date(now.getTime() + LEASE_MS);
  // The columns are `timestamp(3)` holding UTC wall time (Prisma's convention), so the instants go in as
  // UTC text: a typed timestamptz parameter would be shifted by the session's time zone.
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE "OutboxEmail" SET "lockedUntil" = ${utc(until)}::timestamp(3)
    WHERE "id" IN (
      SELECT "id" FROM "OutboxEmail"
      WHERE "status" = 'queued' AND "nextAttemptAt" <= ${utc(now)}::timestamp(3)
        AND ("lockedUntil" IS NULL OR "lockedUntil" < ${utc(now)}::timestamp(3))
      ORDER BY "nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "toAddress", "subject", "text", "html", "attachments", "secret", "attempts", "nextAttemptAt"`;
  // RETURNING gives the rows in the order the update met them, not the subquery's: oldest first again.
  return claimed.sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || (a.id < b.id ? -1 : 1));
}

function utc(instant: Date): string {
  return instant.toISOString().replace("T", " ").replace("Z", "");
}

/**
 * Sends the due emails once. Without SMTP_URL it does nothing: the emails wait. SMTP failures become
 * retries (or `failed` after MAIL_MAX_ATTEMPTS), never exceptions; a database failure does throw.
 */
export async function deliverOutbox(options: { now?: Date; limit?: number } = {}): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retried: 0, failed: 0 };
  if (!mailConfigured()) return result;
  const now = options.now ?? new Date();
  const batch = await claim(now, options.limit ?? BATCH);
  for (const [index, email] of batch.entries()) {
    const attempts = email.attempts + 1;
    try {
      await sendEmail(renderForRecipient(email));
    } catch (error) {
      const final = attempts >= env().MAIL_MAX_ATTEMPTS;
      await db.outboxEmail.update({
        where: { id: email.id },
        data: {
          attempts,
          lastError: shortError(error, email.secret),
          lockedUntil: null,
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
          // A link that never left is of no use to anyone: a delegate asks for a new one instead.
          ...(final ? { status: "failed", secret: null } : {}),
        },
      });
      result[final ? "failed" : "retried"] += 1;
      if (!concernsThisMessage(error)) {
        // The server is unreachable or refuses us: the rest of the batch would only wait for the same
        // timeouts (past its lease). It goes back, untouched, to the next run.
        const rest = batch.slice(index + 1).map(({ id }) => id);
        if (rest.length) await db.outboxEmail.updateMany({ where: { id: { in: rest } }, data: { lockedUntil: null } });
        break;
      }
      continue;
    }
    await db.outboxEmail.update({
      where: { id: email.id },
      data: { status: "sent", sentAt: now, attempts, secret: null, lockedUntil: null, lastError: null },
    });
    result.sent += 1;
  }
  return result;
}

/** Nodemailer's codes for a refused recipient or message; every other failure concerns the server. */
function concernsThisMessage(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === "EENVELOPE" || code === "EMESSAGE";
}

/** One line for the organizers' outbox page; never the link secret. */
export function shortError(error: unknown, secret: string | null = null): string {
  const code = (error as { code?: unknown })?.code;
  const message = error instanceof Error ? error.message : String(error);
  const line = `${typeof code === "string" ? `${code}: ` : ""}${message}`.replace(/\s+/g, " ").trim();
  return (secret ? line.replaceAll(secret, SECRET_PLACEHOLDER) : line).slice(0, 300);
}

// One delivery run at a time per process: calls during a run only ask for one more run afterwards, so a
// rush of registrations does not open hundreds of SMTP sessions.
const state = globalThis as unknown as { __outboxRun?: { running: boolean; again: boolean }; __outboxTimer?: true };

/** Starts delivery in the background, typically right after a commit that queued emails. Never throws. */
export function deliverSoon(): void {
  const run = (state.__outboxRun ??= { running: false, again: false });
  try {
    if (!mailConfigured()) return;
  } catch (error) {
    console.error("Outbox: cannot read the mail settings.", error);
    return;
  }
  if (run.running) {
    run.again = true;
    return;
  }
  run.running = true;
  void (async () => {
    try {
      let full: boolean;
      do {
        run.again = false;
        const result = await deliverOutbox({ limit: BATCH });
        full = result.sent + result.retried + result.failed >= BATCH;
      } while (run.again || full);
    } catch (error) {
      console.error("Outbox: delivery failed; the emails stay queued.", error);
    } finally {
      run.running = false;
    }
  })();
}

/** Retries and emails queued before a restart: a delivery run every 30 s while the server lives. */
export function startOutboxTimer(intervalMs = 30_000): void {
  if (!mailConfigured() || state.__outboxTimer) return;
  state.__outboxTimer = true;
  deliverSoon();
  setInterval(deliverSoon, intervalMs).unref();
}
