import "server-only";
import { db } from "../db";
import { env } from "../env";
import { Prisma } from "../generated/prisma/client";
import { pacedEmailKinds } from "./kinds";
import type { LinkedEmail } from "./links";
import type { StoredEmail } from "./outbox";

/**
 * Which due emails a delivery run (delivery.ts) takes: with `FOR UPDATE SKIP LOCKED` and a lease, so that
 * several instances can deliver at once, and paced kinds within MAIL_RATE_PER_MINUTE.
 */

export type Claimed = StoredEmail &
  LinkedEmail & { withManageLink: boolean; attempts: number; nextAttemptAt: Date };

/**
 * Emails of paced kinds (kinds.ts: messages to many delegates) leave at most MAIL_RATE_PER_MINUTE in any
 * 60 seconds, counted across every instance in the database (those sent in the last minute and those a
 * sender holds now), so that a message to three hundred delegates does not look like a flood to the mail
 * server, and an outage's backlog does not leave all at once when the server is back. Only those kinds:
 * a delegate who registers meanwhile gets the confirmation at once, never behind a message's queue.
 */
const PACE_WINDOW_MS = 60_000;
/** Taken by the sender that counts and claims paced emails, so that two senders cannot both take a minute's share. */
const PACED_CLAIM_LOCK_KEY = 0x70616365;

type Claim = { batch: Claimed[]; pacedFreeAt: Date | null };

/**
 * Takes up to `limit` due emails for this sender, for `leaseMs` from `now`, skipping those another
 * sender holds: first those of unpaced kinds, then, in what room is left, paced ones within the rate.
 * `pacedFreeAt`: the rate held paced emails back, and the minute's share frees again then. The emails
 * come oldest first.
 */
export async function claim(now: Date, limit: number, leaseMs: number): Promise<Claim> {
  const until = new Date(now.getTime() + leaseMs);
  const paced = pacedEmailKinds();
  const pacedKinds = paced.length ? Prisma.join(paced) : null;
  const batch = await claimSome(
    db,
    now,
    until,
    limit,
    pacedKinds ? Prisma.sql`AND "kind" NOT IN (${pacedKinds})` : Prisma.empty,
  );
  let pacedFreeAt: Date | null = null;
  const room = limit - batch.length;
  if (pacedKinds && room > 0) {
    await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 AS "locked" FROM pg_advisory_xact_lock(${PACED_CLAIM_LOCK_KEY})`;
      const since = new Date(now.getTime() - PACE_WINDOW_MS);
      const [window] = await tx.$queryRaw<{ used: number; oldest: Date | null }[]>`
        SELECT count(*)::int AS "used", min("sentAt") AS "oldest" FROM "OutboxEmail"
        WHERE "kind" IN (${pacedKinds})
          AND (("status" = 'sent' AND "sentAt" > ${since}::timestamptz AND "sentAt" <= ${now}::timestamptz)
            OR ("status" = 'queued' AND "lockedUntil" > ${now}::timestamptz))`;
      const share = env().MAIL_RATE_PER_MINUTE - window!.used;
      if (share < room) pacedFreeAt = new Date((window!.oldest ?? now).getTime() + PACE_WINDOW_MS);
      if (share > 0)
        batch.push(
          ...(await claimSome(
            tx,
            now,
            until,
            Math.min(room, share),
            Prisma.sql`AND "kind" IN (${pacedKinds})`,
          )),
        );
    });
  }
  // RETURNING gives the rows in the order the update met them, not the subquery's: oldest first again.
  batch.sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || (a.id < b.id ? -1 : 1));
  return { batch, pacedFreeAt };
}

/** Claims up to `limit` due emails of the kinds `kinds` allows, with one statement. */
async function claimSome(
  client: Pick<Prisma.TransactionClient, "$queryRaw">,
  now: Date,
  until: Date,
  limit: number,
  kinds: Prisma.Sql,
): Promise<Claimed[]> {
  return client.$queryRaw<Claimed[]>`
    UPDATE "OutboxEmail" SET "lockedUntil" = ${until}::timestamptz
    WHERE "id" IN (
      SELECT "id" FROM "OutboxEmail"
      WHERE "status" = 'queued' AND "nextAttemptAt" <= ${now}::timestamptz
        AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now}::timestamptz) ${kinds}
      ORDER BY "nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "kind", "createdAt", "registrationId", "toAddress", "subject", "text", "html", "attachments", "draft", "withManageLink", "attempts", "nextAttemptAt"`;
}
