import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { env } from "../env";
import { claim } from "./claim";
import { emailKind } from "./kinds";
import { LINK_TOKEN_PLACEHOLDER, type LinkedEmail, type MintedLink } from "./links";
import { readyEmail, render, renderForRecipient, type ReadyEmail } from "./outbox";
import { abortSends, mailConfigured, SEND_TIMEOUT_MS, sendEmail } from "./transport";

/**
 * Delivery of the outbox (see outbox.ts): after each commit that queued emails, and every 30 s for
 * retries. Several app instances can deliver at once: each claims its batch with
 * `FOR UPDATE SKIP LOCKED` and a lease (`lockedUntil`).
 */

export type DeliveryResult = { sent: number; retried: number; failed: number };

/** Emails one run claims. */
const BATCH = 10;

/**
 * How long a claimed batch stays with its sender. A sender that dies frees its batch when the lease runs
 * out; a sender still at work must never outlast it, or a second one would claim the rest of the batch
 * and send those emails twice. Each send gives up after SEND_TIMEOUT_MS and the few database writes
 * around it take milliseconds, so a whole batch takes at most BATCH × SEND_TIMEOUT_MS (10 minutes),
 * and far less in practice: a run stops at the first sign that the server is down. The five minutes on
 * top are for a slow database. A run also checks the clock before each send (`lastSendStart`) and hands
 * back what it cannot finish within the lease.
 */
const LEASE_MS = BATCH * SEND_TIMEOUT_MS + 5 * 60_000;

/** Wait before the next attempt after `attempts` failed ones: 30 s, 1 min, 2 min, … at most 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(attempts - 1, 0), 60 * 60_000);
}

/**
 * Sends the due emails once. Without SMTP_URL it does nothing: the emails wait. SMTP failures become
 * retries (or `failed` after MAIL_MAX_ATTEMPTS), never exceptions; a database failure does throw.
 * Every write after the claim is guarded by the email's id (updateMany), so an email that vanished
 * with its registration meanwhile never stops the run.
 */
export async function deliverOutbox(options: { now?: Date; limit?: number } = {}): Promise<DeliveryResult> {
  return (await deliverBatch(options.now ?? new Date(), options.limit ?? BATCH)).result;
}

/**
 * `more`: the run went through a full batch, so more emails may be due right away. `pacedFreeAt`: paced
 * emails were held back by the rate, whose minute frees then.
 */
async function deliverBatch(
  now: Date,
  limit: number,
): Promise<{ result: DeliveryResult; more: boolean; pacedFreeAt: Date | null }> {
  const result: DeliveryResult = { sent: 0, retried: 0, failed: 0 };
  if (!mailConfigured() || stopping()) return { result, more: false, pacedFreeAt: null };
  const started = Date.now();
  // A send that starts later could still be under way when the lease ends (a minute kept for the
  // database writes around it).
  const lastSendStart = started + LEASE_MS - SEND_TIMEOUT_MS - 60_000;
  const { batch, pacedFreeAt } = await claim(now, limit, LEASE_MS);
  let more = batch.length >= limit;
  const handBack = async (from: number) => {
    more = false;
    const rest = batch.slice(from).map(({ id }) => id);
    if (rest.length)
      await db.outboxEmail.updateMany({ where: { id: { in: rest } }, data: { lockedUntil: null } });
  };
  for (const [index, email] of batch.entries()) {
    if (Date.now() > lastSendStart || stopping()) {
      await handBack(index);
      break;
    }
    const attempts = email.attempts + 1;
    let minted: MintedLink | null = null;
    if (email.withManageLink) {
      const outcome = await mintLink(email);
      if ("refused" in outcome) {
        // Nothing left that the link could open (or the row went with its registration: the update then
        // changes nothing): the email is not sent, and the reason stays where the organizers look.
        const { count } = await db.outboxEmail.updateMany({
          where: { id: email.id },
          data: { status: "failed", attempts, lockedUntil: null, lastError: outcome.refused },
        });
        if (count) result.failed += 1;
        continue;
      }
      minted = outcome;
    }
    let ready: ReadyEmail;
    let composed = false;
    try {
      ready = await readyEmail(email);
      composed = true;
      await sendEmail(render(ready, minted?.token ?? "…"));
    } catch (error) {
      // The link never reached anyone, or no one can tell that it did: it must not open anything. The
      // next attempt mints its own.
      if (minted) await minted.revoke();
      const final = attempts >= env().MAIL_MAX_ATTEMPTS;
      const line = shortError(error);
      await db.outboxEmail.updateMany({
        where: { id: email.id },
        data: {
          attempts,
          lastError: minted ? line.replaceAll(minted.token, LINK_TOKEN_PLACEHOLDER) : line,
          lockedUntil: null,
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
          ...(final ? { status: "failed" } : {}),
        },
      });
      result[final ? "failed" : "retried"] += 1;
      // An email that cannot be composed (a draft no composer reads, a kind that registered none) concerns
      // only itself.
      if (composed && !concernsThisMessage(error)) {
        // The server is unreachable or refuses us: the rest of the batch would only wait for the same
        // timeouts. It goes back, untouched, to the next run.
        await handBack(index + 1);
        break;
      }
      continue;
    }
    // What stays of a sent email is what the outbox page shows: a neutral mark where the link's token
    // stood. A draft gives way to the email as it was sent, and the registration's details in it go.
    const kept = renderForRecipient(ready);
    await db.outboxEmail.updateMany({
      where: { id: email.id },
      data: {
        status: "sent",
        sentAt: now,
        attempts,
        lockedUntil: null,
        lastError: null,
        subject: kept.subject,
        text: kept.text,
        html: kept.html,
        attachments: kept.attachments as unknown as Prisma.InputJsonValue,
        draft: Prisma.DbNull,
      },
    });
    result.sent += 1;
  }
  return { result, more, pacedFreeAt };
}

