import "server-only";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { deliverSoon } from "../mail/outbox";
import { queueRegistrationEmail } from "../mail/registration-emails";
import { releaseAllSeats } from "./manage";
import { TRANSACTION_OPTIONS } from "./register";
import { issueAccessToken } from "./tokens";

/**
 * Decisions on registrations that wait for approval. Pending registrations hold their seats, so that
 * approving one never overbooks a session; rejecting one passes its seats on to the waiting lists.
 * The organizer screens and their role checks wrap these functions.
 */

async function decide(registrationId: string, decision: "approved" | "rejected", now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ status: string }[]>`
      SELECT "status"::text AS "status" FROM "Registration" WHERE "id" = ${registrationId} FOR UPDATE`;
    if (!row) throw notFound("Registration");
    if (row.status !== "pending") throw new AppError("not_editable", `The registration is ${row.status}, not pending`);
    if (decision === "rejected") await releaseAllSeats(tx, registrationId);
    await tx.registration.update({
      where: { id: registrationId },
      data: decision === "approved" ? { status: "confirmed" } : { status: "rejected", activeEmail: null, cancelledAt: now },
    });
    const token = await issueAccessToken(tx, registrationId, "manage");
    await queueRegistrationEmail(tx, { kind: decision, registrationId, manageToken: token });
  }, TRANSACTION_OPTIONS);
  deliverSoon();
}

export function approveRegistration(registrationId: string, now: Date = new Date()): Promise<void> {
  return decide(registrationId, "approved", now);
}

export function rejectRegistration(registrationId: string, now: Date = new Date()): Promise<void> {
  return decide(registrationId, "rejected", now);
}
