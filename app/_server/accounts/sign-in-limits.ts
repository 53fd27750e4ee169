import "server-only";
import { db } from "../db";
import { enforceRateLimits, rateLimitKey, refundRateLimits } from "../rate-limit";
import { keyedDigest } from "../security/keys";

/**
 * How many wrong guesses a sign-in allows, and to whom. Every attempt is counted as it arrives (so that a
 * burst of parallel guesses is counted in full) and given back when it succeeds: only failures count.
 *
 *   - per account and client address: 5 in 15 minutes. The owner at their own address is slowed down
 *     only by guesses made from that very address.
 *   - per client address, whatever the account: 20 in 15 minutes, against one address trying many
 *     accounts. A desk team behind one address never reaches it by signing in, only by failing.
 *   - per account, from addresses it has never signed in from: 10 an hour. This bounds a guesser with
 *     any number of addresses to 10 guesses an hour, and cannot keep the owner out: at an address where
 *     the account has signed in during the last 90 days (KnownSignInAddress), this count is neither
 *     raised nor checked.
 * The cost: an owner at a new address while an attack is under way waits for the hour to end (or signs
 * in from a known address); and where every client shares one address (TRUSTED_PROXY_HOPS=0), the
 * first count is shared with any guesser.
 */
export const SIGN_IN_LIMITS = {
  accountAndAddress: { failures: 5, windowSeconds: 15 * 60 },
  address: { failures: 20, windowSeconds: 15 * 60 },
  accountFromNewAddresses: { failures: 10, windowSeconds: 60 * 60 },
} as const;

export const KNOWN_ADDRESS_DAYS = 90;

/** The counts this attempt is part of, already raised; `release` gives them back after a success. */
export type CountedAttempt = { release: () => Promise<void>; remember: () => Promise<void> };

/** Counts a sign-in attempt; throws `rate_limited` (with Retry-After) once any count is past its limit. */
export async function countSignInAttempt(email: string, client: string, now = new Date()): Promise<CountedAttempt> {
  const knownKey = await keyedDigest("known-sign-in-address", `${email}\n${client}`);
  const known = await db.knownSignInAddress.findUnique({ where: { key: knownKey }, select: { lastUsedAt: true } });
  const isKnown = known !== null && now.getTime() - known.lastUsedAt.getTime() < KNOWN_ADDRESS_DAYS * 86_400_000;
  const counts = [
    { key: await rateLimitKey("sign-in:account-address", `${email}\n${client}`), ...SIGN_IN_LIMITS.accountAndAddress },
    { key: await rateLimitKey("sign-in:client", client), ...SIGN_IN_LIMITS.address },
    ...(isKnown ? [] : [{ key: await rateLimitKey("sign-in:account", email), ...SIGN_IN_LIMITS.accountFromNewAddresses }]),
  ];
  const raised: string[] = [];
  try {
    for (const count of counts) {
      raised.push(count.key);
      await enforceRateLimits([count.key], count.failures, count.windowSeconds);
    }
  } catch (error) {
    // A refused attempt guessed nothing: the counts it raised go back.
    await refundRateLimits(raised, now);
    throw error;
  }
  return {
    release: () => refundRateLimits(raised),
    remember: async () => {
      const lastUsedAt = new Date();
      await db.knownSignInAddress.upsert({ where: { key: knownKey }, create: { key: knownKey, lastUsedAt }, update: { lastUsedAt } });
    },
  };
}

/** Deletes the addresses no account has signed in from for 90 days (the retention run's work). */
export async function sweepKnownAddresses(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 86_400_000);
  return (await db.knownSignInAddress.deleteMany({ where: { lastUsedAt: { lte: before } } })).count;
}
