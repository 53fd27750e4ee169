import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { groupWriter } from "./database/group-commit";
import { db, type Db } from "./db";
import { AppError } from "./errors";
import { keyedDigest } from "./security/keys";

/**
 * Fixed-window counters in the database, so that a limit holds across every app instance. One
 * statement counts the request and starts a new window when the old one has passed; PostgreSQL's upsert
 * takes the row's lock, so concurrent hits from any number of instances are each counted once.
 * `database` is for tests that play several instances, each with its own client.
 *
 * Hits that arrive while earlier ones are being counted are counted together, by one statement
 * (database/group-commit.ts): in a registration rush every request is a hit, and a round trip each
 * cost more than the rest of a request's own work.
 */
export function hitRateLimit(
  key: string,
  limit: number,
  windowSeconds: number,
  { now = new Date(), database = db }: { now?: Date; database?: Db } = {},
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const queue = counterOf(database);
  return new Promise((resolve, reject) => queue({ key, limit, windowSeconds, now, resolve, reject }));
}

type Hit = {
  key: string;
  limit: number;
  windowSeconds: number;
  now: Date;
  resolve: (outcome: { allowed: boolean; retryAfterSeconds: number }) => void;
  reject: (error: unknown) => void;
};

const counters = new WeakMap<Db, (hit: Hit) => void>();

function counterOf(database: Db): (hit: Hit) => void {
  let queue = counters.get(database);
  if (!queue)
    counters.set(database, (queue = groupWriter<Hit>((hits) => countHits(database, hits), { limit: 500 })));
  return queue;
}

/** Counts a group of hits: one statement per window length (there is one in practice); settles each. */
async function countHits(database: Db, hits: Hit[]): Promise<void> {
  sweepNowAndThen(database, hits[0]!.now);
  for (const windowSeconds of new Set(hits.map((hit) => hit.windowSeconds))) {
    const byKey = new Map<string, Hit[]>();
    for (const hit of hits.filter((candidate) => candidate.windowSeconds === windowSeconds))
      byKey.set(hit.key, [...(byKey.get(hit.key) ?? []), hit]);
    // In one order everywhere: a statement locks its rows in the order given, and two instances
    // counting the same keys in opposite orders would wait for each other.
    const keys = [...byKey.keys()].sort();
    // A key's hits count at the latest of their instants.
    const nows = keys.map((key) => new Date(Math.max(...byKey.get(key)!.map((hit) => hit.now.getTime()))));
    const rows = await database.$queryRaw<{ key: string; count: number; windowStart: Date }[]>`
      INSERT INTO "RateLimit" ("key", "windowStart", "count", "expiresAt")
      SELECT "key", "windowStart", "count", "windowStart" + make_interval(secs => ${windowSeconds})
      FROM unnest(${keys}::text[], ${nows}::timestamptz[],
                  ${keys.map((key) => byKey.get(key)!.length)}::integer[]) AS hit("key", "windowStart", "count")
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN "RateLimit"."expiresAt" <= EXCLUDED."windowStart"
                       THEN EXCLUDED."count" ELSE "RateLimit"."count" + EXCLUDED."count" END,
        "windowStart" = CASE WHEN "RateLimit"."expiresAt" <= EXCLUDED."windowStart"
                             THEN EXCLUDED."windowStart" ELSE "RateLimit"."windowStart" END,
        "expiresAt" = CASE WHEN "RateLimit"."expiresAt" <= EXCLUDED."windowStart"
                           THEN EXCLUDED."expiresAt" ELSE "RateLimit"."expiresAt" END
      RETURNING "key", "count", "windowStart"`;
    for (const row of rows) {
      const windowEnds = row.windowStart.getTime() + windowSeconds * 1000;
      // The key's hits, in order of arrival, were the last of its count.
      const counted = byKey.get(row.key)!;
      counted.forEach((hit, index) =>
        hit.resolve({
          allowed: row.count - counted.length + index + 1 <= hit.limit,
          retryAfterSeconds: Math.max(1, Math.ceil((windowEnds - hit.now.getTime()) / 1000)),
        }),
      );
    }
  }
}

