import "server-only";
import { nameFields, type PersonName } from "@/app/_lib/names";
import { db } from "../db";
import { notFound } from "../errors";
import { RECORD_ID } from "@/app/_lib/ids";
import { translatedFields, translationsOf, type Translations } from "@/app/_lib/i18n/localized";
import type { SessionKind, SpeakerRole } from "@/app/_lib/agenda/session-fields";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { getMeeting } from "../meetings/queries";
import type { Prisma } from "../db";
import { FeedCache } from "../calendar/feed-cache";
import { sharedAgendaVersion, type AgendaVersion } from "./agenda-version";
import { sessionLineSelect } from "./session-select";

// The public agenda's pages and feeds read the kinds from here; the editor's schema defines them.
export { sessionKinds, type SessionKind } from "@/app/_lib/agenda/session-fields";

export type PersonDto = PersonName & {
  id: string;
  honorific: Translations;
  position: Translations;
  organization: string | null;
};

export type SessionDto = {
  id: string;
  kind: SessionKind;
  status: "published" | "cancelled";
  title: Translations;
  description: Translations;
  /** ISO 8601 instants in UTC. */
  startsAt: string;
  endsAt: string;
  room: { id: string; name: Translations; location: string | null } | null;
  track: { id: string; slug: string; name: Translations; color: string } | null;
  speakers: (PersonDto & { role: SpeakerRole })[];
  languages: AppLocale[];
  interpretation: AppLocale[];
  /** Seats that need registration; null: open to every participant. */
  capacity: number | null;
  seatsLeft: number | null;
};

export const personSelect = {
  id: true,
  ...nameFields,
  ...translatedFields("honorific"),
  ...translatedFields("position"),
  organization: true,
} as const satisfies Prisma.PersonSelect;

const names = translatedFields("name");

const sessionSelect = {
  ...sessionLineSelect,
  ...translatedFields("description"),
  room: { select: { id: true, location: true, ...names } },
  track: { select: { id: true, slug: true, color: true, ...names } },
  speakers: { select: { role: true, person: { select: personSelect } }, orderBy: { position: "asc" } },
  languages: true,
  interpretation: true,
  capacity: true,
  seatsTaken: true,
} as const satisfies Prisma.SessionSelect;

type SessionRow = Prisma.SessionGetPayload<{ select: typeof sessionSelect }>;
type PersonRow = Prisma.PersonGetPayload<{ select: typeof personSelect }>;

export function toPersonDto(person: PersonRow): PersonDto {
  return {
    id: person.id,
    givenName: person.givenName,
    familyName: person.familyName,
    nativeName: person.nativeName,
    nameOrder: person.nameOrder,
    honorific: translationsOf(person, "honorific"),
    position: translationsOf(person, "position"),
    organization: person.organization,
  };
}

function toSessionDto(row: SessionRow): SessionDto {
  return {
    id: row.id,
    kind: row.kind,
    // Drafts never reach this point: every query filters them out.
    status: row.status === "cancelled" ? "cancelled" : "published",
    title: translationsOf(row, "title"),
    description: translationsOf(row, "description"),
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    room: row.room
      ? { id: row.room.id, name: translationsOf(row.room, "name"), location: row.room.location }
      : null,
    track: row.track
      ? {
          id: row.track.id,
          slug: row.track.slug,
          name: translationsOf(row.track, "name"),
          color: row.track.color,
        }
      : null,
    speakers: row.speakers.map(({ role, person }) => ({ ...toPersonDto(person), role })),
    languages: row.languages,
    interpretation: row.interpretation,
    capacity: row.capacity,
    seatsLeft: row.capacity === null ? null : Math.max(0, row.capacity - row.seatsTaken),
  };
}

const visible = { status: { in: ["published", "cancelled"] } } as const satisfies Prisma.SessionWhereInput;

export type AgendaDto = {
  sessions: SessionDto[];
  tracks: { id: string; slug: string; name: Translations; color: string }[];
  rooms: { id: string; name: Translations; location: string | null }[];
};

/**
 * Agendas as last read, per meeting, with the data version they were read at: a visitor of an unchanged
 * agenda costs one small version query (shared by concurrent visitors), not four queries. Only a cache:
 * a new version reads the database again. The objects are shared between requests: read-only.
 */
const agendas = new FeedCache<AgendaDto>(64);
const reading = new Map<string, Promise<AgendaDto>>();

/** Only for tests and benchmarks that want to measure a cold start. */
export function clearAgendaCache(): void {
  agendas.clear();
}

/** The published agenda of a meeting (cancelled sessions included, marked), in time order. */
export async function getAgenda(meetingSlug: string): Promise<AgendaDto> {
  const versioned = await versionedAgenda(meetingSlug);
  if (!versioned) throw notFound("Meeting");
  return versioned.agenda;
}

/**
 * The agenda with the data version it was read at (the agenda page's cache keys on both); null for a
 * meeting that is unknown or not published. Costs the version query, and the agenda's reads only when
 * that version is new.
 */
export async function versionedAgenda(
  meetingSlug: string,
): Promise<{ version: string; agenda: AgendaDto } | null> {
  const version = await sharedAgendaVersion(meetingSlug);
  if (!version) return null;
  return { version: version.version, agenda: await agendaAt(meetingSlug, version) };
}

async function agendaAt(meetingSlug: string, version: AgendaVersion): Promise<AgendaDto> {
  const cached = agendas.get(meetingSlug, version.version);
  if (cached) return cached;
  // Visitors who miss the cache together share one read.
  const key = `${meetingSlug}|${version.version}`;
  let pending = reading.get(key);
  if (!pending) {
    pending = readAgenda(version.meetingId)
      .then((agenda) => {
        agendas.set(meetingSlug, version.version, agenda);
        return agenda;
      })
      .finally(() => reading.delete(key));
    reading.set(key, pending);
  }
  return pending;
}

async function readAgenda(meetingId: string): Promise<AgendaDto> {
  const [sessions, tracks, rooms] = await Promise.all([
    db.session.findMany({
      where: { meetingId, ...visible },
      select: sessionSelect,
      orderBy: [{ startsAt: "asc" }, { room: { sortOrder: "asc" } }, { endsAt: "asc" }],
    }),
    db.track.findMany({
      where: { meetingId },
      select: { id: true, slug: true, color: true, ...names },
      orderBy: { sortOrder: "asc" },
    }),
    db.room.findMany({
      where: { meetingId },
      select: { id: true, location: true, ...names },
      orderBy: { sortOrder: "asc" },
    }),
  ]);
  return {
    sessions: sessions.map(toSessionDto),
    tracks: tracks.map((track) => ({
      id: track.id,
      slug: track.slug,
      name: translationsOf(track, "name"),
      color: track.color,
    })),
    rooms: rooms.map((room) => ({
      id: room.id,
      name: translationsOf(room, "name"),
      location: room.location,
    })),
  };
}

/** One published or cancelled session of a meeting; `not_found` for drafts, unknown ids or another meeting's. */
export async function getSession(meetingSlug: string, sessionId: string): Promise<SessionDto> {
  const meeting = await getMeeting(meetingSlug);
  const row = RECORD_ID.test(sessionId)
    ? await db.session.findFirst({
        where: { id: sessionId, meetingId: meeting.id, ...visible },
        select: sessionSelect,
      })
    : null;
  if (!row) throw notFound("Session");
  return toSessionDto(row);
}
