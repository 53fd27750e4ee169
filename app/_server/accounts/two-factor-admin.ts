import "server-only";
import { userId as userIdSchema } from "@/app/_lib/accounts/fields";
import { userRoles, type UserRole } from "@/app/_lib/roles";
import { recordAudit } from "../audit/record";
import { authorize, type Actor } from "../authz";
import { db } from "../db";
import { invalid, notFound } from "../errors";
import { accountTransaction } from "./records";
import { endSessionsOf } from "../auth/sessions";
import { withoutSecondFactor } from "./second-factor";

/** What admins do about second factors: reset an organizer's, and require them by role. */

/**
 * Removes an account's second factor and recovery codes (a lost phone and lost codes) and ends its
 * sessions. The owner signs in with the password alone and, where the role requires it, must set up a
 * new factor before anything else. Admins reset their own on their own page, with a code: this way
 * would let a stolen admin session strip the admin's own factor.
 */
export async function resetTwoFactor(actor: Actor | null, userId: string): Promise<{ name: string }> {
  authorize(actor, "manageAccounts");
  const parsed = userIdSchema.safeParse(userId);
  if (!parsed.success) throw notFound("Account");
  const id = parsed.data;
  if (id === actor.id) throw invalid({ _: { key: "twoFactorResetSelf" } });
  return accountTransaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: { name: true, totpEnabledAt: true } });
    if (!before) throw notFound("Account");
    await tx.user.update({ where: { id }, data: withoutSecondFactor });
    const codes = await tx.recoveryCode.deleteMany({ where: { userId: id } });
    const sessions = await endSessionsOf(tx, id);
    await recordAudit(tx, actor, {
      action: "user.two_factor_reset",
      entity: "User",
      entityId: id,
      before: { twoFactorSince: before.totpEnabledAt, recoveryCodes: codes.count, sessions },
      after: { twoFactorSince: null, recoveryCodes: 0, sessions: 0 },
    });
    return { name: before.name };
  });
}

/**
 * Requires (or no longer requires) a second factor for every account of a role. Accounts of that role
 * without one are sent to set it up at their next request. Requiring it for admins takes an admin who
 * has one: otherwise the admin who ticked the box would be sent away from the page in the middle of
 * their work, having never seen the set-up they now impose on everyone.
 */
export async function setRolePolicy(
  actor: Actor | null,
  role: UserRole,
  requireTwoFactor: boolean,
): Promise<void> {
  authorize(actor, "manageAccounts");
  if (!userRoles.includes(role)) throw invalid({ role: { key: "invalidChoice" } });
  if (role === "admin" && requireTwoFactor) {
    const self = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpSecret: true } });
    if (!self.totpSecret) throw invalid({ admin: { key: "twoFactorAdminFirst" } });
  }
  await accountTransaction(async (tx) => {
    const before = await tx.rolePolicy.findUnique({ where: { role }, select: { requireTwoFactor: true } });
    if ((before?.requireTwoFactor ?? false) === requireTwoFactor) return;
    await tx.rolePolicy.upsert({
      where: { role },
      create: { role, requireTwoFactor },
      update: { requireTwoFactor },
    });
    await recordAudit(tx, actor, {
      action: "role_policy.update",
      entity: "RolePolicy",
      entityId: role,
      before: { requireTwoFactor: before?.requireTwoFactor ?? false },
      after: { requireTwoFactor },
    });
  });
}
