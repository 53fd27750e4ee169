import "server-only";
import { nextSequence } from "@/app/_lib/sequence";
import { recordAudit } from "../audit/record";
import { authorize, type Actor } from "../authz";
import { db } from "../db";
import { invalid } from "../errors";
import { registrationTransaction } from "../registration/transaction";
import { findAdminMeeting } from "./schedule";
import {
  auditRecord,
  lockSessionRecord,
  promoteWaitingList,
  sessionRecordSelect,
  type SessionRecord,
} from "./session-records";

/**
 * A session's life: draft → published → cancelled, and back. Cancelled sessions stay in the calendars
 * with STATUS:CANCELLED, and their delegates keep their seats (they may be reinstated). Only drafts
 * without bookings can be deleted: a published session vanishing would leave stale events behind.
 */

type Status = SessionRecord["status"];

const actions: Record<Status, string> = {
  published: "session.publish",
  draft: "session.unpublish",
  cancelled: "session.cancel",
};

export type StatusChange = { status: Status; sequence: number; promoted: string[] };

async function changeStatus(
  actor: Actor | null,
  meetingSlug: string,
  sessionId: string,
  status: Status,
): Promise<StatusChange> {
  authorize(actor, "editProgram");
  const meeting = await findAdminMeeting(db, meetingSlug);
  return registrationTransaction(async (tx) => {
    const current = await lockSessionRecord(tx, meeting, sessionId);
    // Saying it twice (a second tab, a repeated click) changes nothing and logs nothing.
    if (current.status === status) return { status, sequence: current.sequence, promoted: [] };
    const updated = await tx.session.update({
      where: { id: sessionId },
      data: {
        status,
        sequence: nextSequence(current.sequence, current, { ...current, status }),
        firstPublishedAt: current.firstPublishedAt ?? (status === "published" ? new Date() : null),
      },
      select: sessionRecordSelect,
    });
    // Delegates queued while the session was a draft get the seats that are free now.
    const promoted = status === "published" ? await promoteWaitingList(tx, sessionId) : [];
    await recordAudit(tx, actor, {
      action: actions[status],
      entity: "Session",
      entityId: sessionId,
      meetingId: meeting.id,
      before: auditRecord(current),
      after: auditRecord(updated),
    });
    return { status, sequence: updated.sequence, promoted };
  });
}

export function publishSession(
  actor: Actor | null,
  meetingSlug: string,
  sessionId: string,
): Promise<StatusChange> {
  return changeStatus(actor, meetingSlug, sessionId, "published");
}

/** Back to draft: off the public agenda and the calendars. */
export function unpublishSession(
  actor: Actor | null,
  meetingSlug: string,
  sessionId: string,
): Promise<StatusChange> {
  return changeStatus(actor, meetingSlug, sessionId, "draft");
}

export function cancelSession(
  actor: Actor | null,
  meetingSlug: string,
  sessionId: string,
): Promise<StatusChange> {
  return changeStatus(actor, meetingSlug, sessionId, "cancelled");
}

/** Deletes a draft nobody has booked; anything else is refused with the reason, at the confirmation box. */
export async function deleteSession(
  actor: Actor | null,
  meetingSlug: string,
  sessionId: string,
): Promise<void> {
  authorize(actor, "editProgram");
  const meeting = await findAdminMeeting(db, meetingSlug);
  await registrationTransaction(async (tx) => {
    const current = await lockSessionRecord(tx, meeting, sessionId);
    if (current.status !== "draft") throw invalid({ confirm: { key: "sessionNotDraft" } });
    const bookings = await tx.sessionSeat.count({ where: { sessionId } });
    if (bookings > 0) throw invalid({ confirm: { key: "sessionHasBookings", values: { count: bookings } } });
    await tx.session.delete({ where: { id: sessionId } });
    await recordAudit(tx, actor, {
      action: "session.delete",
      entity: "Session",
      entityId: sessionId,
      meetingId: meeting.id,
      before: auditRecord(current),
    });
  });
}
