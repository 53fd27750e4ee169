import "server-only";
import { translatedFields, translationsOf, type Translations } from "@/app/_lib/i18n/localized";
import { authorize, type Actor } from "../authz";
import { db } from "../db";

/** What a room is apart from its identity: what the room list shows and a new meeting copies. */
export const roomSettings = {
  slug: true,
  ...translatedFields("name"),
  location: true,
  capacity: true,
  sortOrder: true,
} as const;
/** What a track is apart from its identity: what the track list shows and a new meeting copies. */
export const trackSettings = {
  slug: true,
  ...translatedFields("name"),
  color: true,
  sortOrder: true,
} as const;

type Listed = { sessions: number; name: Translations; id: string; slug: string; sortOrder: number };
export type RoomRow = Listed & { location: string | null; capacity: number | null };
export type TrackRow = Listed & { color: string };

/** Also counts the sessions using each, which can only be deleted while there are none. */
const withSessions = { id: true, _count: { select: { sessions: true } } } as const;

function listed<
  Row extends { _count: { sessions: number }; nameDe: string; nameEn: string; nameZh: string },
>({ _count, nameDe, nameEn, nameZh, ...row }: Row) {
  return { ...row, name: translationsOf({ nameDe, nameEn, nameZh }, "name"), sessions: _count.sessions };
}

/** A meeting's rooms and tracks in their order, each with the number of sessions using it. */
export async function listRoomsAndTracks(
  actor: Actor | null,
  meetingId: string,
): Promise<{ rooms: RoomRow[]; tracks: TrackRow[] }> {
  authorize(actor, "editProgram");
  const inOrder = {
    where: { meetingId },
    orderBy: [{ sortOrder: "asc" as const }, { nameDe: "asc" as const }],
  };
  const [rooms, tracks] = await Promise.all([
    db.room.findMany({ ...inOrder, select: { ...withSessions, ...roomSettings } }),
    db.track.findMany({ ...inOrder, select: { ...withSessions, ...trackSettings } }),
  ]);
  return { rooms: rooms.map(listed), tracks: tracks.map(listed) };
}
