import "server-only";
import {
  ceremonyFieldErrors,
  inducteesInput,
  officialsInput,
  segmentInput,
  segmentOrderInput,
  type SegmentInput,
} from "@/app/_lib/ceremony-input";
import { isPermutationOf, moveById, type Direction } from "@/app/_lib/ceremony-order";
import type { z } from "zod";
import { recordAudit } from "../audit/record";
import { authorize, type Actor } from "../authz";
import { db } from "../db";
import { invalid, notFound } from "../errors";
import { RECORD_ID } from "@/app/_lib/ids";
import { programTextColumns } from "@/app/_lib/schema";
import {
  checkPeople,
  deletedSegmentOf,
  lockCeremony,
  SEGMENT_DELETED,
  segmentOf,
  segmentOrder,
  segmentRecord,
  segmentRecordSelect,
  writeSegmentOrder,
  type CeremonyRef,
  type LockedCeremony,
  type Tx,
} from "./records";

/**
 * Editing a ceremony in the back office: its run-of-show (segments and their order), the cities it
 * admits and its order of precedence. Each change is one transaction with its audit entry and marks the
 * ceremony as changed, so that calendars rebuild.
 */

export type { CeremonyRef } from "./records";

function parse<Schema extends z.ZodType>(schema: Schema, input: unknown, field?: string): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = ceremonyFieldErrors(result.error);
  // A list given on its own reports its problems at the list's field.
  throw invalid(
    field
      ? Object.fromEntries(
          Object.entries(fields).map(([path, problem]) => [
            path === "_" ? field : `${field}.${path}`,
            problem,
          ]),
        )
      : fields,
  );
}

function segmentFields(input: SegmentInput) {
  return {
    durationMinutes: input.durationMinutes,
    ...programTextColumns(input),
  };
}

const participantRows = (personIds: readonly string[]) =>
  personIds.map((personId, position) => ({ personId, position }));

function audited(
  tx: Tx,
  actor: Actor,
  ceremony: LockedCeremony,
  change: {
    action: string;
    /** A segment, or (both left out) the ceremony's session itself. */
    entity?: "CeremonySegment";
    entityId?: string;
    before?: unknown;
    after?: unknown;
  },
) {
  return recordAudit(tx, actor, {
    ...change,
    entity: change.entity ?? "Session",
    entityId: change.entityId ?? ceremony.id,
    meetingId: ceremony.meetingId,
  });
}

/** Adds a segment at the end of the run-of-show. */
export async function createSegment(
  actor: Actor | null,
  ref: CeremonyRef,
  input: unknown,
): Promise<{ id: string }> {
  authorize(actor, "editProgram");
  const data = parse(segmentInput, input);
  return db.$transaction(async (tx) => {
    const ceremony = await lockCeremony(tx, ref, { retimes: true });
    await checkPeople(tx, data.participantIds, "participantIds");
    const last = await tx.ceremonySegment.aggregate({
      where: { sessionId: ceremony.id },
      _max: { position: true },
    });
    const row = await tx.ceremonySegment.create({
      data: {
        sessionId: ceremony.id,
        position: (last._max.position ?? -1) + 1,
        ...segmentFields(data),
        participants: { create: participantRows(data.participantIds) },
      },
      select: segmentRecordSelect,
    });
    await audited(tx, actor, ceremony, {
      action: "ceremonySegment.create",
      entity: "CeremonySegment",
      entityId: row.id,
      after: segmentRecord(row),
    });
    return { id: row.id };
  });
}

