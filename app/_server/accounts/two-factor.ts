import "server-only";
import { randomInt } from "node:crypto";
import { TOTP, Secret } from "otpauth";
import { recordAudit } from "../audit/record";
import { authorizeOwnAccount, type Actor } from "../authz";
import { db, type Prisma } from "../db";
import { invalid } from "../errors";
import { countFailures, rateLimitKey } from "../rate-limit";
import { checkOwnPassword } from "./own-password";
import { accountTransaction } from "./records";
import {
  checkSecondFactor,
  hashRecoveryCode,
  newTotpSecret,
  normalizedCode,
  openTotpSecret,
  TOTP_SHAPE,
  totpStep,
  withoutSecondFactor,
} from "./second-factor";
import { endSessionsOf, secondFactorRequired } from "../auth/sessions";

/**
 * What organizers do with their own second factor: set it up (or replace it), get new recovery codes,
 * turn it off. Each needs a session (authorizeOwnAccount), also one whose role requires a second factor
 * not yet set up, and proof that its owner is there: the password or a current code. The admins' side is in
 * two-factor-admin.ts; checking a code at sign-in in second-factor.ts.
 */

/** The name authenticator apps show above the account's email address. */
export const TOTP_ISSUER = "Städteallianz";
export const RECOVERY_CODE_COUNT = 10;

/**
 * Wrong codes typed while signed in: 5 per account in 15 minutes, as at sign-in. Without a bound, a
 * stolen session could try every code until the factor could be turned off or replaced.
 */
const WRONG_CODES = { limit: 5, windowSeconds: 15 * 60 } as const;

/** What the authenticator app needs: the otpauth:// address (the QR code) and the secret to type in. */
export type Enrolment = { uri: string; secret: string };

/** How long a set-up begun may be finished: the secret on the screen must not wait for someone else. */
export const PENDING_MINUTES = 15;

/** What proves, at the start of a set-up, that the session's owner is at the keyboard. */
export type EnrolmentProof = { password?: string; code?: string };

/**
 * A new secret, kept as pending for PENDING_MINUTES until a code from it is confirmed. The session alone
 * is not enough: whoever found one left open on someone else's computer must not tie the account to
 * their own phone, and lock its owner out. A first set-up takes the account's password; replacing the
 * factor takes a current code of the app (not a recovery code, which a set-up given up would waste).
 * The current factor stays in force until the new one is confirmed.
 */
export async function beginEnrolment(
  actor: Actor | null,
  proof: EnrolmentProof,
  now = new Date(),
): Promise<Enrolment> {
  authorizeOwnAccount(actor);
  const account = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { email: true, totpSecret: true },
  });
  if (!account.totpSecret) await checkOwnPassword(actor, proof.password ?? "", "password");
  else if (!TOTP_SHAPE.test(normalizedCode(proof.code ?? "")))
    throw invalid({ code: { key: "twoFactorCodeWrong" } });
  else await proveSecondFactor(actor, proof.code ?? "");
  const { sealed, base32 } = await newTotpSecret();
  await db.user.update({ where: { id: actor.id }, data: { totpPending: sealed, totpPendingAt: now } });
  return enrolmentOf(account.email, base32);
}

/** Whether a set-up begun at `pendingAt` may still be finished. */
export function pendingIsFresh(pendingAt: Date | null, now = new Date()): boolean {
  return pendingAt !== null && now.getTime() - pendingAt.getTime() < PENDING_MINUTES * 60_000;
}

export function enrolmentOf(email: string, base32: string): Enrolment {
  const totp = new TOTP({ issuer: TOTP_ISSUER, label: email, secret: Secret.fromBase32(base32) });
  return { uri: totp.toString(), secret: base32 };
}

/**
 * Confirms the pending secret with a code from the app, makes it the account's second factor and returns
 * ten new recovery codes, to be shown once (only their hashes are kept). The confirming code's time step
 * is recorded as used, so the same code cannot sign in. The account's other sessions end: whoever might
 * have had one signs in again, now with the second factor.
 */
