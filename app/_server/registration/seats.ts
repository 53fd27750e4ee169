import "server-only";
import type { Prisma } from "../db";

/**
 * Seats in sessions with limited capacity (DESIGN §8). Every function runs inside the caller's
 * transaction and first locks the session's row, so that seat-taking, releasing and promotion for one
 * session happen one after another, and `seatsTaken` always equals the confirmed seat rows.
 * Callers touching several sessions go through them in id order, so two transactions never wait on
 * each other's locks in opposite orders.
 */

type Tx = Prisma.TransactionClient;

type LockedSession = { seatsTaken: number; capacity: number | null; waitlistIssued: number; status: string };

async function lockSession(tx: Tx, sessionId: string): Promise<LockedSession> {
  const [row] = await tx.$queryRaw<LockedSession[]>`
    SELECT "seatsTaken", "capacity", "waitlistIssued", "status"::text AS "status" FROM "Session" WHERE "id" = ${sessionId} FOR UPDATE`;
  if (!row) throw new Error(`Session ${sessionId} vanished inside a transaction`);
  return row;
}

/**
 * Seat counters change without touching the session's `updatedAt` (which Prisma's update would set):
 * that timestamp dates the session's calendar event, and a booking does not change the event.
 */
async function adjustSeats(tx: Tx, sessionId: string, by: number): Promise<void> {
  await tx.$executeRaw`UPDATE "Session" SET "seatsTaken" = "seatsTaken" + ${by} WHERE "id" = ${sessionId}`;
}

export type SeatOutcome = { sessionId: string; status: "confirmed" | "waitlisted"; waitlistNumber: number | null };

/** A seat if one is free, otherwise the next number on the waiting list. */
export async function takeSeat(tx: Tx, registrationId: string, sessionId: string): Promise<SeatOutcome> {
  const session = await lockSession(tx, sessionId);
  const status = session.capacity === null || session.seatsTaken < session.capacity ? "confirmed" : "waitlisted";
  const waitlistNumber = status === "confirmed" ? null : session.waitlistIssued + 1;
  // The counter and the seat row in one statement: in a rush, every round trip here is spent holding the
  // session's lock that the next delegate waits for. createdAt as Prisma writes it (UTC), not the column
  // default (the database session's zone).
  await tx.$executeRaw`
    WITH counted AS (
      UPDATE "Session" SET
        "seatsTaken" = "seatsTaken" + ${status === "confirmed" ? 1 : 0},
        "waitlistIssued" = coalesce(${waitlistNumber}::integer, "waitlistIssued")
      WHERE "id" = ${sessionId}
    )
    INSERT INTO "SessionSeat" ("registrationId", "sessionId", "status", "waitlistNumber", "createdAt")
    VALUES (${registrationId}, ${sessionId}, ${status}::"SeatStatus", ${waitlistNumber}::integer, ${new Date()})`;
  return { sessionId, status, waitlistNumber };
}

/** Gives up a seat or a place on the waiting list; a freed seat goes to the first in line. Returns who moved up. */
export async function releaseSeat(tx: Tx, registrationId: string, sessionId: string): Promise<string[]> {
  await lockSession(tx, sessionId);
  const seat = await tx.sessionSeat.delete({
    where: { registrationId_sessionId: { registrationId, sessionId } },
    select: { status: true },
  });
  if (seat.status === "waitlisted") return [];
  await adjustSeats(tx, sessionId, -1);
  return fillFreeSeats(tx, sessionId);
}

/**
 * Moves people up from the waiting list, in order, while seats are free (after a release, or when an
 * organizer raises the capacity). Returns the registrations that moved up. Nobody moves up into a
 * session that is cancelled or not published.
 */
export async function fillFreeSeats(tx: Tx, sessionId: string): Promise<string[]> {
  const session = await lockSession(tx, sessionId);
  if (session.status !== "published") return [];
  const free = session.capacity === null ? Infinity : session.capacity - session.seatsTaken;
  if (free <= 0) return [];
  const next = await tx.sessionSeat.findMany({
    where: { sessionId, status: "waitlisted" },
    orderBy: { waitlistNumber: "asc" },
    take: Number.isFinite(free) ? free : undefined,
    select: { registrationId: true },
  });
  if (next.length === 0) return [];
  const promoted = next.map((seat) => seat.registrationId);
  await tx.sessionSeat.updateMany({ where: { sessionId, registrationId: { in: promoted } }, data: { status: "confirmed" } });
  await adjustSeats(tx, sessionId, promoted.length);
  // Their calendars change (tentative → confirmed): LAST-MODIFIED follows the registration's updatedAt.
  await tx.registration.updateMany({ where: { id: { in: promoted } }, data: { updatedAt: new Date() } });
  return promoted;
}

/** A place on the waiting list: 1 + the waitlisted seats with a lower number (numbers keep gaps, places do not). */
export async function waitlistPlace(client: Pick<Tx, "sessionSeat">, sessionId: string, waitlistNumber: number): Promise<number> {
  const ahead = await client.sessionSeat.count({ where: { sessionId, status: "waitlisted", waitlistNumber: { lt: waitlistNumber } } });
  return ahead + 1;
}
