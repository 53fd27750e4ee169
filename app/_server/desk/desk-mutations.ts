import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import type { DelegateDetails } from "@/app/_lib/registration/fields";
import { authorize, type Actor } from "../authz";
import { recordAudit } from "../audit/record";
import type { Prisma } from "../db";
import { AppError, invalid } from "../errors";
import { queueRegistrationEmail } from "../registration/emails/queue";
import { dropWaitingNotice } from "../registration/emails/session-notice/queue";
import {
  cancelLocked,
  lockRegistration,
  refusingTakenEmail,
  replaceSessions,
  writeDetails,
  type Locked,
} from "../registration/changes";
import { releaseSeat, takeSeat } from "../registration/seats";
import { registrationTransaction } from "../registration/transaction";
import { delegateDetailsSelect, delegateIdentitySelect } from "../registration/view";

/**
 * What organizers change on the registration desk. Each operation checks the role, locks the
 * registration's row within the desk's meeting (an id of another meeting is not found), runs the same
 * rules as the delegate's manage page (registration/changes.ts) and records an audit entry in the same transaction.
 * Approval and rejection are in review.ts.
 */

type Tx = Prisma.TransactionClient;

type Audit = (verb: string, before: unknown, after: unknown) => Promise<void>;

/**
 * One desk operation: authorized, in a registration transaction, on the locked registration of the
 * meeting, audited. `run` gets the authorized actor for audit entries of other records.
 */
async function onRegistration<T>(
  actor: Actor | null,
  meetingId: string,
  registrationId: string,
  editable: boolean,
  run: (tx: Tx, registration: Locked, audit: Audit, actor: Actor) => Promise<T>,
): Promise<T> {
  authorize(actor, "manageRegistrations");
  return registrationTransaction(async (tx) => {
    const registration = await lockRegistration(tx, registrationId, { editable, meetingId });
    const audit: Audit = (verb, before, after) =>
      recordAudit(tx, actor, {
        action: `registration.${verb}`,
        entity: "Registration",
        entityId: registrationId,
        meetingId,
        before,
        after,
      });
    return run(tx, registration, audit, actor);
  });
}

const detailsSelect = {
  ...delegateIdentitySelect,
  cityId: true,
  ...delegateDetailsSelect,
  photoConsent: true,
  listConsent: true,
} as const satisfies Prisma.RegistrationSelect;

/** The delegate's details, with the same checks as on the manage page (city quota, one active registration per address). */
export async function editRegistration(
  actor: Actor | null,
  meetingId: string,
  registrationId: string,
  details: DelegateDetails,
  locale: AppLocale,
): Promise<void> {
  await refusingTakenEmail(() =>
    onRegistration(actor, meetingId, registrationId, true, async (tx, registration, audit) => {
      const before = await tx.registration.findUniqueOrThrow({
        where: { id: registration.id },
        select: detailsSelect,
      });
      await writeDetails(tx, registration, details, locale);
      await audit("update", before, details);
    }),
  );
}

/**
 * The delegate's sessions. Organizers may add sessions after the registration window has closed (a
 * late delegate, a swap on site): only the window is lifted; capacity rules still hold, so a full
 * session gives a place on its waiting list.
 */
export async function changeRegistrationSessions(
  actor: Actor | null,
  meetingId: string,
  registrationId: string,
  sessionIds: string[],
  locale: AppLocale,
  now: Date = new Date(),
): Promise<void> {
  await onRegistration(actor, meetingId, registrationId, true, async (tx, registration, audit) => {
    const before = await seatsOf(tx, registration.id);
    const change = await replaceSessions(tx, registration, sessionIds, locale, { now, windowApplies: false });
    if (change)
      await audit("sessions", { seats: before }, { seats: await seatsOf(tx, registration.id), ...change });
  });
}

async function seatsOf(tx: Tx, registrationId: string) {
  return tx.sessionSeat.findMany({
    where: { registrationId },
    select: { sessionId: true, status: true, waitlistNumber: true },
    orderBy: { sessionId: "asc" },
  });
}

/** Cancels the registration as if the delegate had; the seats go to the waiting lists and the delegate is told. */
export async function cancelRegistrationAtDesk(
  actor: Actor | null,
  meetingId: string,
  registrationId: string,
  now: Date = new Date(),
): Promise<void> {
  await onRegistration(actor, meetingId, registrationId, true, async (tx, registration, audit) => {
    const released = await cancelLocked(tx, registration, now);
    await audit(
      "cancel",
      { status: registration.status },
      { status: "cancelled", releasedSessionIds: released },
    );
  });
}

type SessionCounts = { seatsTaken: number; capacity: number | null; status: string };

/** Locks the session's row (as seats.ts does) before its counters and status are read and decided on. */
async function lockSessionCounts(tx: Tx, sessionId: string): Promise<SessionCounts> {
  const [row] = await tx.$queryRaw<SessionCounts[]>`
    SELECT "seatsTaken", "capacity", "status"::text AS "status" FROM "Session" WHERE "id" = ${sessionId} FOR UPDATE`;
  if (!row) throw new AppError("not_found", "Session not found");
  return row;
}

