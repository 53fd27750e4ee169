import "server-only";
import { RECORD_ID } from "@/app/_lib/ids";
import { recordAudit } from "../audit/record";
import { authorize, type Actor } from "../authz";
import { notFound } from "../errors";
import { lockRegistration } from "../registration/changes";
import { registrationTransaction } from "../registration/transaction";
import { checkInRecord, checkInRecordSelect, type CheckInRecord } from "./queries";

export type CheckInOutcome =
  /** Recorded now. */
  | ({ result: "checked_in" } & CheckInRecord)
  /** Recorded before: the first arrival, unchanged. */
  | ({ result: "already" } & CheckInRecord)
  /** Only confirmed registrations get in: pending ones wait for approval, the others have ended. */
  | { result: "not_confirmed"; status: "pending" | "cancelled" | "rejected" };

/**
 * Records a delegate's arrival with the time and the staff member. One check-in per registration: when
 * two phones scan the same badge at once, the registration's row lock lets one through first and the
 * insert skips an existing row (ON CONFLICT DO NOTHING), so the second learns when the first was.
 */
export async function checkIn(
  actor: Actor | null,
  meetingId: string,
  registrationId: string,
): Promise<CheckInOutcome> {
  authorize(actor, "checkIn");
  if (!RECORD_ID.test(registrationId)) throw notFound("Registration");
  return registrationTransaction(async (tx) => {
    const registration = await lockRegistration(tx, registrationId, { editable: false });
    if (registration.meetingId !== meetingId) throw notFound("Registration");
    if (registration.status !== "confirmed")
      return { result: "not_confirmed", status: registration.status as "pending" | "cancelled" | "rejected" };
    const at = new Date();
    const { count } = await tx.checkIn.createMany({
      data: [{ registrationId, meetingId, at, staffId: actor.id, staffEmail: actor.email }],
      skipDuplicates: true,
    });
    const record = checkInRecord(
      await tx.checkIn.findUniqueOrThrow({ where: { registrationId }, select: checkInRecordSelect }),
    );
    if (count === 0) return { result: "already", ...record };
    await recordAudit(tx, actor, {
      action: "registration.checkIn",
      entity: "Registration",
      entityId: registrationId,
      meetingId,
      after: { at: record.at, staffEmail: record.staffEmail },
    });
    return { result: "checked_in", ...record };
  });
}
