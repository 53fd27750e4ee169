import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import { groupWriter } from "./database/group-commit";
import { timestampText } from "./database/timestamp";
import { db, type Db } from "./db";
import { AppError } from "./errors";

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
  if (!queue) counters.set(database, (queue = groupWriter<Hit>((hits) => countHits(database, hits), { limit: 500 })));
  return queue;
}

/** Counts a group of hits: one statement per window length (there is one in practice); settles each. */
async function countHits(database: Db, hits: Hit[]): Promise<void> {
  for (const windowSeconds of new Set(hits.map((hit) => hit.windowSeconds))) {
    const byKey = new Map<string, Hit[]>();
    for (const hit of hits.filter((candidate) => candidate.windowSeconds === windowSeconds)) byKey.set(hit.key, [...(byKey.get(hit.key) ?? []), hit]);
    // In one order everywhere: a statement locks its rows in the order given, and two instances
    // counting the same keys in opposite orders would wait for each other.
    const keys = [...byKey.keys()].sort();
    // A key's hits count at the latest of their instants.
    const nows = keys.map((key) => new Date(Math.max(...byKey.get(key)!.map((hit) => hit.now.getTime()))));
    const rows = await database.$queryRaw<{ key: string; count: number; windowStart: Date }[]>`
      INSERT INTO "RateLimit" ("key", "windowStart", "count")
      SELECT * FROM unnest(${keys}::text[], ${nows.map(timestampText)}::timestamp(3)[],
                           ${keys.map((key) => byKey.get(key)!.length)}::integer[])
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN "RateLimit"."windowStart" <= EXCLUDED."windowStart" - make_interval(secs => ${windowSeconds})
                       THEN EXCLUDED."count" ELSE "RateLimit"."count" + EXCLUDED."count" END,
        "windowStart" = CASE WHEN "RateLimit"."windowStart" <= EXCLUDED."windowStart" - make_interval(secs => ${windowSeconds})
                             THEN EXCLUDED."windowStart" ELSE "RateLimit"."windowStart" END
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
export async function observeRateLimits<T>(work: () => Promise<T>): Promise<{ result: T; retryAfterSeconds?: number }> {
  const refusal: { retryAfterSeconds?: number } = {};
  const result = await refusals.run(refusal, work);
  return { result, retryAfterSeconds: refusal.retryAfterSeconds };
}

/** Keys hold no personal data in the clear: an email address is counted by its hash. */
export function rateLimitKey(scope: string, value: string): string {
  return `${scope}:${createHash("sha256").update(value).digest("base64url").slice(0, 22)}`;
}
