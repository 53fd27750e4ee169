import "server-only";
import { db } from "../db";
import { env } from "../env";
import { enforceRateLimits, rateLimitKey } from "../rate-limit";
import { verifyPassword } from "../auth/passwords";

const WINDOW_SECONDS = 15 * 60;

export type SignedIn = { id: string; email: string; name: string; sessionVersion: number };

/**
 * Checks an organizer's email and password. Attempts are counted per account and per client address
 * before anything is looked up (`rate_limited` past the limit). A wrong address, a wrong password and a
 * disabled account all answer null, after the same password check, so the answer tells nothing else.
 */
export async function checkCredentials(email: string, password: string, clientAddress: string): Promise<SignedIn | null> {
  const address = email.trim().toLowerCase();
  await enforceRateLimits(
    [rateLimitKey("sign-in:account", address), rateLimitKey("sign-in:client", clientAddress)],
    env().RATE_LIMIT_SIGN_IN,
    WINDOW_SECONDS,
  );
  const user = address.length <= 254 ? await db.user.findUnique({ where: { email: address } }) : null;
  const valid = await verifyPassword(password.slice(0, 1024), user?.passwordHash);
  if (!user || !valid || user.disabledAt) return null;
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