/** Throws `rate_limited` (with Retry-After seconds) once any of the keys is over its limit. */
export async function enforceRateLimits(keys: string[], limit: number, windowSeconds = 3600): Promise<void> {
  for (const key of keys) {
    const { allowed, retryAfterSeconds } = await hitRateLimit(key, limit, windowSeconds);
    if (!allowed) {
      const refusal = refusals.getStore();
      if (refusal) refusal.retryAfterSeconds = Math.max(refusal.retryAfterSeconds ?? 0, retryAfterSeconds);
      throw new AppError("rate_limited", "Too many requests", { retryAfterSeconds });
    }
  }
}

const refusals = new AsyncLocalStorage<{ retryAfterSeconds?: number }>();

/**
 * Runs `work` and says whether a rate limit refused something inside it, and for how long. For callers
 * that cannot see the refusal itself: next-auth turns the error of its `authorize` into a failed sign-in,
 * and the auth route still has to answer 429 with Retry-After.
 */
export async function observeRateLimits<T>(
  work: () => Promise<T>,
): Promise<{ result: T; retryAfterSeconds?: number }> {
  const refusal: { retryAfterSeconds?: number } = {};
  const result = await refusals.run(refusal, work);
  return { result, retryAfterSeconds: refusal.retryAfterSeconds };
}

/** One count an attempt is part of: its key, and how many failures its window allows. */
export type FailureCount = { key: string; limit: number; windowSeconds: number };

/**
 * Counts an attempt whose failures are limited (a password, a code): in every count at once, as it
 * arrives, so that a burst of parallel guesses is counted in full before any is checked; `rate_limited`
 * once a count is past its limit. The caller gives the attempt back (`release`) when it turns out right:
 * only failures count. A refused attempt guessed nothing, and is given back at once.
 */
export async function countFailures(counts: FailureCount[]): Promise<{ release: () => Promise<void> }> {
  const raised: string[] = [];
  try {
    for (const count of counts) {
      raised.push(count.key);
      await enforceRateLimits([count.key], count.limit, count.windowSeconds);
    }
  } catch (error) {
    await refundRateLimits(raised);
    throw error;
  }
  return { release: () => refundRateLimits(raised) };
}

/**
 * Takes back one hit of each key, as long as its window lasts: for counts of failures that are hit before
 * the outcome is known (so that a burst of parallel attempts is counted as it arrives) and given back when
 * the attempt succeeds.
 */
export async function refundRateLimits(keys: string[], now = new Date()): Promise<void> {
  // One row per statement: a statement that holds one row's lock cannot deadlock with the counting
  // statements, which lock many (a multi-row UPDATE locks them in no promised order).
  for (const key of keys) {
    await db.$executeRaw`
      UPDATE "RateLimit" SET "count" = GREATEST("count" - 1, 0)
      WHERE "key" = ${key} AND "expiresAt" > ${now}::timestamptz`;
  }
}

const SWEEP_EVERY_MS = 10 * 60_000;
const lastSweeps = new WeakMap<Db, number>();

/**
 * While counters are written, the ones past their window are deleted every ten minutes at most, so that
 * the table holds the live windows only even where nobody runs the retention job. A failed sweep is
 * left to the next one: it must not fail the request that set it off.
 */
function sweepNowAndThen(database: Db, now: Date): void {
  if (now.getTime() - (lastSweeps.get(database) ?? 0) < SWEEP_EVERY_MS) return;
  lastSweeps.set(database, now.getTime());
  sweepRateLimits(now, database).catch((error: unknown) =>
    console.warn(`[rate-limit] sweep failed: ${error instanceof Error ? error.message : String(error)}`),
  );
}

/** Deletes the counters whose window has passed (also the retention run's work); returns how many. */
export async function sweepRateLimits(now = new Date(), database: Db = db): Promise<number> {
  return database.$executeRaw`DELETE FROM "RateLimit" WHERE "expiresAt" <= ${now}::timestamptz`;
}

/**
 * The counter of `value` (a client address, an email address) under `scope`. The value is kept only as a
 * keyed digest (security/keys.ts): a copy of the table does not list who came, and a plain SHA-256 of an
 * IPv4 address is reversed by trying all four billion. The scope stays readable, so that every counter of
 * one value can be found by its ending (retention/anonymize.ts).
 */
export async function rateLimitKey(scope: string, value: string): Promise<string> {
  return `${scope}:${await keyedDigest("rate-limit", value)}`;
}
