import "server-only";
import { recordAudit, type AuditActor } from "../audit/record";
import { db, type Prisma } from "../db";
import { deliverSoon } from "../mail/delivery";

/** What account changes read and write: everything but the password hash, of which only its presence. */
export const accountSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  passwordHash: true,
} as const satisfies Prisma.UserSelect;

export type AccountRow = Prisma.UserGetPayload<{ select: typeof accountSelect }>;

/** The account as the audit log keeps it: never the hash itself (a copy of the log must not be a list of hashes). */
export function auditRecord(user: AccountRow) {
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    disabledAt: user.disabledAt,
    passwordSet: user.passwordHash !== null,
  };
}

/**
 * Records a change of an account ("user.disable", …) in the change's transaction, the account before
 * (none: it was created) and after as `auditRecord` keeps it.
 */
export function auditAccount(
  tx: Prisma.TransactionClient,
  actor: AuditActor,
  action: `user.${string}`,
  change: { before?: AccountRow; after: AccountRow },
): Promise<void> {
  return recordAudit(tx, actor, {
    action,
    entity: "User",
    entityId: change.after.id,
    before: change.before && auditRecord(change.before),
    after: auditRecord(change.after),
  });
}

/**
 * The ids of the enabled admins, locked until the transaction ends. Two admins demoting or disabling
 * each other at the same moment thus take turns, and the second one sees the first one's change: there
 * is always one enabled admin left.
 */
export async function lockEnabledAdmins(tx: Prisma.TransactionClient): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "User" WHERE "role" = 'admin' AND "disabledAt" IS NULL ORDER BY "id" FOR UPDATE`;
  return rows.map((row) => row.id);
}

/** True when `userId` is the only enabled admin. */
export function isLastEnabledAdmin(enabledAdminIds: readonly string[], userId: string): boolean {
  return enabledAdminIds.length === 1 && enabledAdminIds[0] === userId;
}

/** One account change as one transaction; emails it queued leave after the commit. */
export async function accountTransaction<T>(run: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  const result = await db.$transaction(run);
  deliverSoon();
  return result;
}
