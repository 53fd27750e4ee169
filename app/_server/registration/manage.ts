import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import type { DelegateDetails } from "@/app/_lib/registration/fields";
import { db, type Prisma } from "../db";
import { AppError, notFound } from "../errors";
import { deliverSoon } from "../mail/outbox";
import { queueRegistrationEmail } from "../mail/registration-emails";
import { checkCity, checkSessions, isUniqueViolation } from "./choices";
import { TRANSACTION_OPTIONS } from "./register";
import { releaseSeat, takeSeat } from "./seats";
import { issueAccessToken, registrationIdForToken } from "./tokens";

/**
 * What a delegate does on the manage page, authorized by the manage token alone. Each operation locks
 * the registration's row first, so that two tabs of the same delegate cannot interleave.
 */

type Tx = Prisma.TransactionClient;
type Locked = { id: string; meetingId: string; status: string; language: AppLocale };

async function lockByToken(tx: Tx, token: string, { editable }: { editable: boolean }): Promise<Locked> {
  const id = await registrationIdForToken(tx, token, "manage");
  const [row] = id
    ? await tx.$queryRaw<Locked[]>`
        SELECT "id", "meetingId", "status"::text AS "status", "language"::text AS "language"
        FROM "Registration" WHERE "id" = ${id} FOR UPDATE`
    : [];
  if (!row) throw notFound("Registration");
  if (editable && row.status !== "pending" && row.status !== "confirmed") {
    throw new AppError("not_editable", "The registration is cancelled or rejected");
  }
  return row;
}

/** Runs a change of seats and tells everyone who moved up from a waiting list. */
export async function notifyPromoted(tx: Tx, promoted: { registrationId: string; sessionId: string }[]): Promise<void> {
  for (const { registrationId, sessionId } of promoted) {
    const token = await issueAccessToken(tx, registrationId, "manage");
    await queueRegistrationEmail(tx, { kind: "promoted", registrationId, manageToken: token, sessionId });
  }
}

/** Releases every seat and waiting-list place of a registration, promoting the next in line. */
export async function releaseAllSeats(tx: Tx, registrationId: string): Promise<void> {
  const seats = await tx.sessionSeat.findMany({ where: { registrationId }, select: { sessionId: true }, orderBy: { sessionId: "asc" } });
  for (const { sessionId } of seats) {
    const promoted = await releaseSeat(tx, registrationId, sessionId);
    await notifyPromoted(tx, promoted.map((id) => ({ registrationId: id, sessionId })));
  }
}

async function transaction<T>(run: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await db.$transaction(run, TRANSACTION_OPTIONS);
  deliverSoon();
  return result;
}

export async function updateDetails(token: string, details: DelegateDetails, locale: AppLocale): Promise<void> {
  try {
    await transaction(async (tx) => {
      const registration = await lockByToken(tx, token, { editable: true });
      await checkCity(tx, registration.meetingId, details.cityId, locale, registration.id);
      await tx.registration.update({ where: { id: registration.id }, data: { ...details, activeEmail: details.email } });
    });
  } catch (error) {
    if (isUniqueViolation(error, "activeEmail")) {
      throw new AppError("already_registered", "Another registration uses this email address", { fields: { email: { key: "alreadyRegistered" } } });
    }
    throw error;
  }
}

/** Replaces the chosen sessions: gives up the ones dropped (promoting others) and books the new ones. */
export async function changeSessions(token: string, sessionIds: string[], locale: AppLocale): Promise<void> {
  await transaction(async (tx) => {
    const registration = await lockByToken(tx, token, { editable: true });
    const current = new Set((await tx.sessionSeat.findMany({ where: { registrationId: registration.id }, select: { sessionId: true } })).map((seat) => seat.sessionId));
    const wanted = new Set(sessionIds);
    await checkSessions(tx, registration.meetingId, sessionIds, locale, current);
    const changed = [...new Set([...current, ...wanted])].filter((id) => current.has(id) !== wanted.has(id)).sort();
    if (changed.length === 0) return;
    for (const sessionId of changed) {
      if (wanted.has(sessionId)) await takeSeat(tx, registration.id, sessionId);
      else await notifyPromoted(tx, (await releaseSeat(tx, registration.id, sessionId)).map((id) => ({ registrationId: id, sessionId })));
    }
    // The delegate's calendar changed: LAST-MODIFIED follows the registration's updatedAt.
    await tx.registration.update({ where: { id: registration.id }, data: { updatedAt: new Date() } });
    const confirmation = await issueAccessToken(tx, registration.id, "manage");
    await queueRegistrationEmail(tx, { kind: "changed", registrationId: registration.id, manageToken: confirmation });
  });
}

/** Cancels the registration; its seats go to the waiting lists. The manage page still shows it. */
export async function cancelRegistration(token: string, now: Date = new Date()): Promise<void> {
  await transaction(async (tx) => {
    const registration = await lockByToken(tx, token, { editable: true });
    await releaseAllSeats(tx, registration.id);
    await tx.registration.update({ where: { id: registration.id }, data: { status: "cancelled", activeEmail: null, cancelledAt: now } });
    const confirmation = await issueAccessToken(tx, registration.id, "manage");
    await queueRegistrationEmail(tx, { kind: "cancelled", registrationId: registration.id, manageToken: confirmation });
  });
}

/** Deletes the registration with all its personal data: seats, links, emails, stored answers. */
export async function deleteRegistration(token: string): Promise<void> {
  await transaction(async (tx) => {
    const registration = await lockByToken(tx, token, { editable: false });
    await releaseAllSeats(tx, registration.id);
    await tx.idempotencyKey.deleteMany({ where: { registrationId: registration.id } });
    // Seats, access tokens and outbox emails go with it (ON DELETE CASCADE).
    await tx.registration.delete({ where: { id: registration.id } });
  });
}
