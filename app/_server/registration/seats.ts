import "server-only";
import { closedToSeats } from "@/app/_lib/registration/bookable";
import type { Prisma } from "../db";

/**
 * Seats in sessions with limited capacity (README "Registration"). Every function runs inside the caller's
 * transaction and first locks the session's row, so that seat-taking, releasing and promotion for one
 * session happen one after another, and `seatsTaken` always equals the confirmed seat rows.
 * Callers touching several sessions go through them in id order, so two transactions never wait on
 * each other's locks in opposite orders.
 */

type Tx = Prisma.TransactionClient;

/**
 * Thrown by takeSeats when a session, read again on its locked row, no longer takes seats. The
 * transaction must not commit; callers answer the delegate with the refusal the check before the lock
 * gives (choices.ts, refusalOfClosedSessions).
 */
export class SessionsClosedToSeats extends Error {
  constructor(readonly sessionIds: string[]) {
    super(`Sessions no longer taking seats: ${sessionIds.join(", ")}`);
    this.name = "SessionsClosedToSeats";
  }
}

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

export type SeatOutcome = { registrationId: string; sessionId: string } & (
  | { status: "confirmed"; waitlistNumber: null; place: null }
  /** `place`: on the waiting list, 1 = next to move up (see waitlistPlaces). */
  | { status: "waitlisted"; waitlistNumber: number; place: number }
);

/** A seat if one is free, otherwise the next number on the waiting list. */
export async function takeSeat(tx: Tx, registrationId: string, sessionId: string): Promise<SeatOutcome> {
  const [outcome] = await takeSeats(tx, [{ registrationId, sessionId }]);
  return outcome!;
}

/**
 * Seats for many delegates at once, given in the order they are served: each a seat while the session
 * has one free, then the next number on its waiting list. Two statements whatever their number: the
 * sessions' rows are locked (in id order) and read, and then the counters and the seat rows are written
 * together. In a rush every round trip here is spent holding locks that the next transaction waits for.
 *
 * The callers checked the sessions before (choices.ts), without the lock; a session cancelled or
 * unpublished since then (agenda/status-mutations.ts changes it under the same lock) is refused here,
 * on the locked row, with SessionsClosedToSeats, and nothing is written.
 */
export async function takeSeats(
  tx: Tx,
  wanted: { registrationId: string; sessionId: string }[],
): Promise<SeatOutcome[]> {
  if (wanted.length === 0) return [];
  const ids = [...new Set(wanted.map((seat) => seat.sessionId))];
  const locked = await tx.$queryRaw<(LockedSession & { id: string })[]>`
    SELECT "id", "seatsTaken", "capacity", "waitlistIssued", "status"::text AS "status" FROM "Session"
    WHERE "id" = ANY(${ids}::text[]) ORDER BY "id" FOR UPDATE`;
  const sessions = new Map(locked.map((session) => [session.id, session]));
  const closed = closedToSeats(locked);
  if (closed.length > 0) throw new SessionsClosedToSeats(closed);
  type Taken = {
    registrationId: string;
    sessionId: string;
    status: "confirmed" | "waitlisted";
    waitlistNumber: number | null;
  };
  const taken = wanted.map(({ registrationId, sessionId }): Taken => {
    const session = sessions.get(sessionId);
    if (!session) throw new Error(`Session ${sessionId} vanished inside a transaction`);
    if (session.capacity === null || session.seatsTaken < session.capacity) {
      session.seatsTaken += 1;
      return { registrationId, sessionId, status: "confirmed", waitlistNumber: null };
    }
    session.waitlistIssued += 1;
    return { registrationId, sessionId, status: "waitlisted", waitlistNumber: session.waitlistIssued };
  });
  // The count sees the waiting lists as they were before this statement (its snapshot, taken once the
  // locks above were held, so with every earlier change committed): the new places follow on from it.
  const before = await tx.$queryRaw<{ id: string; waitlisted: number }[]>`
    WITH "counted" AS (
      UPDATE "Session" SET "seatsTaken" = counters."seatsTaken", "waitlistIssued" = counters."waitlistIssued"
      FROM unnest(${locked.map((session) => session.id)}::text[], ${locked.map((session) => session.seatsTaken)}::integer[],
                  ${locked.map((session) => session.waitlistIssued)}::integer[]) AS counters("id", "seatsTaken", "waitlistIssued")
      WHERE "Session"."id" = counters."id"
    ), "seated" AS (
      INSERT INTO "SessionSeat" ("registrationId", "sessionId", "status", "waitlistNumber")
      SELECT "registrationId", "sessionId", "status"::"SeatStatus", "waitlistNumber"
      FROM unnest(${taken.map((seat) => seat.registrationId)}::text[], ${taken.map((seat) => seat.sessionId)}::text[],
                  ${taken.map((seat) => seat.status)}::text[], ${taken.map((seat) => seat.waitlistNumber)}::integer[])
        AS seats("registrationId", "sessionId", "status", "waitlistNumber")
    )
    SELECT locked."id", (SELECT count(*)::integer FROM "SessionSeat" w WHERE w."sessionId" = locked."id" AND w."status" = 'waitlisted') AS "waitlisted"
    FROM unnest(${ids}::text[]) AS locked("id")`;
  const places = new Map(before.map((session) => [session.id, session.waitlisted]));
  return taken.map((seat): SeatOutcome => {
    if (seat.status === "confirmed")
      return { ...seat, status: "confirmed", waitlistNumber: null, place: null };
    const place = places.get(seat.sessionId)! + 1;
    places.set(seat.sessionId, place);
    return { ...seat, status: "waitlisted", waitlistNumber: seat.waitlistNumber!, place };
  });
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
  await tx.sessionSeat.updateMany({
    where: { sessionId, registrationId: { in: promoted } },
    data: { status: "confirmed" },
  });
  await adjustSeats(tx, sessionId, promoted.length);
  // Their calendars change (tentative → confirmed): LAST-MODIFIED follows the registration's updatedAt.
  await tx.registration.updateMany({ where: { id: { in: promoted } }, data: { updatedAt: new Date() } });
  return promoted;
}

/**
 * The waiting-list places of the registrations' waitlisted seats, by "sessionId/registrationId": 1 + the
 * waitlisted seats of the session with a lower number (numbers keep gaps, places do not). One query for
 * any number of registrations.
 */
export async function waitlistPlaces(
  client: Pick<Tx, "$queryRaw">,
  registrationIds: string[],
): Promise<Map<string, number>> {
  if (registrationIds.length === 0) return new Map();
  const rows = await client.$queryRaw<{ sessionId: string; registrationId: string; place: number }[]>`
    SELECT "sessionId", "registrationId", "place"::integer AS "place" FROM (
      SELECT "sessionId", "registrationId", row_number() OVER (PARTITION BY "sessionId" ORDER BY "waitlistNumber") AS "place"
      FROM "SessionSeat"
      WHERE "status" = 'waitlisted' AND "sessionId" IN (
        SELECT "sessionId" FROM "SessionSeat" WHERE "registrationId" = ANY(${registrationIds}::text[]) AND "status" = 'waitlisted')
    ) AS "ranked"
    WHERE "registrationId" = ANY(${registrationIds}::text[])`;
  return new Map(rows.map((row) => [`${row.sessionId}/${row.registrationId}`, row.place]));
}
