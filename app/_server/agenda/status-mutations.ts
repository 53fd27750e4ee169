import "server-only";
import { nextSequence } from "@/app/_lib/sequence";
import { recordAudit } from "../audit/record";
import { authorize, type Actor } from "../authz";
import { db, type Prisma } from "../db";
import { invalid } from "../errors";
import type { NoticeOutcome } from "../registration/emails/session-notice/queue";
import { registrationTransaction } from "../registration/transaction";
import { noticeSessionChange, type NoticeDecision } from "./change-notices";
import { findAdminMeeting, type AdminMeeting } from "./schedule";
import {
  auditRecord,
  checkConflicts,
  type AcceptedConflicts,
  lockSessionRecord,
  promoteWaitingList,
  segmentPersonIds,
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

export type StatusChange = {
  status: Status;
  sequence: number;
  promoted: string[];
  /** False when the session already had that status (or, with `onlyFrom`, another one): nothing changed. */
  changed: boolean;
  /** The reason stored for conflicts accepted at publication; null without conflicts. */
  conflictNote: string | null;
  /** Delegates whose change notice waits in the outbox, and those not told (README "Change notices"). */
  notices: NoticeOutcome;
};

type Options = {
  /** Why the session is published despite its conflicts; without one, conflicts refuse the publication. */
  reason?: string | null;
  /** Change only a session in this status (publishing drafts in bulk leaves cancelled ones alone). */
  onlyFrom?: Status;
  /** Whether the session's delegates are told of the change; they are unless withheld with a reason. */
  notice?: NoticeDecision;
};

/**
 * Publishing (a draft, or reinstating a cancelled session) runs the editor's conflict check again, on
 * the schedule as it is at that moment: the room, the people and the days may have been taken since the
 * session was saved. Conflicts are refused with each one explained unless a reason is given, which is
 * stored as the session's conflict note and in the audit entry, as the editor does.
 */
async function publicationCheck(
  tx: Prisma.TransactionClient,
  meeting: AdminMeeting,
  current: SessionRecord,
  reason: string | null,
): Promise<AcceptedConflicts | null> {
  const room = current.roomId
    ? await tx.room.findUnique({ where: { id: current.roomId }, select: { capacity: true } })
    : null;
  const personIds = [
    ...current.speakers.map((speaker) => speaker.personId),
    ...(await segmentPersonIds(tx, current.id)),
  ];
  return checkConflicts(tx, meeting, { ...current, status: "published", personIds }, room?.capacity ?? null, {
    override: reason !== null,
    reason,
  });
}

async function changeStatus(
  actor: Actor | null,
  meetingSlug: string,
  sessionId: string,
  status: Status,
  options: Options = {},
): Promise<StatusChange> {
  authorize(actor, "editProgram");
  const meeting = await findAdminMeeting(db, meetingSlug);
  return registrationTransaction(async (tx) => {
    const current = await lockSessionRecord(tx, meeting, sessionId);
    // Saying it twice (a second tab, a repeated click, two organizers publishing the same drafts) changes
    // nothing and logs nothing.
    if (current.status === status || (options.onlyFrom && current.status !== options.onlyFrom)) {
      const { sequence, conflictNote } = current;
      return {
        status: current.status,
        sequence,
        promoted: [],
        changed: false,
        conflictNote,
        notices: { told: 0, withheld: 0 },
      };
    }
    const accepted =
      status === "published"
        ? await publicationCheck(tx, meeting, current, options.reason?.trim() || null)
        : null;
    const conflictNote = status === "published" ? (accepted?.reason ?? null) : current.conflictNote;
    const updated = await tx.session.update({
      where: { id: sessionId },
      data: {
        status,
        conflictNote,
        sequence: nextSequence(current.sequence, current, { ...current, status }),
        firstPublishedAt: current.firstPublishedAt ?? (status === "published" ? new Date() : null),
      },
      select: sessionRecordSelect,
    });
    // Delegates queued while the session was a draft get the seats that are free now.
    const promoted = status === "published" ? await promoteWaitingList(tx, sessionId) : [];
    const notices = await noticeSessionChange(tx, actor, current, updated, options.notice);
    await recordAudit(tx, actor, {
      action: actions[status],
      entity: "Session",
      entityId: sessionId,
      meetingId: meeting.id,
      before: auditRecord(current),
      after: { ...auditRecord(updated), ...(accepted && { acceptedConflicts: accepted.conflicts }) },
      reason: accepted?.reason ?? null,
    });
    return { status, sequence: updated.sequence, promoted, changed: true, conflictNote, notices };
  });
}

/**
 * Publishes a draft or reinstates a cancelled session, after the conflict check (see publicationNote):
 * `conflict` with the conflicts explained, or `invalid` at `reason` for a blank reason.
 */
export function publishSession(
  actor: Actor | null,
  meetingSlug: string,
  sessionId: string,
  options: Options = {},
): Promise<StatusChange> {
  return changeStatus(actor, meetingSlug, sessionId, "published", options);
}

/** Back to draft: off the public agenda and the calendars. */
export function unpublishSession(
  actor: Actor | null,
  meetingSlug: string,
  sessionId: string,
  notice?: NoticeDecision,
): Promise<StatusChange> {
  return changeStatus(actor, meetingSlug, sessionId, "draft", { notice });
}

export function cancelSession(
  actor: Actor | null,
  meetingSlug: string,
  sessionId: string,
  notice?: NoticeDecision,
): Promise<StatusChange> {
  return changeStatus(actor, meetingSlug, sessionId, "cancelled", { notice });
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
