import "server-only";
import { roomInput, slugify, trackInput } from "@/app/_lib/meetings/fields";
import { recordAudit } from "../audit/record";
import { authorize, type Actor } from "../authz";
import { db, type Prisma } from "../db";
import { invalid, notFound } from "../errors";
import { parseInput } from "./input";

/**
 * Rooms and tracks of a meeting. Their keys (slugs) are made once from the name and then kept, so that
 * feed addresses by track stay valid when an organizer renames one.
 */

type Tx = Prisma.TransactionClient;

const roomFields = {
  id: true,
  meetingId: true,
  slug: true,
  nameDe: true,
  nameEn: true,
  nameZh: true,
  location: true,
  capacity: true,
  sortOrder: true,
} as const;
const trackFields = {
  id: true,
  meetingId: true,
  slug: true,
  nameDe: true,
  nameEn: true,
  nameZh: true,
  color: true,
  sortOrder: true,
} as const;

/** "saal-2", or "saal-2-2" when the meeting already has one. */
async function freeSlug(
  taken: (slug: string) => Promise<boolean>,
  name: { nameDe: string; nameEn: string },
  fallback: string,
): Promise<string> {
  const base = slugify(name.nameEn || name.nameDe) || fallback;
  for (let suffix = 1; ; suffix += 1) {
    const candidate = suffix === 1 ? base : `${base}-${suffix}`;
    if (!(await taken(candidate))) return candidate;
  }
}

async function meetingExists(tx: Tx, meetingId: string): Promise<void> {
  if (!(await tx.meeting.findUnique({ where: { id: meetingId }, select: { id: true } })))
    throw notFound("Meeting");
}

const inUse = () => invalid({ _: { key: "inUse" } });

export async function createRoom(
  actor: Actor | null,
  meetingId: string,
  input: unknown,
): Promise<{ id: string }> {
  authorize(actor, "editProgram");
  const data = parseInput(roomInput, input);
  return db.$transaction(async (tx) => {
    await meetingExists(tx, meetingId);
    const slug = await freeSlug(
      async (candidate) =>
        Boolean(await tx.room.findUnique({ where: { meetingId_slug: { meetingId, slug: candidate } } })),
      data,
      "room",
    );
    const room = await tx.room.create({ data: { ...data, meetingId, slug }, select: roomFields });
    await recordAudit(tx, actor, {
      action: "room.create",
      entity: "Room",
      entityId: room.id,
      meetingId,
      after: room,
    });
    return { id: room.id };
  });
}

/**
 * Saves a room. A new name or place is a change of place for every session in it: their calendar
 * SEQUENCE rises (and with it updatedAt), so that subscribed calendars take the new location.
 */
export async function updateRoom(actor: Actor | null, roomId: string, input: unknown): Promise<void> {
  authorize(actor, "editProgram");
  const data = parseInput(roomInput, input);
  await db.$transaction(async (tx) => {
    const before = await tx.room.findUnique({ where: { id: roomId }, select: roomFields });
    if (!before) throw notFound("Room");
    const after = await tx.room.update({ where: { id: roomId }, data, select: roomFields });
    const moved = (["nameDe", "nameEn", "nameZh", "location"] as const).some(
      (field) => before[field] !== after[field],
    );
    if (moved) await tx.session.updateMany({ where: { roomId }, data: { sequence: { increment: 1 } } });
    await recordAudit(tx, actor, {
      action: "room.update",
      entity: "Room",
      entityId: roomId,
      meetingId: before.meetingId,
      before,
      after,
    });
  });
}

/** Deletes a room no session uses; `invalid` with `inUse` otherwise. */
export async function deleteRoom(actor: Actor | null, roomId: string): Promise<void> {
  authorize(actor, "editProgram");
  await db.$transaction(async (tx) => {
    const before = await tx.room.findUnique({ where: { id: roomId }, select: roomFields });
    if (!before) throw notFound("Room");
    if (await tx.session.count({ where: { roomId } })) throw inUse();
    await tx.room.delete({ where: { id: roomId } });
    await recordAudit(tx, actor, {
      action: "room.delete",
      entity: "Room",
      entityId: roomId,
      meetingId: before.meetingId,
      before,
    });
  });
}

export async function createTrack(
  actor: Actor | null,
  meetingId: string,
  input: unknown,
): Promise<{ id: string }> {
  authorize(actor, "editProgram");
  const data = parseInput(trackInput, input);
  return db.$transaction(async (tx) => {
    await meetingExists(tx, meetingId);
    const slug = await freeSlug(
      async (candidate) =>
        Boolean(await tx.track.findUnique({ where: { meetingId_slug: { meetingId, slug: candidate } } })),
      data,
      "track",
    );
    const track = await tx.track.create({ data: { ...data, meetingId, slug }, select: trackFields });
    await recordAudit(tx, actor, {
      action: "track.create",
      entity: "Track",
      entityId: track.id,
      meetingId,
      after: track,
    });
    return { id: track.id };
  });
}

export async function updateTrack(actor: Actor | null, trackId: string, input: unknown): Promise<void> {
  authorize(actor, "editProgram");
  const data = parseInput(trackInput, input);
  await db.$transaction(async (tx) => {
    const before = await tx.track.findUnique({ where: { id: trackId }, select: trackFields });
    if (!before) throw notFound("Track");
    const after = await tx.track.update({ where: { id: trackId }, data, select: trackFields });
    await recordAudit(tx, actor, {
      action: "track.update",
      entity: "Track",
      entityId: trackId,
      meetingId: before.meetingId,
      before,
      after,
    });
  });
}

/** Deletes a track no session uses; `invalid` with `inUse` otherwise. */
export async function deleteTrack(actor: Actor | null, trackId: string): Promise<void> {
  authorize(actor, "editProgram");
  await db.$transaction(async (tx) => {
    const before = await tx.track.findUnique({ where: { id: trackId }, select: trackFields });
    if (!before) throw notFound("Track");
    if (await tx.session.count({ where: { trackId } })) throw inUse();
    await tx.track.delete({ where: { id: trackId } });
    await recordAudit(tx, actor, {
      action: "track.delete",
      entity: "Track",
      entityId: trackId,
      meetingId: before.meetingId,
      before,
    });
  });
}
