import "server-only";
import { AppError, notFound } from "../errors";
import { queueRegistrationEmail } from "../mail/registration-emails";
import { releaseAllSeats } from "./manage";
import { registrationTransaction } from "./transaction";

/**
 * Decisions on registrations that wait for approval. Pending registrations hold their seats, so that
 * approving one never overbooks a session; rejecting one passes its seats on to the waiting lists.
 * The organizer screens wrap these functions with their role checks.
 */

async function decide(registrationId: string, decision: "approved" | "rejected", now: Date): Promise<void> {
  await registrationTransaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ status: string }[]>`
      SELECT "status"::text AS "status" FROM "Registration" WHERE "id" = ${registrationId} FOR NO KEY UPDATE`;
    if (!row) throw notFound("Registration");
    if (row.status !== "pending") throw new AppError("not_editable", `The registration is ${row.status}, not pending`);
    const released = decision === "rejected" ? await releaseAllSeats(tx, registrationId) : [];
    await tx.registration.update({
      where: { id: registrationId },
      data: decision === "approved" ? { status: "confirmed" } : { status: "rejected", activeEmail: null, cancelledAt: now },
    });
    await queueRegistrationEmail(tx, { kind: decision, registrationId, releasedSessionIds: released });
  });
}

export function approveRegistration(registrationId: string, now: Date = new Date()): Promise<void> {
  return decide(registrationId, "approved", now);
}

export function rejectRegistration(registrationId: string, now: Date = new Date()): Promise<void> {
  return decide(registrationId, "rejected", now);
}