async function waitlistedSeat(tx: Tx, registrationId: string, sessionId: string): Promise<void> {
  const seat = await tx.sessionSeat.findUnique({
    where: { registrationId_sessionId: { registrationId, sessionId } },
    select: { status: true },
  });
  if (seat?.status !== "waitlisted") throw invalid({ sessionId: { key: "notWaitlisted" } });
}

/**
 * Moves a delegate from a waiting list onto a seat, ahead of the others if the organizer so decides. A
 * seat must be free: never more seats than the capacity. When the session is full the organizer may
 * raise its capacity by one (`addSeat`) for this person, in the same transaction under the session's
 * lock; otherwise the move is refused with the seats taken and the capacity. As when a seat is freed
 * (fillFreeSeats), nobody moves up into a session that is a draft or cancelled.
 */
export async function moveUpFromWaitlist(
  actor: Actor | null,
  meetingId: string,
  registrationId: string,
  sessionId: string,
  { addSeat }: { addSeat: boolean },
  now: Date = new Date(),
): Promise<void> {
  await onRegistration(actor, meetingId, registrationId, true, async (tx, registration, audit, staff) => {
    const counts = await lockSessionCounts(tx, sessionId);
    await waitlistedSeat(tx, registration.id, sessionId);
    if (counts.status !== "published") throw invalid({ sessionId: { key: "sessionNotPublishedMoveUp" } });
    const full = counts.capacity !== null && counts.seatsTaken >= counts.capacity;
    if (full && !addSeat) {
      throw invalid({
        addSeat: {
          key: "sessionFullMoveUp",
          values: { taken: counts.seatsTaken, capacity: counts.capacity! },
        },
      });
    }
    const capacity = full ? counts.capacity! + 1 : counts.capacity;
    if (full) {
      // Raw, like the seat counters: the capacity is not part of the session's calendar event, so its
      // `updatedAt` (the event's LAST-MODIFIED) stays.
      await tx.$executeRaw`UPDATE "Session" SET "capacity" = ${capacity} WHERE "id" = ${sessionId}`;
      await recordAudit(tx, staff, {
        action: "session.capacity",
        entity: "Session",
        entityId: sessionId,
        meetingId: registration.meetingId,
        before: { capacity: counts.capacity },
        after: { capacity, forRegistrationId: registration.id },
      });
    }
    // Giving up the waiting place and taking a seat under the same lock: the seat is free, so it is confirmed.
    await releaseSeat(tx, registration.id, sessionId);
    const seat = await takeSeat(tx, registration.id, sessionId);
    if (seat.status !== "confirmed") throw new Error(`Session ${sessionId} had no free seat under its lock`);
    // The delegate's calendar changes (tentative → confirmed): LAST-MODIFIED follows updatedAt.
    await tx.registration.update({ where: { id: registration.id }, data: { updatedAt: now } });
    await queueRegistrationEmail(tx, { kind: "promoted", registrationId: registration.id, sessionId });
    await audit(
      "moveUp",
      { sessionId, seat: "waitlisted", seatsTaken: counts.seatsTaken, capacity: counts.capacity },
      { sessionId, seat: "confirmed", seatsTaken: counts.seatsTaken + 1, capacity },
    );
  });
}

/** Takes the delegate off a session's waiting list; the delegate is told with the "changed" email. */
export async function removeFromWaitlist(
  actor: Actor | null,
  meetingId: string,
  registrationId: string,
  sessionId: string,
  now: Date = new Date(),
): Promise<void> {
  await onRegistration(actor, meetingId, registrationId, true, async (tx, registration, audit) => {
    await lockSessionCounts(tx, sessionId);
    await waitlistedSeat(tx, registration.id, sessionId);
    await releaseSeat(tx, registration.id, sessionId);
    await dropWaitingNotice(tx, registration.id, sessionId);
    await tx.registration.update({ where: { id: registration.id }, data: { updatedAt: now } });
    await queueRegistrationEmail(tx, {
      kind: "changed",
      registrationId: registration.id,
      releasedSessionIds: [sessionId],
    });
    await audit("removeFromWaitlist", { sessionId, seat: "waitlisted" }, { sessionId, seat: null });
  });
}

/** Queues the email of the registration's current state again: "confirmed" or, while pending, "received". */
export async function resendConfirmation(
  actor: Actor | null,
  meetingId: string,
  registrationId: string,
): Promise<"confirmed" | "received"> {
  return onRegistration(actor, meetingId, registrationId, true, async (tx, registration, audit) => {
    const kind = registration.status === "confirmed" ? "confirmed" : "received";
    const email = await queueRegistrationEmail(tx, { kind, registrationId: registration.id });
    await audit("resend", null, { kind, emailId: email.id });
    return kind;
  });
}
