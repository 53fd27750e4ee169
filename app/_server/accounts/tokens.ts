import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { adminPaths } from "@/app/_lib/admin-paths";
import type { Prisma } from "../db";
import { env } from "../env";
import { hashToken, newToken, TOKEN_SHAPE } from "../security/tokens";

/**
 * One-time links to set a password: 256 random bits, of which the database keeps only the SHA-256 (as
 * for the delegates' links), a short life, and one use. The live links of an account are those of its
 * latest invitation or reset: the one shown to the admin who made it, and the one minted for its email
 * when that left (password-links.ts). Setting a password with any of them, the next reset, and
 * disabling the account end them all.
 */

export type UserTokenPurpose = "invite" | "reset";

const LIFETIME_HOURS: Record<UserTokenPurpose, number> = { invite: 7 * 24, reset: 24 };

type TokenWriter = Pick<Prisma.TransactionClient, "userToken">;

/** A new link token for the account; earlier ones stop working. Returns the token itself, never stored. */
export async function issueUserToken(
  tx: TokenWriter,
  userId: string,
  purpose: UserTokenPurpose,
  now = new Date(),
): Promise<string> {
  await tx.userToken.deleteMany({ where: { userId } });
  return addUserToken(tx, userId, purpose, now);
}

/** One more link token beside the account's live ones, with its purpose's full lifetime from `now`. */
export async function addUserToken(
  tx: TokenWriter,
  userId: string,
  purpose: UserTokenPurpose,
  now = new Date(),
): Promise<string> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + LIFETIME_HOURS[purpose] * 3600_000);
  await tx.userToken.create({ data: { hash: hashToken(token), userId, purpose, expiresAt } });
  return token;
}

/** The account a live token opens, or null. Tokens of the wrong shape never reach the database. */
export async function userIdForToken(
  client: TokenWriter,
  token: string,
  now = new Date(),
): Promise<string | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const row = await client.userToken.findUnique({
    where: { hash: hashToken(token) },
    select: { userId: true, expiresAt: true },
  });
  return row && row.expiresAt > now ? row.userId : null;
}

/** The set-password page a token opens, as the account's owner reaches it (PUBLIC_URL, never the Host header). */
export function passwordLinkUrl(locale: AppLocale, token: string): string {
  return `${env().PUBLIC_URL}/${locale}${adminPaths.setPassword(token)}`;
}
