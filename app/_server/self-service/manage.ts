import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { translatedFields, translationsOf, type Translations } from "@/app/_lib/i18n/localized";
import type { DelegateDetails } from "@/app/_lib/registration/fields";
import { db, type Prisma } from "../db";
import { rateLimitKey } from "../rate-limit";
import { scrubRegistrationAudit } from "../registration/audit-scrub";
import {
  cancelLocked,
  lockRegistration,
  refusingTakenEmail,
  releaseAllSeats,
  replaceSessions,
  writeDetails,
  type Locked,
} from "../registration/changes";
import { registrationIdForToken } from "../registration/tokens";
import { registrationTransaction } from "../registration/transaction";
import { LOST_LINK_EMAIL_SCOPE } from "./lost-link";

/**
 * What a delegate does on the manage page, authorized by the manage token alone. Each operation locks
 * the registration's row first, so that two tabs of the same delegate cannot interleave. The bodies
 * (`writeDetails`, `replaceSessions`, `cancelLocked`) are in registration/changes.ts: the registration
 * desk runs the same rules for organizers (desk/desk-mutations.ts).
 */

type Tx = Prisma.TransactionClient;

export async function lockByToken(tx: Tx, token: string, options: { editable: boolean }): Promise<Locked> {
  return lockRegistration(tx, await registrationIdForToken(tx, token, "manage"), options);
}

export async function updateDetails(
  token: string,
  details: DelegateDetails,
  locale: AppLocale,
): Promise<void> {
  await refusingTakenEmail(() =>
    registrationTransaction(async (tx) =>
      writeDetails(tx, await lockByToken(tx, token, { editable: true }), details, locale),
    ),
  );
}

/** A seat the delegate would give up in a full session (others wait, or no seat is left). */
export type ContestedSeat = { sessionId: string; title: Translations; othersWaiting: boolean };

/**
 * What to do with seats in full sessions that the new choice leaves out: ask first (nothing changes, the
 * seats are returned), give them up as asked, or keep them and save the rest of the choice.
 */
export type GiveUpAnswer = "ask" | "confirmed" | "keep";

/** Saves the delegate's choice of sessions; returns the seats to ask about first, empty when it was saved. */
export async function changeSessions(
  token: string,
  sessionIds: string[],
  locale: AppLocale,
  { giveUp = "ask", now = new Date() }: { giveUp?: GiveUpAnswer; now?: Date } = {},
): Promise<ContestedSeat[]> {
  return registrationTransaction(async (tx) => {
    const registration = await lockByToken(tx, token, { editable: true });
    const contested = giveUp === "confirmed" ? [] : await contestedSeats(tx, registration.id, sessionIds);
    if (giveUp === "ask" && contested.length > 0) return contested;
    const kept = contested.map((seat) => seat.sessionId);
    await replaceSessions(tx, registration, [...sessionIds, ...kept], locale, { now, windowApplies: true });
    return [];
  });
}

/**
 * The confirmed seats outside `sessionIds` in sessions that are full: giving one up hands it to the next
 * person waiting, or to whoever books first, and the delegate cannot take it back. Read on the locked
 * registration, in the transaction that would give the seats up.
 */
async function contestedSeats(
  tx: Tx,
  registrationId: string,
  sessionIds: string[],
): Promise<ContestedSeat[]> {
  const seats = await tx.sessionSeat.findMany({
    where: { registrationId, status: "confirmed", sessionId: { notIn: sessionIds } },
    select: {
      session: {
        select: {
          id: true,
          ...translatedFields("title"),
          capacity: true,
          seatsTaken: true,
          _count: { select: { seats: { where: { status: "waitlisted" } } } },
        },
      },
    },
    orderBy: { session: { startsAt: "asc" } },
  });
  return seats
    .map(({ session }) => ({
      sessionId: session.id,
      title: translationsOf(session, "title"),
      othersWaiting: session._count.seats > 0,
      full: session.capacity !== null && session.seatsTaken >= session.capacity,
    }))
    .filter((seat) => seat.othersWaiting || seat.full)
    .map(({ sessionId, title, othersWaiting }) => ({ sessionId, title, othersWaiting }));
}

/** Cancels the registration; the manage page still shows it. */
export async function cancelRegistration(token: string, now: Date = new Date()): Promise<void> {
  await registrationTransaction(async (tx) => {
    await cancelLocked(tx, await lockByToken(tx, token, { editable: true }), now);
  });
}

/** Deletes the registration with all its personal data: seats, links, emails, stored answers, counters. */
export async function deleteRegistration(token: string): Promise<void> {
  const email = await registrationTransaction(async (tx) => {
    const registration = await lockByToken(tx, token, { editable: false });
    await releaseAllSeats(tx, registration.id);
    await tx.idempotencyKey.deleteMany({ where: { registrationId: registration.id } });
    // The desk's log of this registration keeps what happened, no longer who it was.
    await scrubRegistrationAudit(tx, { registrationId: registration.id });
    // Seats, access tokens and outbox emails go with it (ON DELETE CASCADE).
    await tx.registration.delete({ where: { id: registration.id } });
    return registration.email;
  });
  // The address's lost-link counter, by its keyed digest: made outside the transaction, since the key
  // may have to be read from the database, which the embedded one cannot do beside an open transaction.
  await db.rateLimit.deleteMany({ where: { key: await rateLimitKey(LOST_LINK_EMAIL_SCOPE, email) } });
}
