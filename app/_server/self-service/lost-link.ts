import "server-only";
import { db } from "../db";
import { env } from "../env";
import { queueRegistrationEmail } from "../registration/emails/queue";
import { enforceRateLimits, rateLimitKey } from "../rate-limit";
import { registrationTransaction } from "../registration/transaction";

/**
 * "Lost your link?": every active registration of the address gets an email with a fresh manage link.
 * The caller gives the same answer whether or not the address is known: the limits count per client
 * and per address alike, and the lookup runs after the answer has gone (so its duration tells nothing).
 */

export const LOST_LINK_EMAIL_SCOPE = "lost-link:email";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Throws `rate_limited` when the client or the address asked too often. */
export async function limitLostLinkRequests(email: string, clientAddress: string): Promise<void> {
  await enforceRateLimits(
    [
      await rateLimitKey("lost-link:client", clientAddress),
      await rateLimitKey(LOST_LINK_EMAIL_SCOPE, normalizeEmail(email)),
    ],
    env().RATE_LIMIT_LOST_LINK,
  );
}

/** Queues the link emails; nothing happens for an unknown address. */
export async function sendManageLinks(email: string): Promise<void> {
  const registrations = await db.registration.findMany({
    where: { email: normalizeEmail(email), status: { in: ["pending", "confirmed"] } },
    select: { id: true },
  });
  if (registrations.length === 0) return;
  await registrationTransaction(async (tx) => {
    for (const { id } of registrations)
      await queueRegistrationEmail(tx, { kind: "link", registrationId: id });
  });
}