/** Changes a segment's duration, titles, public text, internal notes and participants; its place in the order stays. */
export async function updateSegment(
  actor: Actor | null,
  ref: CeremonyRef,
  segmentId: string,
  input: unknown,
): Promise<void> {
  authorize(actor, "editProgram");
  const data = parse(segmentInput, input);
  await db.$transaction(async (tx) => {
    const ceremony = await lockCeremony(tx, ref, { retimes: true });
    const before = await segmentOf(tx, ceremony, segmentId);
    await checkPeople(tx, data.participantIds, "participantIds");
    await tx.segmentParticipant.deleteMany({ where: { segmentId: before.id } });
    const after = await tx.ceremonySegment.update({
      where: { id: before.id },
      data: { ...segmentFields(data), participants: { create: participantRows(data.participantIds) } },
      select: segmentRecordSelect,
    });
    await audited(tx, actor, ceremony, {
      action: "ceremonySegment.update",
      entity: "CeremonySegment",
      entityId: before.id,
      before: segmentRecord(before),
      after: segmentRecord(after),
    });
  });
}

/** Removes a segment; the later ones move up, so positions stay 0…n-1. */
export async function deleteSegment(actor: Actor | null, ref: CeremonyRef, segmentId: string): Promise<void> {
  authorize(actor, "editProgram");
  await db.$transaction(async (tx) => {
    const ceremony = await lockCeremony(tx, ref, { retimes: true });
    const before = await segmentOf(tx, ceremony, segmentId);
    await tx.ceremonySegment.delete({ where: { id: before.id } });
    await writeSegmentOrder(tx, ceremony.id, await segmentOrder(tx, ceremony.id));
    await audited(tx, actor, ceremony, {
      action: SEGMENT_DELETED,
      entity: "CeremonySegment",
      entityId: before.id,
      before: segmentRecord(before),
    });
  });
}

/**
 * Undoes a deletion: the segment comes back with its id (calendars that hold its event see the same one
 * again), at its former place, with its texts, notes and participants, as the audit log recorded it when
 * it was deleted. People deleted meanwhile are left out. A segment that exists (restored already, by a
 * second click) stays as it is.
 */
export async function restoreSegment(
  actor: Actor | null,
  ref: CeremonyRef,
  segmentId: string,
): Promise<void> {
  authorize(actor, "editProgram");
  if (!RECORD_ID.test(segmentId)) throw notFound("Segment");
  await db.$transaction(async (tx) => {
    const ceremony = await lockCeremony(tx, ref, { retimes: true });
    if ((await tx.ceremonySegment.count({ where: { id: segmentId, sessionId: ceremony.id } })) > 0) return;
    const entries = await tx.auditEntry.findMany({
      where: { entity: "CeremonySegment", entityId: segmentId, action: SEGMENT_DELETED },
      orderBy: { at: "desc" },
      take: 1,
      select: { before: true, at: true },
    });
    const deleted = entries[0] ? deletedSegmentOf(entries[0], ceremony.id) : null;
    if (!deleted) throw notFound("Segment");
    const known = new Set(
      (await tx.person.findMany({ where: { id: { in: deleted.participantIds } }, select: { id: true } })).map(
        (person) => person.id,
      ),
    );
    const data = parse(segmentInput, {
      ...deleted,
      participantIds: deleted.participantIds.filter((id) => known.has(id)),
    });
    const order = await segmentOrder(tx, ceremony.id);
    await tx.ceremonySegment.create({
      data: {
        id: deleted.id,
        sessionId: ceremony.id,
        position: order.length,
        ...segmentFields(data),
        participants: { create: participantRows(data.participantIds) },
      },
    });
    const place = Math.min(deleted.position, order.length);
    await writeSegmentOrder(tx, ceremony.id, [...order.slice(0, place), deleted.id, ...order.slice(place)]);
    await audited(tx, actor, ceremony, {
      action: "ceremonySegment.restore",
      entity: "CeremonySegment",
      entityId: deleted.id,
      after: segmentRecord(await segmentOf(tx, ceremony, deleted.id)),
    });
  });
}

async function applyOrder(
  tx: Tx,
  actor: Actor,
  ceremony: LockedCeremony,
  before: string[],
  after: string[],
): Promise<void> {
  if (before.every((id, index) => after[index] === id)) return;
  await writeSegmentOrder(tx, ceremony.id, after);
  await audited(tx, actor, ceremony, {
    action: "ceremony.reorder",
    before: { segmentIds: before },
    after: { segmentIds: after },
  });
}

