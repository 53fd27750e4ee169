import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * Secrets in links (manage links, personal calendars, set-password and setup links): 256 bits from the
 * CSPRNG, base64url (43 characters). The database keeps only their SHA-256, so a copy of it opens no
 * manage page, no calendar and no account.
 */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What newToken makes: 43 characters of base64url. */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
