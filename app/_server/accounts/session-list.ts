import "server-only";
import { recordAudit } from "../audit/record";
import { authorize, authorizeOwnAccount, type Actor } from "../authz";
import { db } from "../db";
import { env } from "../env";
import { notFound } from "../errors";
import { keyedDigest } from "../security/keys";
import { endSessionsOf } from "../auth/sessions";

/**
 * The sessions of an account as its owner and admins see them, and ending them. Each organizer sees and
 * ends their own; an admin (manageAccounts) anyone's. Pages never see a session's id, which is what the
 * cookie carries: a session is named by a keyed digest of it (`handle`).
 */

export type SessionListItem = {
  handle: string;
  /** The browser's User-Agent as it signed in (app/_lib/accounts/browser.ts makes it readable). */
  userAgent: string;
  /** ISO instants. */
  signedInAt: string;
  lastSeenAt: string;
  /** The session this very request belongs to. */
  current: boolean;
};

function authorizeFor(actor: Actor | null, userId: string): asserts actor is Actor {
  if (actor?.id === userId) authorizeOwnAccount(actor);
  else authorize(actor, "manageAccounts");
}

const handleOf = (sessionId: string) => keyedDigest("session-handle", sessionId);

/** The account's live sessions, the most recently used first. */
export async function listSessions(
  actor: Actor | null,
  userId: string,
  now = new Date(),
): Promise<SessionListItem[]> {
  authorizeFor(actor, userId);
  const rows = await db.userSession.findMany({
    where: {
      userId,
      expiresAt: { gt: now },
      lastSeenAt: { gt: new Date(now.getTime() - env().AUTH_IDLE_MINUTES * 60_000) },
    },
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
  });
  return Promise.all(
    rows.map(async (row) => ({
      handle: await handleOf(row.id),
      userAgent: row.userAgent,
      signedInAt: row.createdAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
      current: row.id === actor.sessionId,
    })),
  );
}

/** Ends one session of the account, named by its handle; audited. */
export async function endSessionByHandle(actor: Actor | null, userId: string, handle: string): Promise<void> {
  authorizeFor(actor, userId);
  const rows = await db.userSession.findMany({ where: { userId }, select: { id: true } });
  let match: string | undefined;
  for (const row of rows) if ((await handleOf(row.id)) === handle) match = row.id;
  if (!match) throw notFound("Session");
  const sessionId = match;
  await db.$transaction(async (tx) => {
    await tx.userSession.deleteMany({ where: { id: sessionId } });
    await recordAudit(tx, actor, { action: "user.session_end", entity: "User", entityId: userId });
  });
}

/**
 * Ends every session of the account but the one making the request: "sign out everywhere else" for
 * the owner, "sign out everywhere" for an admin looking at another account. Audited; returns how many.
 */
export async function endOtherSessions(actor: Actor | null, userId: string): Promise<number> {
  authorizeFor(actor, userId);
  return db.$transaction(async (tx) => {
    const ended = await endSessionsOf(tx, userId, { keep: actor.sessionId });
    await recordAudit(tx, actor, {
      action: "user.sessions_end",
      entity: "User",
      entityId: userId,
      after: { ended },
    });
    return ended;
  });
}
