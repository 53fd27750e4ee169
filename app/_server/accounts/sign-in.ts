import "server-only";
import { db } from "../db";
import { verifyPassword } from "../auth/passwords";
import { checkSecondFactor } from "./second-factor";
import { startSession } from "../auth/sessions";
import { countSignInAttempt } from "./sign-in-limits";

/** What a sign-in attempt brings: the form's fields and where it comes from. */
export type SignInAttempt = {
  email: string;
  password: string;
  code?: string;
  clientAddress: string;
  userAgent?: string | null;
};

/**
 * The outcome, in the order a sign-in learns things. `refused` is one answer for an unknown address, a
 * wrong password and a wrong code, so that it tells a guesser nothing. Only after the right password does
 * it say more: that the account is disabled, or that it needs the code from the authenticator app.
 */
export type SignInOutcome =
  | { outcome: "signed-in"; user: { id: string; email: string; name: string }; sessionId: string }
  | { outcome: "refused" }
  | { outcome: "disabled" }
  | { outcome: "second-factor" };

/**
 * Checks an organizer's email, password and (where enrolled) second factor, and starts a session. The
 * attempt is counted before anything is looked up (`rate_limited` past a limit, sign-in-limits.ts) and
 * given back when it turns out right: successful sign-ins never count.
 */
export async function signIn(attempt: SignInAttempt): Promise<SignInOutcome> {
  const email = attempt.email.trim().toLowerCase();
  const counted = await countSignInAttempt(email, attempt.clientAddress);
  const user =
    email.length <= 254
      ? await db.user.findUnique({
          where: { email },
          select: {
            id: true,
            email: true,
            name: true,
            passwordHash: true,
            disabledAt: true,
            totpSecret: true,
          },
        })
      : null;
  // The hash is checked for an unknown address too (against nothing), so that the time taken says nothing.
  const valid = await verifyPassword(attempt.password.slice(0, 1024), user?.passwordHash);
  if (!user || !valid) return { outcome: "refused" };
  if (user.disabledAt) return { outcome: "disabled" };
  if (user.totpSecret) {
    const code = attempt.code?.trim() ?? "";
    if (!code) {
      // The right password alone is not a failed guess; the attempt with the code is counted again.
      await counted.release();
      return { outcome: "second-factor" };
    }
    if (!(await checkSecondFactor(user.id, code))) return { outcome: "refused" };
  }
  await counted.release();
  await counted.remember();
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  const sessionId = await startSession(user.id, attempt.userAgent ?? null);
  return { outcome: "signed-in", user: { id: user.id, email: user.email, name: user.name }, sessionId };
}
