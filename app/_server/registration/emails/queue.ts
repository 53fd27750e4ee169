import "server-only";
import type { ReleasedSession } from "../../calendar/ics";
import type { Prisma } from "../../db";
import { notFound } from "../../errors";
import { queueEmail, queueEmails, type NewEmail } from "../../mail/outbox";
import { loadRegistrationView, sessionBasics, sessionBasicsSelect, type RegistrationView } from "../view";
import type { RegistrationEmailKind } from "./content";
import { carriesManageLink, draftOf, draftSubject } from "./drafts";
import { registrationKind } from "./kinds";

export { registrationEmailKinds, type RegistrationEmailKind } from "./content";

export type RegistrationEmailRequest = {
  kind: RegistrationEmailKind;
  registrationId: string;
  /** The session a "promoted" email is about. */
  sessionId?: string;
  /**
   * Sessions the delegate gave up (seat or waiting-list place) in the operation the email reports
   * ("changed", "cancelled", and "rejected" when the rejection freed seats): the attached calendar
   * cancels them.
   */
  releasedSessionIds?: string[];
  /** The organizers' own words to the delegate (with an approval or a rejection), as typed. */
  message?: string | null;
};

/**
 * Queues the email about a registration in the caller's transaction, in the delegate's language, as the
 * registration stands in that transaction: as a draft (drafts.ts), composed when it is sent
 * or looked at. The caller calls deliverSoon() after the commit.
 */
export async function queueRegistrationEmail(
  tx: Prisma.TransactionClient,
  request: RegistrationEmailRequest,
): Promise<{ id: string }> {
  const view = await loadRegistrationView(tx, request.registrationId);
  if (!view) throw notFound("Registration");
  return queueEmail(tx, await registrationEmail(tx, view, request));
}

/**
 * queueRegistrationEmail for new registrations, whose views the caller built as it wrote them: one
 * statement for them all.
 */
export async function queueRegistrationEmails(
  tx: Prisma.TransactionClient,
  emails: { request: RegistrationEmailRequest; view: RegistrationView }[],
): Promise<void> {
  const queued: NewEmail[] = [];
  for (const { request, view } of emails) queued.push(await registrationEmail(tx, view, request));
  await queueEmails(tx, queued);
}

async function registrationEmail(
  tx: Prisma.TransactionClient,
  view: RegistrationView,
  request: RegistrationEmailRequest,
): Promise<NewEmail> {
  if (request.kind === "promoted" && !view.sessions.some((seat) => seat.sessionId === request.sessionId)) {
    throw notFound("Seat of the promoted registration");
  }
  const held = new Set(view.sessions.map((seat) => seat.sessionId));
  const released = await loadReleasedSessions(
    tx,
    (request.releasedSessionIds ?? []).filter((id) => !held.has(id)),
  );
  const draft = draftOf(request, view, released);
  return {
    registrationId: view.id,
    kind: registrationKind(request.kind),
    to: view.email,
    subject: draftSubject(draft),
    draft,
    withManageLink: carriesManageLink(request.kind),
  };
}

/**
 * The given-up sessions as they stand in this transaction. Drafts are left out (no calendar ever got
 * them), and so are sessions that no longer exist (nothing is left to describe them).
 */
async function loadReleasedSessions(
  tx: Prisma.TransactionClient,
  sessionIds: string[],
): Promise<ReleasedSession[]> {
  if (sessionIds.length === 0) return [];
  const rows = await tx.session.findMany({
    where: { id: { in: [...new Set(sessionIds)] }, status: { not: "draft" } },
    select: sessionBasicsSelect,
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({ sessionId: row.id, ...sessionBasics(row) }));
}
