import "server-only";
import { accountFieldErrors, passwordChangeInput } from "@/app/_lib/accounts/fields";
import { authorizeOwnAccount, type Actor } from "../authz";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "../auth/passwords";
import { db } from "../db";
import { invalid } from "../errors";
import { countFailures, rateLimitKey } from "../rate-limit";
import { accountSelect, auditAccount } from "./records";
import { endSessionsOf } from "../auth/sessions";

export type PasswordChange = { currentPassword: string; password: string; passwordRepeat: string };

/** Wrong passwords typed while signed in, per account: a session left open on a shared computer is no way to guess it. */
const WRONG_PASSWORDS = { limit: 5, windowSeconds: 15 * 60 } as const;

/**
 * Checks the signed-in organizer's own password, where a change to the account asks for it again (a new
 * password, a first second factor); `invalid` at `field` when it is wrong. Only wrong ones count.
 */
export async function checkOwnPassword(actor: Actor, password: string, field: string): Promise<void> {
  const attempt = await countFailures([
    { key: await rateLimitKey("own-password", actor.id), ...WRONG_PASSWORDS },
  ]);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(password.slice(0, 1024), user.passwordHash)))
    throw invalid({ [field]: { key: "passwordWrong" } });
  await attempt.release();
}

/**
 * An organizer changes their own password, giving the current one. Every other session of the account
 * ends (whoever else had it open is out); this browser stays signed in.
 */
export async function changeOwnPassword(actor: Actor | null, input: PasswordChange): Promise<void> {
  authorizeOwnAccount(actor);
  const parsed = passwordChangeInput(MIN_PASSWORD_LENGTH).safeParse(input);
  if (!parsed.success) throw invalid(accountFieldErrors(parsed.error, MIN_PASSWORD_LENGTH));
  await checkOwnPassword(actor, parsed.data.currentPassword, "currentPassword");
  const passwordHash = await hashPassword(parsed.data.password);
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: accountSelect });
    const after = await tx.user.update({
      where: { id: actor.id },
      data: { passwordHash },
      select: accountSelect,
    });
    await endSessionsOf(tx, actor.id, { keep: actor.sessionId });
    await auditAccount(tx, actor, "user.password_change", { before, after });
  });
}
