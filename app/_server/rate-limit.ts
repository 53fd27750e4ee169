import "server-only";
import { createHash } from "node:crypto";
import { db } from "./db";
import { AppError } from "./errors";

/**
 * Fixed-window counters in the database, so that a limit holds across every app instance. One
 * statement counts the request and starts a new window when the old one has passed.
 */
export async function hitRateLimit(
  key: string,
  limit: number,
  windowSeconds: number,
  now: Date = new Date(),
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const windowStartsAfter = new Date(now.getTime() - windowSeconds * 1000);
  const [row] = await db.$queryRaw<{ count: number; windowStart: Date }[]>`
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
    if (!allowed) throw new AppError("rate_limited", "Too many requests", { retryAfterSeconds });
  }
}

/** Keys hold no personal data in the clear: an email address is counted by its hash. */
export function rateLimitKey(scope: string, value: string): string {
  return `${scope}:${createHash("sha256").update(value).digest("base64url").slice(0, 22)}`;
}
