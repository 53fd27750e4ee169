import "server-only";
import { randomInt } from "node:crypto";
import { CHECK_IN_ALPHABET, CHECK_IN_CODE_LENGTH } from "@/app/_lib/check-in-code";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import type { Prisma } from "../db";
import { env } from "../env";
import { hashToken, newToken, TOKEN_SHAPE } from "../security/tokens";

/** A new token for the registration; earlier ones stay valid (each email carries its own link). */
export async function issueAccessToken(
  tx: Prisma.TransactionClient,
  registrationId: string,
  purpose: "manage" | "calendar",
): Promise<string> {
  const token = newToken();
  await tx.accessToken.create({ data: { hash: hashToken(token), registrationId, purpose } });
  return token;
}

/** The registration a token opens, or null. Tokens of the wrong shape never reach the database. */
export async function registrationIdForToken(
  client: Pick<Prisma.TransactionClient, "accessToken">,
  token: string,
  purpose: "manage" | "calendar",
): Promise<string | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const row = await client.accessToken.findUnique({
    where: { hash: hashToken(token) },
    select: { registrationId: true, purpose: true },
  });
  return row?.purpose === purpose ? row.registrationId : null;
}

/** The manage page a token opens, as a delegate reaches it (PUBLIC_URL, never the request's Host). */
export function manageUrl(language: AppLocale, token: string): string {
  return `${env().PUBLIC_URL}/${language}/manage/${token}`;
}

/**
 * A check-in code (see app/_lib/check-in-code.ts), from the CSPRNG. Not a bearer secret, so 50 bits and
 * stored as it is: it only names a registration to signed-in staff at the desk and opens nothing by
 * itself; it is printed on badges and shown to whoever stands at the desk.
 */
export function newCheckInCode(): string {
  return Array.from(
    { length: CHECK_IN_CODE_LENGTH },
    () => CHECK_IN_ALPHABET[randomInt(CHECK_IN_ALPHABET.length)],
  ).join("");
}
