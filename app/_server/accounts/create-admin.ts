import "server-only";
import { accountFieldErrors, adminAccountInput } from "@/app/_lib/accounts/fields";
import { COMMAND_LINE_ACTOR } from "../audit/record";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../auth/passwords";
import { isUniqueViolation } from "../database/errors";
import { db } from "../db";
import { invalid } from "../errors";
import { endSessionsOf } from "../auth/sessions";
import { withoutSecondFactor } from "./second-factor";
import { accountSelect, auditAccount } from "./records";

/** `reset`: an address that has an account gets the new password and becomes an enabled admin. */
export type CreateAdminInput = { email: string; name?: string; password: string; reset?: boolean };

export type CreateAdminResult = { outcome: "created" | "updated"; userId: string; email: string };

/** The input checked as createAdmin checks it, so that a command can refuse it before opening the database. */
export function parseAdminInput(input: CreateAdminInput) {
  const parsed = adminAccountInput(MIN_PASSWORD_LENGTH).safeParse(input);
  if (!parsed.success) throw invalid(accountFieldErrors(parsed.error, MIN_PASSWORD_LENGTH));
  return parsed.data;
}

const emailTaken = () => invalid({ email: { key: "emailTaken" } });

/**
 * For `npm run admin:create`: whoever can run commands on the server needs no signed-in admin. Creates
 * an admin with the password. An address that has an account is refused (`emailTaken`), unless `reset`
 * asks to make it an enabled admin with the new password: the way back in when every admin is locked
 * out. Sessions of that account end, open set-password links stop working.
 */
export async function createAdmin(input: CreateAdminInput): Promise<CreateAdminResult> {
  const { email, name, password } = parseAdminInput(input);
  const passwordHash = await hashPassword(password);
  try {
    return await writeAdmin(email, name, passwordHash, input.reset === true);
  } catch (error) {
    // Two runs for the same new address at once: the second hears what the check in writeAdmin says.
    if (isUniqueViolation(error, "email")) throw emailTaken();
    throw error;
  }
}

function writeAdmin(
  email: string,
  name: string | undefined,
  passwordHash: string,
  reset: boolean,
): Promise<CreateAdminResult> {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { email }, select: accountSelect });
    if (!before) {
      if (!name) throw invalid({ name: { key: "required" } });
      const created = await tx.user.create({
        data: { email, name, role: "admin", passwordHash },
        select: accountSelect,
      });
      await auditAccount(tx, COMMAND_LINE_ACTOR, "user.create_admin", { after: created });
      return { outcome: "created" as const, userId: created.id, email };
    }
    if (!reset) throw emailTaken();
    const after = await tx.user.update({
      where: { id: before.id },
      // The way back in for an admin who lost the password or the second factor: both are replaced.
      data: { role: "admin", passwordHash, disabledAt: null, ...withoutSecondFactor, ...(name && { name }) },
      select: accountSelect,
    });
    await tx.userToken.deleteMany({ where: { userId: before.id } });
    await tx.recoveryCode.deleteMany({ where: { userId: before.id } });
    await endSessionsOf(tx, before.id);
    await auditAccount(tx, COMMAND_LINE_ACTOR, "user.restore_admin", { before, after });
    return { outcome: "updated" as const, userId: before.id, email };
  });
}
