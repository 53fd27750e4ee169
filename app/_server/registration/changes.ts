import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import type { DelegateDetails } from "@/app/_lib/registration/fields";
import { registrationWindow, windowSelect, windowState } from "@/app/_lib/registration/window";
import type { Prisma } from "../db";
import { isUniqueViolation } from "../database/errors";
import { AppError, notFound } from "../errors";
import { queueRegistrationEmail } from "./emails/queue";
import { dropWaitingNotice } from "./emails/session-notice/queue";
import { checkCity, checkSessions, refusalOfClosedSessions } from "./choices";
import { releaseSeat, SessionsClosedToSeats, takeSeat } from "./seats";
import { NO_VISA_LETTER } from "./visa-data";

/**
 * Changes of an existing registration, with the rules of registering: the delegate makes them on the
 * manage page (self-service/manage.ts), organizers at the registration desk (desk/desk-mutations.ts,
 * desk/review.ts) and the door (check-in/). Each takes a registration its caller has locked.
 */

type Tx = Prisma.TransactionClient;
export type Locked = { id: string; meetingId: string; status: string; email: string };

/**
 * FOR NO KEY UPDATE: it serializes changes of this registration but, unlike FOR UPDATE, lets other
 * transactions insert rows that point at it (an email, a link) without waiting. With `meetingId` (the
 * back office, which works within one meeting), a registration of another meeting is not found.
 */
export async function lockRegistration(
  tx: Tx,
  id: string | null,
  { editable, meetingId }: { editable: boolean; meetingId?: string },
): Promise<Locked> {
  const [row] = id
    ? await tx.$queryRaw<Locked[]>`
        SELECT "id", "meetingId", "status"::text AS "status", "email" FROM "Registration" WHERE "id" = ${id} FOR NO KEY UPDATE`
    : [];
  if (!row || (meetingId !== undefined && row.meetingId !== meetingId)) throw notFound("Registration");
  if (editable && row.status !== "pending" && row.status !== "confirmed") {
    throw new AppError("not_editable", "The registration is cancelled or rejected");
  }
  return row;
}

/** Tells everyone who moved up from a waiting list. */
async function notifyPromoted(tx: Tx, registrationIds: string[], sessionId: string): Promise<void> {
  for (const registrationId of registrationIds)
    await queueRegistrationEmail(tx, { kind: "promoted", registrationId, sessionId });
}

/** Gives up one seat or waiting place, promoting the next in line and telling them. */
async function release(tx: Tx, registrationId: string, sessionId: string): Promise<void> {
  await notifyPromoted(tx, await releaseSeat(tx, registrationId, sessionId), sessionId);
  await dropWaitingNotice(tx, registrationId, sessionId);
}

/** Releases every seat and waiting-list place of a registration; returns the sessions given up. */
export async function releaseAllSeats(tx: Tx, registrationId: string): Promise<string[]> {
  const seats = await tx.sessionSeat.findMany({
    where: { registrationId },
    select: { sessionId: true },
    orderBy: { sessionId: "asc" },
  });
  for (const { sessionId } of seats) await release(tx, registrationId, sessionId);
  return seats.map((seat) => seat.sessionId);
}

/** An address another active registration of the meeting holds becomes a field error, not a crash. */
export async function refusingTakenEmail<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error, "activeEmail")) {
      throw new AppError("already_registered", "Another registration uses this email address", {
        fields: { email: { key: "alreadyRegistered" } },
      });
    }
    throw error;
  }
}

/**
 * Stores new details of a locked, editable registration; the member city must have room. A visa letter
 * no longer wanted takes its passport details and course with it; one asked for now counts from now.
 */
export async function writeDetails(
  tx: Tx,
  registration: Locked,
  details: DelegateDetails,
  locale: AppLocale,
  now = new Date(),
): Promise<void> {
  await checkCity(tx, registration.meetingId, details.cityId, locale, registration.id);
  await tx.registration.update({
    where: { id: registration.id },
    data: { ...details, activeEmail: details.email, ...(details.visaLetter ? {} : NO_VISA_LETTER) },
  });
  if (details.visaLetter)
    await tx.registration.updateMany({
      where: { id: registration.id, visaRequestedAt: null },
      data: { visaRequestedAt: now },
    });
}

type SessionChange = { added: string[]; released: string[] };

/**
 * Replaces the chosen sessions of a locked, editable registration: gives up the ones dropped (promoting
 * others) and books the new ones, a waiting place where a session is full. `windowApplies`: new
 * sessions only while registration is open (giving one up is always possible). Returns what changed,
 * null when nothing did; the "changed" email is queued.
 */
export async function replaceSessions(
  tx: Tx,
  registration: Locked,
  sessionIds: string[],
  locale: AppLocale,
  { now, windowApplies }: { now: Date; windowApplies: boolean },
): Promise<SessionChange | null> {
  const current = new Set(
    (
      await tx.sessionSeat.findMany({
        where: { registrationId: registration.id },
        select: { sessionId: true },
      })
    ).map((seat) => seat.sessionId),
  );
  const wanted = new Set(sessionIds);
  await checkSessions(tx, registration.meetingId, sessionIds, locale, current);
  const added = [...wanted].filter((id) => !current.has(id));
  const released = [...current].filter((id) => !wanted.has(id));
  if (added.length + released.length === 0) return null;
  if (added.length > 0 && windowApplies) await ensureOpen(tx, registration.meetingId, now);
  for (const sessionId of [...added, ...released].sort()) {
    if (wanted.has(sessionId)) await takeSeatOrRefuse(tx, registration.id, sessionId, sessionIds);
    else await release(tx, registration.id, sessionId);
  }
  // The delegate's calendar changed: LAST-MODIFIED follows the registration's updatedAt.
  await tx.registration.update({ where: { id: registration.id }, data: { updatedAt: now } });
  await queueRegistrationEmail(tx, {
    kind: "changed",
    registrationId: registration.id,
    releasedSessionIds: released,
  });
  return { added, released };
}

/** takeSeat, refusing a session that closed to seats since the check as the check refuses it. */
async function takeSeatOrRefuse(tx: Tx, registrationId: string, sessionId: string, sessionIds: string[]) {
  try {
    await takeSeat(tx, registrationId, sessionId);
  } catch (error) {
    throw error instanceof SessionsClosedToSeats
      ? refusalOfClosedSessions(sessionIds, error.sessionIds)
      : error;
  }
}

async function ensureOpen(tx: Tx, meetingId: string, now: Date): Promise<void> {
  const meeting = await tx.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: windowSelect,
  });
  if (windowState(registrationWindow(meeting), now) !== "open")
    throw new AppError("registration_closed", "Registration is not open");
}

/** Cancels a locked, editable registration; its seats go to the waiting lists. Returns the sessions given up. */
export async function cancelLocked(tx: Tx, registration: Locked, now: Date): Promise<string[]> {
  const released = await releaseAllSeats(tx, registration.id);
  await tx.registration.update({
    where: { id: registration.id },
    data: { status: "cancelled", activeEmail: null, cancelledAt: now },
  });
  await queueRegistrationEmail(tx, {
    kind: "cancelled",
    registrationId: registration.id,
    releasedSessionIds: released,
  });
  return released;
}