export async function confirmEnrolment(
  actor: Actor | null,
  code: string,
  now = new Date(),
): Promise<string[]> {
  authorizeOwnAccount(actor);
  const account = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { totpPending: true, totpPendingAt: true, totpEnabledAt: true },
  });
  const pending = pendingIsFresh(account.totpPendingAt, now) ? account.totpPending : null;
  const base32 = pending ? await openTotpSecret(pending) : null;
  if (!pending || !base32) throw invalid({ code: { key: "twoFactorNotStarted" } });
  const typed = normalizedCode(code);
  const step = await countCodeAttempt(actor, () => totpStep(base32, typed, now));
  const codes = newRecoveryCodeSet();
  const hashes = await recoveryCodeHashes(actor.id, codes);
  await accountTransaction(async (tx) => {
    // Only the secret whose code was checked: set-up begun again meanwhile (another tab) has replaced it.
    const taken = await tx.user.updateMany({
      where: { id: actor.id, totpPending: pending },
      data: {
        totpSecret: pending,
        totpPending: null,
        totpPendingAt: null,
        totpLastStep: step,
        totpEnabledAt: now,
      },
    });
    if (taken.count !== 1) throw invalid({ code: { key: "twoFactorNotStarted" } });
    await storeRecoveryCodes(tx, actor.id, hashes);
    await endSessionsOf(tx, actor.id, { keep: actor.sessionId });
    await recordAudit(tx, actor, {
      action: "user.two_factor_enabled",
      entity: "User",
      entityId: actor.id,
      before: { twoFactorSince: account.totpEnabledAt },
      after: { twoFactorSince: now, recoveryCodes: codes.length },
    });
  });
  return codes;
}

/** Ten new recovery codes in place of the old ones, for a current code; shown once. */
export async function newRecoveryCodes(actor: Actor | null, code: string): Promise<string[]> {
  authorizeOwnAccount(actor);
  await requireEnrolled(actor);
  await proveSecondFactor(actor, code);
  const codes = newRecoveryCodeSet();
  const hashes = await recoveryCodeHashes(actor.id, codes);
  await accountTransaction(async (tx) => {
    await storeRecoveryCodes(tx, actor.id, hashes);
    await recordAudit(tx, actor, {
      action: "user.recovery_codes_renewed",
      entity: "User",
      entityId: actor.id,
      after: { recoveryCodes: codes.length },
    });
  });
  return codes;
}

/** Turns one's own second factor off, for a current code; not while the role requires one. */
export async function turnOffTwoFactor(actor: Actor | null, code: string): Promise<void> {
  authorizeOwnAccount(actor);
  const since = await requireEnrolled(actor);
  if (await secondFactorRequired(actor.role)) throw invalid({ code: { key: "twoFactorRequiredForRole" } });
  await proveSecondFactor(actor, code);
  await accountTransaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: withoutSecondFactor });
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await recordAudit(tx, actor, {
      action: "user.two_factor_disabled",
      entity: "User",
      entityId: actor.id,
      before: { twoFactorSince: since },
      after: { twoFactorSince: null },
    });
  });
}

async function requireEnrolled(actor: Actor): Promise<Date> {
  const account = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { totpSecret: true, totpEnabledAt: true },
  });
  if (!account.totpSecret) throw invalid({ code: { key: "twoFactorNotEnabled" } });
  return account.totpEnabledAt ?? new Date(0);
}

/** A current code of the account's second factor, or an unused recovery code (then used up). */
async function proveSecondFactor(actor: Actor, code: string): Promise<void> {
  const typed = normalizedCode(code);
  if (!typed) throw invalid({ code: { key: "required" } });
  await countCodeAttempt(actor, async () => ((await checkSecondFactor(actor.id, typed)) ? true : null));
}

/**
 * Counts a code attempt against the account's limit (`rate_limited` past it), runs the check (null: the
 * code is wrong) and gives the attempt back when it was right: only wrong codes count.
 */
async function countCodeAttempt<T>(actor: Actor, check: () => T | null | Promise<T | null>): Promise<T> {
  const attempt = await countFailures([
    { key: await rateLimitKey("two-factor:account", actor.id), ...WRONG_CODES },
  ]);
  const result = await check();
  if (result === null) throw invalid({ code: { key: "twoFactorCodeWrong" } });
  await attempt.release();
  return result;
}

/** Letters and digits that cannot be mistaken for one another when read off paper (no 0/o, 1/l/i). */
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten random codes as people read them, "xxxxx-xxxxx" (about 50 bits each). */
function newRecoveryCodeSet(): string[] {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) {
    const letters = Array.from(
      { length: 10 },
      () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
    ).join("");
    codes.add(`${letters.slice(0, 5)}-${letters.slice(5)}`);
  }
  return [...codes];
}

/** The digests of new recovery codes, made before the transaction that stores them (keys.ts, loadKeys). */
function recoveryCodeHashes(userId: string, codes: string[]): Promise<string[]> {
  return Promise.all(codes.map((code) => hashRecoveryCode(userId, code)));
}

/** The account's recovery codes become the ones of `hashes`; the old ones stop working. */
async function storeRecoveryCodes(
  tx: Prisma.TransactionClient,
  userId: string,
  hashes: string[],
): Promise<void> {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: hashes.map((hash) => ({ userId, hash })) });
}
