import "server-only";
import { accountFieldErrors, newPasswordInput } from "@/app/_lib/accounts/fields";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../auth/passwords";
import { db } from "../db";
import { invalid } from "../errors";
import { hashToken } from "../security/tokens";
import { accountSelect, auditAccount } from "./records";
import { endSessionsOf } from "../auth/sessions";
import { userIdForToken } from "./tokens";

const linkExpired = () => invalid({ _: { key: "linkExpired" } });

/**
 * Sets the password of the account a one-time link belongs to. There is no actor: the link is the
 * credential, so the change is audited as the account's own. The link works once (its row is deleted in
 * the same transaction, and a second use finds nothing), and every session from before ends.
 */
export async function setPasswordWithToken(
  token: string,
  password: string,
  passwordRepeat: string,
): Promise<{ email: string }> {
  // A dead link is said first: there is no point in fixing the password for it.
  if (!(await userIdForToken(db, token))) throw linkExpired();
  const parsed = newPasswordInput(MIN_PASSWORD_LENGTH).safeParse({ password, passwordRepeat });
  if (!parsed.success) throw invalid(accountFieldErrors(parsed.error, MIN_PASSWORD_LENGTH));
  const passwordHash = await hashPassword(parsed.data.password);

  return db.$transaction(async (tx) => {
    const userId = await userIdForToken(tx, token);
    // Deleting the row is the use: of two requests with the same link, only one deletes it.
    const used = userId
      ? await tx.userToken.deleteMany({ where: { hash: hashToken(token), userId } })
      : { count: 0 };
    if (!userId || used.count === 0) throw linkExpired();
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: accountSelect });
    if (before.disabledAt) throw linkExpired();
    const after = await tx.user.update({
      where: { id: userId },
      data: { passwordHash },
      select: accountSelect,
    });
    await endSessionsOf(tx, userId);
    await tx.userToken.deleteMany({ where: { userId } });
    await auditAccount(tx, { id: after.id, email: after.email }, "user.password_set", {
      before,
      after,
    });
    return { email: after.email };
  });
}
