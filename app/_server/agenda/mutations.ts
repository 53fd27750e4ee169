import "server-only";
import { sessionInterval, type SessionInput } from "@/app/_lib/agenda/session-fields";
import { programTextColumns } from "@/app/_lib/schema";
import { nextSequence } from "@/app/_lib/sequence";
import { recordAudit } from "../audit/record";
import { authorize, type Actor } from "../authz";
import { db, type Prisma } from "../db";
import { invalid } from "../errors";
import { registrationTransaction } from "../registration/transaction";
import { findAdminMeeting, type AdminMeeting } from "./schedule";
import {
  auditRecord,
  checkConflicts,
  checkReferences,
  lockSessionRecord,
  promoteWaitingList,
  segmentPersonIds,
  sessionRecordSelect,
} from "./session-records";

/**
 * Creating and editing sessions in the back office. Each change is one transaction with its audit
 * entry; scheduling conflicts are refused unless the organizer saves anyway with a reason. Status
 * changes and deletion live in status-mutations.ts.
 */

type Tx = Prisma.TransactionClient;

export type SavedSession = { id: string; sequence: number; conflictNote: string | null; promoted: string[] };

function contentOf(input: SessionInput, meeting: AdminMeeting) {
  return {
    kind: input.kind,
    ...programTextColumns(input),
    ...sessionInterval(input, meeting.timeZone),
    roomId: input.roomId,
    trackId: input.trackId,
    capacity: input.capacity,
    languages: input.languages,
    interpretation: input.interpretation,
  };
}

function speakerRows(input: SessionInput) {
  return input.speakers.map((speaker, position) => ({
    personId: speaker.personId,
    role: speaker.role,
    position,
  }));
}

/** A slug from the German title, unique within the meeting: the seed and links use slugs as stable keys. */
export async function uniqueSlug(tx: Tx, meetingId: string, title: string): Promise<string> {
  const base =
    title
      .toLocaleLowerCase("de")
      .replace(/ß/g, "ss")
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 50) || "session";
  const taken = new Set(
    (
      await tx.session.findMany({ where: { meetingId, slug: { startsWith: base } }, select: { slug: true } })
    ).map((row) => row.slug),
  );
  let slug = base;
  for (let suffix = 2; taken.has(slug); suffix++) slug = `${base}-${suffix}`;
  return slug;
}

/** A new session, as a draft: it reaches the public agenda and the calendars once published. */
export async function createSession(
  actor: Actor | null,
  meetingSlug: string,
  input: SessionInput,
): Promise<SavedSession> {
  authorize(actor, "editProgram");
  const meeting = await findAdminMeeting(db, meetingSlug);
  return registrationTransaction(async (tx) => {
    const { roomCapacity } = await checkReferences(tx, meeting.id, input);
    const content = contentOf(input, meeting);
    const accepted = await checkConflicts(
      tx,
      meeting,
      { id: "", status: "draft", ...content, personIds: input.speakers.map((speaker) => speaker.personId) },
      roomCapacity,
      input,
    );
    const conflictNote = accepted?.reason ?? null;
    const created = await tx.session.create({
      data: {
        ...content,
        meetingId: meeting.id,
        slug: await uniqueSlug(tx, meeting.id, input.titleDe),
        status: "draft",
        conflictNote,
        speakers: { create: speakerRows(input) },
      },
      select: sessionRecordSelect,
    });
    await recordAudit(tx, actor, {
      action: "session.create",
      entity: "Session",
      entityId: created.id,
      meetingId: meeting.id,
      after: { ...auditRecord(created), ...(accepted && { acceptedConflicts: accepted.conflicts }) },
      reason: conflictNote,
    });
    return { id: created.id, sequence: created.sequence, conflictNote, promoted: [] };
  });
}

/**
 * Saves the editor's form over a session. The capacity cannot go below the seats taken; when it rises
 * (or the limit goes), the waiting list moves up in the same transaction. SEQUENCE rises only when
 * time, room or status change.
 */
export async function updateSession(
  actor: Actor | null,
  meetingSlug: string,
  sessionId: string,
  input: SessionInput,
): Promise<SavedSession> {
  authorize(actor, "editProgram");
  const meeting = await findAdminMeeting(db, meetingSlug);
  return registrationTransaction(async (tx) => {
    const current = await lockSessionRecord(tx, meeting, sessionId);
    const { roomCapacity } = await checkReferences(tx, meeting.id, input);
    if (input.capacity !== null && input.capacity < current.seatsTaken) {
      throw invalid({ capacity: { key: "capacityBelowTaken", values: { taken: current.seatsTaken } } });
    }
    const content = contentOf(input, meeting);
    const personIds = [
      ...input.speakers.map((speaker) => speaker.personId),
      ...(await segmentPersonIds(tx, sessionId)),
    ];
    const accepted = await checkConflicts(
      tx,
      meeting,
      { id: sessionId, status: current.status, ...content, personIds },
      roomCapacity,
      input,
    );
    const conflictNote = accepted?.reason ?? null;
    await tx.sessionSpeaker.deleteMany({ where: { sessionId } });
    const updated = await tx.session.update({
      where: { id: sessionId },
      data: {
        ...content,
        conflictNote,
        sequence: nextSequence(current.sequence, current, { ...content, status: current.status }),
        speakers: { create: speakerRows(input) },
      },
      select: sessionRecordSelect,
    });
    const seatsFreed =
      current.capacity !== null && (input.capacity === null || input.capacity > current.capacity);
    const promoted = seatsFreed ? await promoteWaitingList(tx, sessionId) : [];
    await recordAudit(tx, actor, {
      action: "session.update",
      entity: "Session",
      entityId: sessionId,
      meetingId: meeting.id,
      before: auditRecord(current),
      after: { ...auditRecord(updated), ...(accepted && { acceptedConflicts: accepted.conflicts }) },
      reason: conflictNote,
    });
    return { id: sessionId, sequence: updated.sequence, conflictNote, promoted };
  });
}