/**
 * The link for this attempt, from the minter the email's kind registered (kinds.ts). A kind without one
 * can only mean that the module that registers it has not been loaded in this process: the email is
 * refused rather than sent with a link that opens nothing.
 */
async function mintLink(email: LinkedEmail): Promise<MintedLink | { refused: string }> {
  const minter = emailKind(email.kind).mintLink;
  if (!minter) return { refused: `No link minter for ${email.kind}` };
  return minter(email);
}

/** Nodemailer's codes for a refused recipient or message; every other failure concerns the server. */
function concernsThisMessage(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === "EENVELOPE" || code === "EMESSAGE";
}

/** One line for the organizers' outbox page. */
export function shortError(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  const message = error instanceof Error ? error.message : String(error);
  return `${typeof code === "string" ? `${code}: ` : ""}${message}`.replace(/\s+/g, " ").trim().slice(0, 300);
}

// One delivery run at a time per process: calls during a run only ask for one more run afterwards, so a
// rush of registrations does not open hundreds of SMTP sessions. `current` is the run under way, and
// `stopping` says the server is shutting down (stopOutboxDelivery).
type Runs = { running: boolean; again: boolean; stopping: boolean; current?: Promise<void> };
const state = globalThis as unknown as {
  __outboxRun?: Runs;
  __outboxTimer?: ReturnType<typeof setInterval>;
  /** The run that sends paced emails as soon as the rate allows, rather than at the next 30-s tick. */
  __outboxPacedWake?: ReturnType<typeof setTimeout>;
};
const runs = (): Runs => (state.__outboxRun ??= { running: false, again: false, stopping: false });
const stopping = () => runs().stopping;

/** Starts delivery in the background, typically right after a commit that queued emails. Never throws. */
export function deliverSoon(): void {
  const run = runs();
  if (run.stopping) return;
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
  run.current = (async () => {
    try {
      let full: boolean;
      let pacedFreeAt: Date | null;
      do {
        run.again = false;
        ({ more: full, pacedFreeAt } = await deliverBatch(new Date(), BATCH));
      } while ((run.again || full) && !run.stopping);
      if (pacedFreeAt) wakeForPaced(pacedFreeAt);
    } catch (error) {
      console.error("Outbox: delivery failed; the emails stay queued.", error);
    } finally {
      run.running = false;
      run.current = undefined;
    }
  })();
}

function wakeForPaced(at: Date): void {
  clearTimeout(state.__outboxPacedWake);
  state.__outboxPacedWake = setTimeout(deliverSoon, Math.max(0, at.getTime() - Date.now()) + 50).unref();
}

/** Resolves when this process has no delivery run under way (deliverSoon's), e.g. to read what it sent. */
export async function outboxRunSettled(): Promise<void> {
  while (runs().current) await runs().current;
}

/** Retries and emails queued before a restart: a delivery run every 30 s while the server lives. */
export function startOutboxTimer(intervalMs = 30_000): void {
  if (!mailConfigured() || state.__outboxTimer) return;
  deliverSoon();
  state.__outboxTimer = setInterval(deliverSoon, intervalMs).unref();
}

/**
 * A stopping server (shutdown.ts) gives back what it holds: no new runs, and the run under way stops
 * before its next email and hands the rest of its batch back (`lockedUntil` cleared), so that another
 * instance, or this one started again, sends them now instead of when the lease ends. The send under way
 * may finish until `abortAt`; then it is ended, and counts as a failed attempt (retried, its link
 * revoked). Resolves when no run is under way.
 */
export async function stopOutboxDelivery(abortAt: number): Promise<void> {
  const run = runs();
  run.stopping = true;
  clearInterval(state.__outboxTimer);
  clearTimeout(state.__outboxPacedWake);
  if (!run.current) return;
  const abort = setTimeout(abortSends, Math.max(0, abortAt - Date.now()));
  try {
    await run.current;
  } finally {
    clearTimeout(abort);
  }
}