/**
 * Puts the segments in the given order. The order must name exactly the ceremony's segments, each once:
 * a page that is out of date (a segment added or deleted meanwhile) is told so instead of guessed at.
 */
export async function reorderSegments(
  actor: Actor | null,
  ref: CeremonyRef,
  orderedIds: unknown,
): Promise<void> {
  authorize(actor, "editProgram");
  const order = parse(segmentOrderInput, orderedIds, "segmentIds");
  await db.$transaction(async (tx) => {
    const ceremony = await lockCeremony(tx, ref, { retimes: true });
    const current = await segmentOrder(tx, ceremony.id);
    if (!isPermutationOf(current, order)) throw invalid({ segmentIds: { key: "runOfShowChanged" } });
    await applyOrder(tx, actor, ceremony, current, order);
  });
}

/** One place earlier or later: the keyboard's (and the no-JavaScript form's) way of reordering. */
export async function moveSegment(
  actor: Actor | null,
  ref: CeremonyRef,
  segmentId: string,
  direction: Direction,
): Promise<void> {
  authorize(actor, "editProgram");
  await db.$transaction(async (tx) => {
    const ceremony = await lockCeremony(tx, ref, { retimes: true });
    const segment = await segmentOf(tx, ceremony, segmentId);
    const current = await segmentOrder(tx, ceremony.id);
    await applyOrder(
      tx,
      actor,
      ceremony,
      current,
      moveById(current, (id) => id, segment.id, direction),
    );
  });
}

/** The cities the ceremony admits, replacing the previous choice. Only member cities can be inducted. */
export async function saveInductees(actor: Actor | null, ref: CeremonyRef, cityIds: unknown): Promise<void> {
  authorize(actor, "editProgram");
  const wanted = parse(inducteesInput, cityIds, "cityIds");
  await db.$transaction(async (tx) => {
    const ceremony = await lockCeremony(tx, ref);
    if ((await tx.city.count({ where: { id: { in: wanted } } })) !== wanted.length)
      throw invalid({ cityIds: { key: "invalidChoice" } });
    const before = (
      await tx.ceremonyInductee.findMany({ where: { sessionId: ceremony.id }, select: { cityId: true } })
    ).map((row) => row.cityId);
    await tx.ceremonyInductee.deleteMany({ where: { sessionId: ceremony.id, cityId: { notIn: wanted } } });
    await tx.ceremonyInductee.createMany({
      data: wanted.map((cityId) => ({ sessionId: ceremony.id, cityId })),
      skipDuplicates: true,
    });
    await audited(tx, actor, ceremony, {
      action: "ceremony.inductees",
      before: { cityIds: before.sort() },
      after: { cityIds: [...wanted].sort() },
    });
  });
}

/**
 * The order of precedence as a whole list, first place first: who is seated and named in which order,
 * and (flags) who speaks and who signs, in that same order. Adding, removing and moving all save the list.
 */
export async function saveOfficials(
  actor: Actor | null,
  ref: CeremonyRef,
  officials: unknown,
): Promise<void> {
  authorize(actor, "editProgram");
  const list = parse(officialsInput, officials, "officials");
  await db.$transaction(async (tx) => {
    const ceremony = await lockCeremony(tx, ref);
    await checkPeople(
      tx,
      list.map((official) => official.personId),
      "officials",
    );
    const before = await tx.ceremonyOfficial.findMany({
      where: { sessionId: ceremony.id },
      orderBy: { precedence: "asc" },
      select: { personId: true, speaks: true, signs: true },
    });
    await tx.ceremonyOfficial.deleteMany({ where: { sessionId: ceremony.id } });
    await tx.ceremonyOfficial.createMany({
      data: list.map((official, precedence) => ({ sessionId: ceremony.id, precedence, ...official })),
    });
    await audited(tx, actor, ceremony, {
      action: "ceremony.officials",
      before: { officials: before },
      after: { officials: list },
    });
  });
}
