import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import { db, type Db } from "./db";
import { AppError } from "./errors";

/**
 * Fixed-window counters in the database, so that a limit holds across every app instance. One
 * statement counts the request and starts a new window when the old one has passed; PostgreSQL's upsert
 * takes the row's lock, so concurrent hits from any number of instances are each counted once.
 * `database` is for tests that play several instances, each with its own client.
 */
export async function hitRateLimit(
  key: string,
  limit: number,
  windowSeconds: number,
  { now = new Date(), database = db }: { now?: Date; database?: Db } = {},
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const windowStartsAfter = new Date(now.getTime() - windowSeconds * 1000);
  const [row] = await database.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= ${windowStartsAfter} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= ${windowStartsAfter} THEN ${now} ELSE "RateLimit"."windowStart" END
    RETURNING "count", "windowStart"`;
  const windowEnds = row!.windowStart.getTime() + windowSeconds * 1000;
  return { allowed: row!.count <= limit, retryAfterSeconds: Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000)) };
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
