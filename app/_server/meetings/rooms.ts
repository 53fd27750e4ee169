import "server-only";
import type { z } from "zod";
import { roomInput, trackInput, type RoomInput, type TrackInput } from "@/app/_lib/meetings/fields";
import { slugify } from "@/app/_lib/slugs";
import { recordAudit } from "../audit/record";
import { authorize, type Actor } from "../authz";
import { db, type Prisma } from "../db";
import { invalid, notFound } from "../errors";
import { parseInput } from "./input";
import { roomSettings, trackSettings } from "./room-queries";
import { firstFreeSlug } from "./slugs";

/**
 * Rooms and tracks of a meeting. Their keys (slugs) are made once from the name and then kept, so that
 * feed addresses by track stay valid when an organizer renames one. Both are kept alike (created with a
 * free slug, saved, deleted while no session uses them, each change in the audit log), so one set of
 * functions serves both, told apart by a `Part` that reaches the table.
 */

type Tx = Prisma.TransactionClient;

const roomFields = { id: true, meetingId: true, ...roomSettings } as const;
const trackFields = { id: true, meetingId: true, ...trackSettings } as const;

type Kept = { id: string; meetingId: string };
type Where = { id: string } | { meetingId_slug: { meetingId: string; slug: string } };

/** A meeting's rooms or tracks, as the functions below keep them. */
type Part<Row extends Kept, Input> = {
  entity: "Room" | "Track";
  schema: z.ZodType<Input>;
  find(tx: Tx, where: Where): Promise<Row | null>;
  create(tx: Tx, data: Input & { meetingId: string; slug: string }): Promise<Row>;
  update(tx: Tx, id: string, data: Input): Promise<Row>;
  /** What else a saved change means, beyond the row. */
  afterUpdate?(tx: Tx, before: Row, after: Row): Promise<void>;
  remove(tx: Tx, id: string): Promise<unknown>;
  sessionsUsing(tx: Tx, id: string): Promise<number>;
};

/**
 * A new name or place of a room is a change of place for every session in it: their calendar SEQUENCE
 * rises (and with it updatedAt), so that subscribed calendars take the new location.
 */
async function moveSessions(tx: Tx, before: RoomRecord, after: RoomRecord): Promise<void> {
  const moved = (["nameDe", "nameEn", "nameZh", "location"] as const).some(
    (field) => before[field] !== after[field],
  );
  if (moved)
    await tx.session.updateMany({ where: { roomId: after.id }, data: { sequence: { increment: 1 } } });
}

type RoomRecord = Prisma.RoomGetPayload<{ select: typeof roomFields }>;
type TrackRecord = Prisma.TrackGetPayload<{ select: typeof trackFields }>;

const rooms: Part<RoomRecord, RoomInput> = {
  entity: "Room",
  schema: roomInput,
  find: (tx, where) => tx.room.findUnique({ where, select: roomFields }),
  create: (tx, data) => tx.room.create({ data, select: roomFields }),
  update: (tx, id, data) => tx.room.update({ where: { id }, data, select: roomFields }),
  afterUpdate: moveSessions,
  remove: (tx, id) => tx.room.delete({ where: { id } }),
  sessionsUsing: (tx, roomId) => tx.session.count({ where: { roomId } }),
};

const tracks: Part<TrackRecord, TrackInput> = {
  entity: "Track",
  schema: trackInput,
  find: (tx, where) => tx.track.findUnique({ where, select: trackFields }),
  create: (tx, data) => tx.track.create({ data, select: trackFields }),
  update: (tx, id, data) => tx.track.update({ where: { id }, data, select: trackFields }),
  remove: (tx, id) => tx.track.delete({ where: { id } }),
  sessionsUsing: (tx, trackId) => tx.session.count({ where: { trackId } }),
};

/** "room.create", "track.delete", … */
const action = (part: { entity: string }, verb: "create" | "update" | "delete") =>
  `${part.entity.toLowerCase()}.${verb}`;

/** The slug from the English name (else the German one): "saal-2", or "saal-2-2" when the meeting has one. */
function freeSlug<Row extends Kept, Input>(
  tx: Tx,
  part: Part<Row, Input>,
  meetingId: string,
  name: { nameDe: string; nameEn: string },
) {
  const base = slugify(name.nameEn || name.nameDe) || part.entity.toLowerCase();
  return firstFreeSlug(base, async (slug) =>
    Boolean(await part.find(tx, { meetingId_slug: { meetingId, slug } })),
  );
}

async function createPart<Row extends Kept, Input extends { nameDe: string; nameEn: string }>(
  part: Part<Row, Input>,
  actor: Actor | null,
  meetingId: string,
  input: unknown,
): Promise<{ id: string }> {
  authorize(actor, "editProgram");
  const data = parseInput(part.schema, input);
  return db.$transaction(async (tx) => {
    if (!(await tx.meeting.findUnique({ where: { id: meetingId }, select: { id: true } })))
      throw notFound("Meeting");
    const slug = await freeSlug(tx, part, meetingId, data);
    const row = await part.create(tx, { ...data, meetingId, slug });
    await recordAudit(tx, actor, {
      action: action(part, "create"),
      entity: part.entity,
      entityId: row.id,
      meetingId,
      after: row,
    });
    return { id: row.id };
  });
}

async function updatePart<Row extends Kept, Input>(
  part: Part<Row, Input>,
  actor: Actor | null,
  id: string,
  input: unknown,
): Promise<void> {
  authorize(actor, "editProgram");
  const data = parseInput(part.schema, input);
  await db.$transaction(async (tx) => {
    const before = await part.find(tx, { id });
    if (!before) throw notFound(part.entity);
    const after = await part.update(tx, id, data);
    await part.afterUpdate?.(tx, before, after);
    await recordAudit(tx, actor, {
      action: action(part, "update"),
      entity: part.entity,
      entityId: id,
      meetingId: before.meetingId,
      before,
      after,
    });
  });
}

/** Deletes a room or track no session uses; `invalid` with `inUse` otherwise. */
async function deletePart<Row extends Kept, Input>(
  part: Part<Row, Input>,
  actor: Actor | null,
  id: string,
): Promise<void> {
  authorize(actor, "editProgram");
  await db.$transaction(async (tx) => {
    const before = await part.find(tx, { id });
    if (!before) throw notFound(part.entity);
    if (await part.sessionsUsing(tx, id)) throw invalid({ _: { key: "inUse" } });
    await part.remove(tx, id);
    await recordAudit(tx, actor, {
      action: action(part, "delete"),
      entity: part.entity,
      entityId: id,
      meetingId: before.meetingId,
      before,
    });
  });
}

export const createRoom = (actor: Actor | null, meetingId: string, input: unknown) =>
  createPart(rooms, actor, meetingId, input);
/** Saves a room; see `moveSessions` for what a new name or place does to its sessions. */
export const updateRoom = (actor: Actor | null, roomId: string, input: unknown) =>
  updatePart(rooms, actor, roomId, input);
export const deleteRoom = (actor: Actor | null, roomId: string) => deletePart(rooms, actor, roomId);

export const createTrack = (actor: Actor | null, meetingId: string, input: unknown) =>
  createPart(tracks, actor, meetingId, input);
export const updateTrack = (actor: Actor | null, trackId: string, input: unknown) =>
  updatePart(tracks, actor, trackId, input);
export const deleteTrack = (actor: Actor | null, trackId: string) => deletePart(tracks, actor, trackId);
