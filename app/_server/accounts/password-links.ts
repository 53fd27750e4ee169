import "server-only";
import { db } from "../db";
import type { LinkMinter, RefusedLink } from "../mail/links";
import { hasNewerEmail } from "../mail/outbox";
import { hashToken } from "../security/tokens";
import { addUserToken, type UserTokenPurpose } from "./tokens";

/** The outbox kinds of the account emails, by the purpose of the link they carry. */
export const accountEmailKind = {
  invite: "account.invitation",
  reset: "account.password_reset",
} as const satisfies Record<UserTokenPurpose, string>;

const purposeOfKind = new Map<string, UserTokenPurpose>(
  Object.entries(accountEmailKind).map(([purpose, kind]) => [kind, purpose as UserTokenPurpose]),
);

const refused = (reason: string): RefusedLink => ({ refused: reason });

/**
 * The set-password link of an invitation or reset email, minted as the email leaves (mail/links.ts), one
 * for each attempt to send it. The email gets a working link only while the account stands as the
 * invitation or reset left it:
 *
 * - the account still exists under the address, is enabled, and has no password: a password set since
 *   (with the link the admin was shown, or an earlier email's) means the link is not needed, and an
 *   email that leaves late must not open the account again;
 * - no later invitation or reset email was queued to the address: that one carries the link;
 * - the account has a live link: every invitation or reset leaves one (the admin's), and what ends links
 *   (a password set, a new reset, disabling, their lifetime) ends it. This is what tells an account
 *   disabled and enabled again since: enabling brings no link back.
 *
 * Otherwise the email does not leave at all, and the outbox keeps the reason. The account's row is
 * locked while this is decided and the token written: a reset, a disable or a password set (each changes
 * that row before it deletes the tokens) thus either waits and deletes this token too, or is seen here.
 */
export const mintPasswordLink: LinkMinter = async (email) => {
  const purpose = purposeOfKind.get(email.kind);
  if (!purpose) return refused(`Not an account email: ${email.kind}`);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      { id: string }[]
    >`SELECT "id" FROM "User" WHERE "email" = ${email.toAddress} FOR UPDATE`;
    if (!locked) return refused("No account has this address any more");
    const user = await tx.user.findUniqueOrThrow({
      where: { id: locked.id },
      select: { disabledAt: true, passwordHash: true },
    });
    if (user.disabledAt) return refused("The account is disabled");
    if (user.passwordHash !== null) return refused("The account has a password since");
    if (await hasNewerEmail(tx, email, Object.values(accountEmailKind)))
      return refused("A later invitation or reset replaces this email");
    if ((await tx.userToken.count({ where: { userId: locked.id, expiresAt: { gt: now } } })) === 0) {
      return refused("The links of this invitation or reset have expired or were ended");
    }
    const token = await addUserToken(tx, locked.id, purpose, now);
    const hash = hashToken(token);
    return { token, revoke: async () => void (await db.userToken.deleteMany({ where: { hash } })) };
  });
};
