import "server-only";
import { authorize, type Actor } from "../authz";
import { recordAudit } from "../audit/record";
import type { Prisma } from "../db";
import { AppError } from "../errors";
import { queueRegistrationEmail } from "../registration/emails/queue";
import { lockRegistration, releaseAllSeats } from "../registration/changes";
import { registrationTransaction } from "../registration/transaction";

/**
 * Decisions on registrations that wait for approval. Pending registrations hold their seats, so that
 * approving one never overbooks a session; rejecting one passes its seats on to the waiting lists.
 */

type Decision = "approved" | "rejected";

/**
 * The decision on a locked registration; `message` (the organizer's words) goes into the delegate's
 * email. With `meetingId` (the desk's meeting), a registration of another meeting is not found.
 */
async function decide(
  tx: Prisma.TransactionClient,
  registrationId: string,
  decision: Decision,
  now: Date,
  message: string | null,
  meetingId?: string,
) {
  const row = await lockRegistration(tx, registrationId, { editable: false, meetingId });
  if (row.status !== "pending")
    throw new AppError("not_editable", `The registration is ${row.status}, not pending`);
  const released = decision === "rejected" ? await releaseAllSeats(tx, registrationId) : [];
  await tx.registration.update({
    where: { id: registrationId },
    data:
      decision === "approved"
        ? { status: "confirmed" }
        : { status: "rejected", activeEmail: null, cancelledAt: now },
  });
  await queueRegistrationEmail(tx, { kind: decision, registrationId, releasedSessionIds: released, message });
  return { meetingId: row.meetingId, released };
}

/** Without an organizer behind it (demo data, scripts): no audit entry, no message. */
export async function approveRegistration(registrationId: string, now: Date = new Date()): Promise<void> {
  await registrationTransaction((tx) => decide(tx, registrationId, "approved", now, null));
}

export async function rejectRegistration(registrationId: string, now: Date = new Date()): Promise<void> {
  await registrationTransaction((tx) => decide(tx, registrationId, "rejected", now, null));
}

/** The registration desk's approval or rejection, with an optional message to the delegate, audited. */
export async function reviewRegistration(
  actor: Actor | null,
  meetingId: string,
  registrationId: string,
  decision: Decision,
  message: string | null,
  now: Date = new Date(),
): Promise<void> {
  authorize(actor, "manageRegistrations");
  await registrationTransaction(async (tx) => {
    const { released } = await decide(tx, registrationId, decision, now, message, meetingId);
    await recordAudit(tx, actor, {
      action: decision === "approved" ? "registration.approve" : "registration.reject",
      entity: "Registration",
      entityId: registrationId,
      meetingId,
      before: { status: "pending" },
      after: {
        status: decision === "approved" ? "confirmed" : "rejected",
        message,
        releasedSessionIds: released,
      },
    });
  });
}
