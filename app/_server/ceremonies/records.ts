import "server-only";
import { z } from "zod";
import { translatedFields } from "@/app/_lib/i18n/localized";
import { RECORD_ID } from "@/app/_lib/ids";
import type { Prisma } from "../db";
import { invalid, notFound } from "../errors";
import { announce } from "../live/bus";

/**
 * What the ceremony mutations share: finding the ceremony (and locking it), the audit records of a
 * segment, writing an order without tripping over the unique (sessionId, position) index.
 */

export type Tx = Prisma.TransactionClient;

/** A ceremony as the back office addresses it: by its meeting and its id, as in the URL. */
export type CeremonyRef = { meetingSlug: string; sessionId: string };

export type LockedCeremony = { id: string; meetingId: string };

/**
 * The ceremony, locked for the rest of the transaction, and marked as changed so that feeds and ETags
 * that follow `updatedAt` rebuild. Taking the row lock first serializes concurrent edits of one ceremony,
 * so two reorders cannot interleave their position writes. `retimes`: the change can move segments in
 * time (adding, changing, removing, reordering), so SEQUENCE rises for the run-of-show feed, whose
 * segment events take the ceremony's; the ceremony's own event then gets a new SEQUENCE with the same
 * times, which calendar apps simply take over.
 */
export async function lockCeremony(
  tx: Tx,
  ref: CeremonyRef,
  { retimes = false } = {},
): Promise<LockedCeremony> {
  if (!RECORD_ID.test(ref.sessionId)) throw notFound("Ceremony");
  const { count } = await tx.session.updateMany({
    where: { id: ref.sessionId, kind: "ceremony", meeting: { slug: ref.meetingSlug } },
    data: { updatedAt: new Date() },
  });
  if (count === 0) throw notFound("Ceremony");
  const ceremony = await tx.session.findUniqueOrThrow({
    where: { id: ref.sessionId },
    select: { id: true, meetingId: true, firstPublishedAt: true },
  });
  // A ceremony never published reached no calendar (app/_lib/sequence.ts).
  if (retimes && ceremony.firstPublishedAt !== null)
    await tx.session.update({ where: { id: ceremony.id }, data: { sequence: { increment: 1 } } });
  // Screens following the show on the day take the edit (a title, a note) when it commits.
  await announce(tx, ceremony.id, "edit");
  return { id: ceremony.id, meetingId: ceremony.meetingId };
}

export const segmentRecordSelect = {
  id: true,
  sessionId: true,
  position: true,
  durationMinutes: true,
  ...translatedFields("title"),
  ...translatedFields("description"),
  internalNotes: true,
  participants: { orderBy: { position: "asc" }, select: { personId: true } },
} as const satisfies Prisma.CeremonySegmentSelect;

type SegmentRow = Prisma.CeremonySegmentGetPayload<{ select: typeof segmentRecordSelect }>;

/**
 * A segment as the audit log keeps it: its fields and its participants in order. A deleted segment is
 * restored from this record (`restoreSegment`), so it holds everything the segment was.
 */
export function segmentRecord(row: SegmentRow) {
  const { participants, ...fields } = row;
  return { ...fields, participantIds: participants.map((participant) => participant.personId) };
}

/** The action of a segment's deletion in the audit log: its `before` is what an undo restores. */
export const SEGMENT_DELETED = "ceremonySegment.delete";

const text = z.string().nullable().optional();

/** The shape `segmentRecord` stores; entries written before segments carried their ceremony do not match. */
const deletedSegmentRecord = z.object({
  id: z.string().regex(RECORD_ID),
  sessionId: z.string(),
  position: z.number().int().min(0),
  durationMinutes: z.number().int(),
  titleDe: z.string(),
  titleEn: text,
  titleZh: text,
  descriptionDe: text,
  descriptionEn: text,
  descriptionZh: text,
  internalNotes: text,
  participantIds: z.array(z.string()),
});
export type DeletedSegment = z.output<typeof deletedSegmentRecord> & { deletedAt: Date };

/** A deletion's `before` as a segment of this ceremony, or null (another ceremony's, or an older shape). */
export function deletedSegmentOf(
  entry: { before: unknown; at: Date },
  ceremonyId: string,
): DeletedSegment | null {
  const parsed = deletedSegmentRecord.safeParse(entry.before);
  return parsed.success && parsed.data.sessionId === ceremonyId
    ? { ...parsed.data, deletedAt: entry.at }
    : null;
}

/** The segment of this ceremony, or `not_found` (a segment of another ceremony is not found here either). */
export async function segmentOf(tx: Tx, ceremony: LockedCeremony, segmentId: string): Promise<SegmentRow> {
  const row = RECORD_ID.test(segmentId)
    ? await tx.ceremonySegment.findFirst({
        where: { id: segmentId, sessionId: ceremony.id },
        select: segmentRecordSelect,
      })
    : null;
  if (!row) throw notFound("Segment");
  return row;
}

/** The ceremony's segment ids in their current order. */
export async function segmentOrder(tx: Tx, sessionId: string): Promise<string[]> {
  const rows = await tx.ceremonySegment.findMany({
    where: { sessionId },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** Far below any position a ceremony will use. */
const PARKING_OFFSET = 1_000_000;

/**
 * Gives the segments positions 0…n-1 in the given order. The unique (sessionId, position) index is
 * checked row by row, so swapping two positions directly would collide midway: every segment is first
 * parked at a negative position (one statement, all shifted alike, none meets another), then set.
 */
export async function writeSegmentOrder(
  tx: Tx,
  sessionId: string,
  orderedIds: readonly string[],
): Promise<void> {
  await tx.ceremonySegment.updateMany({
    where: { sessionId },
    data: { position: { decrement: PARKING_OFFSET } },
  });
  for (const [position, id] of orderedIds.entries()) {
    await tx.ceremonySegment.update({ where: { id }, data: { position } });
  }
}

/** People that exist, or `invalid` at the field that named them. */
export async function checkPeople(tx: Tx, personIds: readonly string[], field: string): Promise<void> {
  if (personIds.length === 0) return;
  const found = await tx.person.count({ where: { id: { in: [...personIds] } } });
  if (found !== new Set(personIds).size) throw invalid({ [field]: { key: "invalidChoice" } });
}
