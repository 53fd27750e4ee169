import "server-only";
import { db } from "../db";
import { env } from "../env";
import { deliverSoon } from "../mail/outbox";
import { queueRegistrationEmail } from "../mail/registration-emails";
import { enforceRateLimits, rateLimitKey } from "../rate-limit";
import { issueAccessToken } from "./tokens";

/**
 * "Lost your link?": emails a fresh manage link for every active registration of the address. The
 * caller shows the same answer whether or not the address is known; the rate limit counts per client
 * and per address alike, so it tells nothing either.
 */
export async function sendManageLinks(email: string, clientAddress: string): Promise<void> {
  const address = email.trim().toLowerCase();
  await enforceRateLimits([rateLimitKey("lost-link:client", clientAddress), rateLimitKey("lost-link:email", address)], env().RATE_LIMIT_LOST_LINK);
  const registrations = await db.registration.findMany({
    where: { email: address, status: { in: ["pending", "confirmed"] } },
    select: { id: true },
  });
  if (registrations.length === 0) return;
  await db.$transaction(async (tx) => {
    for (const { id } of registrations) {
      const token = await issueAccessToken(tx, id, "manage");
      await queueRegistrationEmail(tx, { kind: "link", registrationId: id, manageToken: token });
    }
  });
  deliverSoon();
}
