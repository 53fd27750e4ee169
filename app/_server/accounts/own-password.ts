import "server-only";
import { accountFieldErrors, passwordChangeInput } from "@/app/_lib/accounts/fields";
import { recordAudit } from "../audit/record";
import { authorizeOwnAccount, type Actor } from "../authz";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "../auth/passwords";
import { db } from "../db";
import { invalid } from "../errors";
import { enforceRateLimits, rateLimitKey } from "../rate-limit";
import { accountSelect, auditRecord } from "./records";
import { endSessionsOf } from "./sessions";

export type PasswordChange = { currentPassword: string; password: string; passwordRepeat: string };

/** Tries at the current password per account: a session left open on a shared computer is no way to guess it. */
const ATTEMPTS = { limit: 5, windowSeconds: 15 * 60 } as const;

/**
 * An organizer changes their own password, giving the current one. Every other session of the account
 * ends (whoever else had it open is out); this browser stays signed in.
 */
export async function changeOwnPassword(actor: Actor | null, input: PasswordChange): Promise<void> {
  authorizeOwnAccount(actor);
  const parsed = passwordChangeInput(MIN_PASSWORD_LENGTH).safeParse(input);
  if (!parsed.success) throw invalid(accountFieldErrors(parsed.error, MIN_PASSWORD_LENGTH));
  await enforceRateLimits([await rateLimitKey("password-change", actor.id)], ATTEMPTS.limit, ATTEMPTS.windowSeconds);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(parsed.data.currentPassword, user.passwordHash))) throw invalid({ currentPassword: { key: "currentPasswordWrong" } });
  const passwordHash = await hashPassword(parsed.data.password);
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: accountSelect });
    const after = await tx.user.update({ where: { id: actor.id }, data: { passwordHash }, select: accountSelect });
    await endSessionsOf(tx, actor.id, { keep: actor.sessionId });
    await recordAudit(tx, actor, { action: "user.password_change", entity: "User", entityId: actor.id, before: auditRecord(before), after: auditRecord(after) });
  });
}
