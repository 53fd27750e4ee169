import "server-only";
import { Secret, TOTP } from "otpauth";
import { db } from "../db";
import { keyedDigest, seal, unseal } from "../security/keys";

/**
 * The second factor at sign-in: a TOTP code (RFC 6238: SHA-1, 6 digits, 30 seconds, what every
 * authenticator app reads from a QR code, none of which needs a service) or one of the account's
 * recovery codes. Set-up and recovery codes are in two-factor.ts, the admins' reset in two-factor-admin.ts.
 */

const SEAL_PURPOSE = "totp";

/**
 * The fields of a second factor, emptied: turned off by its owner, reset by an admin, or replaced with
 * the password by `admin:create --reset`.
 */
export const withoutSecondFactor = {
  totpSecret: null,
  totpPending: null,
  totpPendingAt: null,
  totpLastStep: null,
  totpEnabledAt: null,
} as const;
/** One step either side: a phone clock 30 seconds off, or a code typed as it changed, still works. */
const WINDOW = 1;

export const TOTP_SHAPE = /^\d{6}$/;
/** Recovery codes: ten letters and digits in two groups of five (about 50 bits), e.g. "k3p9x-4mw2q". */
export const RECOVERY_CODE_SHAPE = /^[a-z0-9]{5}-?[a-z0-9]{5}$/;

/** A new shared secret, sealed for the database, and its base32 form for the authenticator app. */
export async function newTotpSecret(): Promise<{ sealed: string; base32: string }> {
  const base32 = new Secret({ size: 20 }).base32;
  return { sealed: await seal(SEAL_PURPOSE, base32), base32 };
}

/** The base32 secret inside a sealed one, or null (sealed under another AUTH_SECRET, or altered). */
export function openTotpSecret(sealed: string): Promise<string | null> {
  return unseal(SEAL_PURPOSE, sealed);
}

/** The time step a code is valid for at `now` (within the window), or null. */
export function totpStep(base32: string, code: string, now: Date): number | null {
  if (!TOTP_SHAPE.test(code)) return null;
  const delta = TOTP.validate({
    token: code,
    secret: Secret.fromBase32(base32),
    timestamp: now.getTime(),
    window: WINDOW,
  });
  return delta === null ? null : TOTP.counter({ timestamp: now.getTime() }) + delta;
}

/**
 * A recovery code as stored: a keyed digest of the account and the code (keys.ts). A plain hash of ~50
 * bits would give every account's codes away to one pass over a copy of the table.
 */
export function hashRecoveryCode(userId: string, code: string): Promise<string> {
  return keyedDigest("recovery-code", `${userId}:${normalizedCode(code).replace("-", "")}`);
}

/** What people type: spaces and capitals are forgiven. */
export function normalizedCode(code: string): string {
  return code.replace(/\s+/g, "").toLowerCase();
}

/**
 * Accepts a TOTP code or an unused recovery code of the account, once. A TOTP code is taken only for a
 * time step after the last one taken (so neither a replay nor a second request with the same code gets
 * through, even at the same moment: the conditional update is the check); a recovery code is used up.
 */
export async function checkSecondFactor(userId: string, typed: string, now = new Date()): Promise<boolean> {
  const code = normalizedCode(typed);
  if (RECOVERY_CODE_SHAPE.test(code)) {
    const used = await db.recoveryCode.updateMany({
      where: { userId, hash: await hashRecoveryCode(userId, code), usedAt: null },
      data: { usedAt: now },
    });
    return used.count === 1;
  }
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true } });
  const base32 = user?.totpSecret ? await openTotpSecret(user.totpSecret) : null;
  // Sealed under another secret: every code is wrong until the factor is set up again. Said once per try,
  // so that whoever reads the log learns why organizers get in with recovery codes only.
  if (user?.totpSecret && !base32)
    console.warn("[auth] a two-factor secret cannot be read: AUTH_SECRET has changed since it was set up");
  const step = base32 ? totpStep(base32, code, now) : null;
  if (step === null) return false;
  const taken = await db.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return taken.count === 1;
}
