import "server-only";
import { db } from "../db";
import { countFailures, rateLimitKey } from "../rate-limit";
import { keyedDigest } from "../security/keys";

/**
 * How many wrong guesses a sign-in allows, and to whom. Every attempt is counted as it arrives (so that a
 * burst of parallel guesses is counted in full) and given back when it succeeds: only failures count.
 *
 *   - per account and client address: 5 in 15 minutes. The owner at their own address is slowed down
 *     only by guesses at their account made from that very address.
 *   - per client address, whatever the account: 20 in 15 minutes, against one address trying many
 *     accounts. A desk team behind one address never reaches it by signing in, only by failing.
 *   - per account: 10 an hour. This bounds a guesser with any number of addresses to 10 guesses an
 *     hour at an account.
 * At an address where the account has signed in during the last 90 days (KnownSignInAddress), only the
 * first count applies: whoever guesses elsewhere, or tries other accounts from the same network, cannot
 * keep the owner out there.
 * The cost: an owner at a new address while an attack is under way waits for the hour to end (or signs
 * in from a known address); a guesser at the owner's own address shares the first count with them; and
 * where every client counts as one address (TRUSTED_PROXY_HOPS=0), that is everyone.
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
export async function countSignInAttempt(
  email: string,
  client: string,
  now = new Date(),
): Promise<CountedAttempt> {
  const knownKey = await keyedDigest("known-sign-in-address", `${email}\n${client}`);
  const known = await db.knownSignInAddress.findUnique({
    where: { key: knownKey },
    select: { lastUsedAt: true },
  });
  const isKnown =
    known !== null && now.getTime() - known.lastUsedAt.getTime() < KNOWN_ADDRESS_DAYS * 86_400_000;
  const count = async (scope: string, value: string, limit: { failures: number; windowSeconds: number }) => ({
    key: await rateLimitKey(scope, value),
    limit: limit.failures,
    windowSeconds: limit.windowSeconds,
  });
  // At an address where the account has signed in, only that pair is counted: neither a guesser
  // elsewhere (the account's count) nor one trying other accounts from the same network (the address's)
  // can keep the owner out there.
  const counts = [
    await count("sign-in:account-address", `${email}\n${client}`, SIGN_IN_LIMITS.accountAndAddress),
  ];
  if (!isKnown) {
    counts.push(await count("sign-in:client", client, SIGN_IN_LIMITS.address));
    counts.push(await count("sign-in:account", email, SIGN_IN_LIMITS.accountFromNewAddresses));
  }
  const { release } = await countFailures(counts);
  return {
    release,
    remember: async () => {
      const lastUsedAt = new Date();
      await db.knownSignInAddress.upsert({
        where: { key: knownKey },
        create: { key: knownKey, lastUsedAt },
        update: { lastUsedAt },
      });
    },
  };
}

/** Deletes the addresses no account has signed in from for 90 days (the retention run's work). */
export async function sweepKnownAddresses(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 86_400_000);
  return (await db.knownSignInAddress.deleteMany({ where: { lastUsedAt: { lte: before } } })).count;
}
