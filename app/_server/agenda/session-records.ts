import "server-only";
import { translatedFields } from "@/app/_lib/i18n/localized";
import { findConflicts, type Conflict } from "@/app/_lib/conflicts";
import { RECORD_ID } from "@/app/_lib/ids";
import type { SessionInput } from "@/app/_lib/agenda/session-fields";
import type { FieldErrors } from "@/app/_lib/registration/fields";
import type { Prisma } from "../db";
import { AppError, invalid, notFound } from "../errors";
import { queueRegistrationEmail } from "../registration/emails/queue";
import { fillFreeSeats } from "../registration/seats";
import { explainConflicts, loadSchedule, meetingDays, type AdminMeeting } from "./schedule";
import { sessionLineSelect } from "./session-select";

/**
 * The pieces every session mutation shares: the locked row as the audit log records it, the checks of
 * references and conflicts, and moving the waiting list up when seats become free.
 */

type Tx = Prisma.TransactionClient;

export const sessionRecordSelect = {
  ...sessionLineSelect,
  meetingId: true,
  slug: true,
  ...translatedFields("description"),
  internalNotes: true,
  roomId: true,
  trackId: true,
  capacity: true,
  seatsTaken: true,
  languages: true,
  interpretation: true,
  sequence: true,
  firstPublishedAt: true,
  conflictNote: true,
  speakers: { select: { personId: true, role: true }, orderBy: { position: "asc" } },
} as const satisfies Prisma.SessionSelect;

export type SessionRecord = Prisma.SessionGetPayload<{ select: typeof sessionRecordSelect }>;

/**
 * The session of this meeting, its row locked until the transaction ends: seat-taking waits, so the
 * capacity check and the promotion from the waiting list see the seats as they are.
 */
export async function lockSessionRecord(
  tx: Tx,
  meeting: AdminMeeting,
  sessionId: string,
): Promise<SessionRecord> {
  const [locked] = RECORD_ID.test(sessionId)
    ? await tx.$queryRaw<
        { id: string }[]
      >`SELECT "id" FROM "Session" WHERE "id" = ${sessionId} AND "meetingId" = ${meeting.id} FOR UPDATE`
    : [];
  if (!locked) throw notFound("Session");
  return tx.session.findUniqueOrThrow({ where: { id: sessionId }, select: sessionRecordSelect });
}

/** Rooms, tracks and people must exist, rooms and tracks in this meeting; returns the room's capacity. */
export async function checkReferences(
  tx: Tx,
  meetingId: string,
  input: SessionInput,
): Promise<{ roomCapacity: number | null }> {
  const fields: FieldErrors = {};
  const room = input.roomId
    ? await tx.room.findFirst({ where: { id: input.roomId, meetingId }, select: { capacity: true } })
    : null;
  if (input.roomId && !room) fields.roomId = { key: "invalidChoice" };
  if (input.trackId && !(await tx.track.count({ where: { id: input.trackId, meetingId } })))
    fields.trackId = { key: "invalidChoice" };
  const personIds = input.speakers.map((speaker) => speaker.personId);
  const known = new Set(
    (await tx.person.findMany({ where: { id: { in: personIds } }, select: { id: true } })).map(
      (person) => person.id,
    ),
  );
  personIds.forEach((id, index) => {
    if (!known.has(id)) fields[`speakers.${index}.personId`] = { key: "invalidChoice" };
  });
  if (Object.keys(fields).length) throw invalid(fields);
  return { roomCapacity: room?.capacity ?? null };
}

type Candidate = {
  id: string;
  status: SessionRecord["status"];
  startsAt: Date;
  endsAt: Date;
  roomId: string | null;
  capacity: number | null;
  personIds: string[];
};

/** Conflicts the organizer saved or published a session with, and why: the audit entry names both. */
export type AcceptedConflicts = { reason: string; conflicts: Conflict[] };

/**
 * What the session is saved with: null without conflicts, the conflicts and the organizer's reason
 * when they save anyway. Conflicts
 * without "save anyway" are refused with the conflicts explained; "save anyway" without a reason is
 * refused as invalid.
 */
export async function checkConflicts(
  tx: Tx,
  meeting: AdminMeeting,
  candidate: Candidate,
  roomCapacity: number | null,
  decision: Pick<SessionInput, "override" | "reason">,
): Promise<AcceptedConflicts | null> {
  // One schedule check per meeting at a time: two organizers booking the same hall at once would each
  // see the other's slot still free. (FOR NO KEY UPDATE leaves registrations, which only take key-share
  // locks on the meeting through their foreign key, alone.)
  await tx.$executeRaw`SELECT 1 FROM "Meeting" WHERE "id" = ${meeting.id} FOR NO KEY UPDATE`;
  const schedule = await loadSchedule(tx, meeting.id);
  const conflicts = findConflicts({ ...candidate, title: "" }, schedule, {
    days: meetingDays(meeting),
    roomCapacity,
  });
  if (conflicts.length === 0) return null;
  if (!decision.override) {
    throw new AppError("conflict", `${conflicts.length} scheduling conflict(s)`, {
      conflicts: await explainConflicts(tx, conflicts, schedule),
    });
  }
  if (!decision.reason) throw invalid({ reason: { key: "reasonRequired" } });
  return { reason: decision.reason, conflicts };
}

/** Ceremony participants of the session: its people besides the speakers. */
export async function segmentPersonIds(tx: Tx, sessionId: string): Promise<string[]> {
  const rows = await tx.segmentParticipant.findMany({
    where: { segment: { sessionId } },
    select: { personId: true },
  });
  return rows.map((row) => row.personId);
}

/** Moves the waiting list up into free seats and queues each delegate's email; returns who moved up. */
export async function promoteWaitingList(tx: Tx, sessionId: string): Promise<string[]> {
  const promoted = await fillFreeSeats(tx, sessionId);
  for (const registrationId of promoted)
    await queueRegistrationEmail(tx, { kind: "promoted", registrationId, sessionId });
  return promoted;
}

/** The record as the audit log keeps it: the seat counter is left out, it is not the organizer's change. */
export function auditRecord(record: SessionRecord) {
  const { seatsTaken: _seatsTaken, ...rest } = record;
  return rest;
}
