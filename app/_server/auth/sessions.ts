import "server-only";
import { randomBytes } from "node:crypto";
import type { UserRole } from "@/app/_lib/roles";
import { db, type Prisma } from "../db";
import { env } from "../env";

/**
 * Organizer sessions as rows. The signed cookie next-auth sets carries only the row's id; every request
 * reads the row, so deleting it ends the session on every instance at once. A session ends
 *   - AUTH_SESSION_HOURS after sign-in, however busy (expiresAt, never extended),
 *   - after AUTH_IDLE_MINUTES without a request (lastSeenAt),
 *   - on sign-out, a password change or reset, disabling, a role change, a second factor set up or reset,
 *     `admin:create --reset`, or when its owner or an admin ends it (the row is deleted).
 */

/**
 * The account behind a live session, as authorization needs it. `secondFactorDue`: an admin requires a
 * second factor for the account's role and it has none yet; until it has, it may only set one up.
 */
export type SessionAccount = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  sessionId: string;
  secondFactorDue: boolean;
};

/** lastSeenAt is written at most this often: a page with many requests costs one write a minute. */
const TOUCH_AFTER_MS = 60_000;
const USER_AGENT_LENGTH = 300;

/** A new session for an account that has just proven who it is; returns its id for the cookie. */
export async function startSession(
  userId: string,
  userAgent: string | null,
  now = new Date(),
): Promise<string> {
  const id = randomBytes(16).toString("base64url");
  const expiresAt = new Date(now.getTime() + env().AUTH_SESSION_HOURS * 3600_000);
  await db.userSession.create({
    data: {
      id,
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      userAgent: (userAgent ?? "").slice(0, USER_AGENT_LENGTH),
    },
  });
  return id;
}

/**
 * The account of a live session, or null: no such row, past its lifetime, idle too long, or an account
 * that is disabled. A session found dead is deleted on the way.
 */
export async function liveSession(sessionId: unknown, now = new Date()): Promise<SessionAccount | null> {
  if (typeof sessionId !== "string" || sessionId.length > 64) return null;
  const session = await db.userSession.findUnique({
    where: { id: sessionId },
    select: {
      expiresAt: true,
      lastSeenAt: true,
      user: { select: { id: true, email: true, name: true, role: true, disabledAt: true, totpSecret: true } },
    },
  });
  if (!session) return null;
  const idleSince = now.getTime() - session.lastSeenAt.getTime();
  if (session.expiresAt <= now || idleSince >= env().AUTH_IDLE_MINUTES * 60_000 || session.user.disabledAt) {
    await db.userSession.deleteMany({ where: { id: sessionId } });
    return null;
  }
  if (idleSince >= TOUCH_AFTER_MS)
    await db.userSession.updateMany({ where: { id: sessionId }, data: { lastSeenAt: now } });
  const { disabledAt: _disabled, totpSecret, ...user } = session.user;
  const secondFactorDue = !totpSecret && (await secondFactorRequired(user.role));
  return { ...user, sessionId, secondFactorDue };
}

/** Whether an admin has required a second factor for the role (RolePolicy). */
export async function secondFactorRequired(role: UserRole): Promise<boolean> {
  const policy = await db.rolePolicy.findUnique({ where: { role }, select: { requireTwoFactor: true } });
  return policy?.requireTwoFactor ?? false;
}

/** Sign-out: the session's row goes, and with it the session everywhere. */
export async function endSession(sessionId: unknown): Promise<void> {
  if (typeof sessionId === "string") await db.userSession.deleteMany({ where: { id: sessionId } });
}

/**
 * Ends every session of the account, inside the caller's transaction (with the change that calls for it:
 * a new password, a reset, disabling, a new role), except `keep`: changing one's own password keeps
 * the browser that did it signed in.
 */
export async function endSessionsOf(
  tx: Prisma.TransactionClient,
  userId: string,
  { keep }: { keep?: string } = {},
): Promise<number> {
  const ended = await tx.userSession.deleteMany({ where: { userId, ...(keep && { id: { not: keep } }) } });
  return ended.count;
}

/** Deletes the sessions past their lifetime or idle time (the retention run's work); returns how many. */
export async function sweepSessions(now = new Date()): Promise<number> {
  const idleBefore = new Date(now.getTime() - env().AUTH_IDLE_MINUTES * 60_000);
  const swept = await db.userSession.deleteMany({
    where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: idleBefore } }] },
  });
  return swept.count;
}
