import "server-only";
import { accountFieldErrors, adminAccountInput } from "@/app/_lib/accounts/fields";
import { COMMAND_LINE_ACTOR, recordAudit } from "../audit/record";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../auth/passwords";
import { db } from "../db";
import { invalid } from "../errors";
import { accountSelect, auditRecord } from "./records";

export type CreateAdminInput = { email: string; name?: string; password: string };

export type CreateAdminResult = { outcome: "created" | "updated"; userId: string; email: string };

/**
 * For `npm run admin:create`: whoever can run commands on the server needs no signed-in admin. Creates
 * an admin with the password, or, when the address has an account, makes it an enabled admin with the
 * new password (the way back in when every admin is locked out). Sessions of that account end, open
 * set-password links stop working.
 */
export async function createAdmin(input: CreateAdminInput): Promise<CreateAdminResult> {
  const parsed = adminAccountInput(MIN_PASSWORD_LENGTH).safeParse(input);
  if (!parsed.success) throw invalid(accountFieldErrors(parsed.error, MIN_PASSWORD_LENGTH));
  const { email, name, password } = parsed.data;
  const passwordHash = await hashPassword(password);

  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { email }, select: accountSelect });
    if (!before) {
      if (!name) throw invalid({ name: { key: "required" } });
      const created = await tx.user.create({ data: { email, name, role: "admin", passwordHash }, select: accountSelect });
      await recordAudit(tx, COMMAND_LINE_ACTOR, { action: "user.create_admin", entity: "User", entityId: created.id, after: auditRecord(created) });
      return { outcome: "created" as const, userId: created.id, email };
    }
    const after = await tx.user.update({
      where: { id: before.id },
      data: { role: "admin", passwordHash, disabledAt: null, sessionVersion: { increment: 1 }, ...(name && { name }) },
      select: accountSelect,
    });
    await tx.userToken.deleteMany({ where: { userId: before.id } });
    await recordAudit(tx, COMMAND_LINE_ACTOR, {
      action: "user.restore_admin",
      entity: "User",
      entityId: before.id,
      before: auditRecord(before),
      after: auditRecord(after),
    });
    return { outcome: "updated" as const, userId: before.id, email };
  });
}
