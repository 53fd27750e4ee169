import "server-only";
import { DateTime } from "luxon";
import { sessionClock, type SessionKind, type SpeakerRole } from "@/app/_lib/agenda/session-fields";
import { RECORD_ID } from "@/app/_lib/ids";
import { translatedFields, translationsOf, type Translations } from "@/app/_lib/i18n/localized";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { type NamedPerson, nameFields } from "@/app/_lib/names";
import { dayKey } from "@/app/_lib/time";
import { authorize, type Actor } from "../authz";
import { db } from "../db";
import { notFound } from "../errors";
import { sessionNoticeAudience } from "../registration/emails/session-notice/queue";
import { sessionRecordSelect } from "./session-records";
import { sessionLineSelect } from "./session-select";
import {
  conflictsBySession,
  findAdminMeeting,
  loadSchedule,
  meetingDays,
  type AdminMeeting,
  type SessionConflict,
} from "./schedule";

/**
 * What the back office reads about a meeting's program: every session, drafts and cancelled ones too,
 * with the conflicts each has as stored now.
 */

const names = translatedFields("name");

export type AdminMeetingDto = {
  slug: string;
  title: Translations;
  timeZone: string;
  startsOn: string;
  endsOn: string;
};
export type RoomOption = { id: string; name: Translations; capacity: number | null };
export type TrackOption = { id: string; name: Translations; color: string };

export type AdminSessionDto = {
  id: string;
  kind: SessionKind;
  status: "draft" | "published" | "cancelled";
  title: Translations;
  /** ISO instants in UTC. */
  startsAt: string;
  endsAt: string;
  /** The day (yyyy-mm-dd) the session starts on in the meeting's zone. */
  day: string;
  room: RoomOption | null;
  track: TrackOption | null;
  capacity: number | null;
  seatsTaken: number;
  conflictNote: string | null;
  conflicts: SessionConflict[];
};

export type MeetingProgramDto = {
  meeting: AdminMeetingDto;
  /** The meeting's days, and any other day a session falls on (so that it can be found and moved). */
  days: string[];
  rooms: RoomOption[];
  tracks: TrackOption[];
  sessions: AdminSessionDto[];
};

function meetingDto(meeting: AdminMeeting): AdminMeetingDto {
  const { startsOn, endsOn, timeZone } = meetingDays(meeting);
  return { slug: meeting.slug, title: translationsOf(meeting, "title"), timeZone, startsOn, endsOn };
}

function daysBetween(startsOn: string, endsOn: string): string[] {
  const days: string[] = [];
  for (
    let day = DateTime.fromISO(startsOn, { zone: "utc" });
    day.toISODate()! <= endsOn && days.length < 366;
    day = day.plus({ days: 1 })
  ) {
    days.push(day.toISODate()!);
  }
  return days;
}

async function roomsAndTracks(meetingId: string): Promise<{ rooms: RoomOption[]; tracks: TrackOption[] }> {
  const [rooms, tracks] = await Promise.all([
    db.room.findMany({
      where: { meetingId },
      select: { id: true, capacity: true, ...names },
      orderBy: [{ sortOrder: "asc" }, { nameDe: "asc" }],
    }),
    db.track.findMany({
      where: { meetingId },
      select: { id: true, color: true, ...names },
      orderBy: [{ sortOrder: "asc" }, { nameDe: "asc" }],
    }),
  ]);
  return {
    rooms: rooms.map((room) => ({
      id: room.id,
      name: translationsOf(room, "name"),
      capacity: room.capacity,
    })),
    tracks: tracks.map((track) => ({
      id: track.id,
      name: translationsOf(track, "name"),
      color: track.color,
    })),
  };
}

/** Every session of the meeting in time order, with rooms, tracks and the conflicts of each. */
export async function getMeetingProgram(
  actor: Actor | null,
  meetingSlug: string,
): Promise<MeetingProgramDto> {
  authorize(actor, "editProgram");
  const meeting = await findAdminMeeting(db, meetingSlug);
  const [rows, schedule, { rooms, tracks }] = await Promise.all([
    db.session.findMany({
      where: { meetingId: meeting.id },
      select: {
        ...sessionLineSelect,
        roomId: true,
        trackId: true,
        capacity: true,
        seatsTaken: true,
        conflictNote: true,
      },
      orderBy: [{ startsAt: "asc" }, { room: { sortOrder: "asc" } }, { endsAt: "asc" }],
    }),
    loadSchedule(db, meeting.id),
    roomsAndTracks(meeting.id),
  ]);
  const conflicts = await conflictsBySession(db, meeting, schedule);
  const dto = meetingDto(meeting);
  const sessions = rows.map((row): AdminSessionDto => ({
    id: row.id,
    kind: row.kind,
    status: row.status,
    title: translationsOf(row, "title"),
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    day: dayKey(row.startsAt, meeting.timeZone),
    room: rooms.find((room) => room.id === row.roomId) ?? null,
    track: tracks.find((track) => track.id === row.trackId) ?? null,
    capacity: row.capacity,
    seatsTaken: row.seatsTaken,
    conflictNote: row.conflictNote,
    conflicts: conflicts.get(row.id) ?? [],
  }));
  const days = [
    ...new Set([...daysBetween(dto.startsOn, dto.endsOn), ...sessions.map((session) => session.day)]),
  ].sort();
  return { meeting: dto, days, rooms, tracks, sessions };
}

export type PersonOption = NamedPerson & { id: string; organization: string | null };

export type SessionEditorDto = {
  meeting: AdminMeetingDto;
  rooms: RoomOption[];
  tracks: TrackOption[];
  people: PersonOption[];
  /** Absent for a new session. */
  session?: {
    id: string;
    status: "draft" | "published" | "cancelled";
    kind: SessionKind;
    titleDe: string;
    titleEn: string | null;
    titleZh: string | null;
    descriptionDe: string | null;
    descriptionEn: string | null;
    descriptionZh: string | null;
    internalNotes: string | null;
    date: string;
    startTime: string;
    endTime: string;
    roomId: string | null;
    trackId: string | null;
    capacity: number | null;
    seatsTaken: number;
    languages: AppLocale[];
    interpretation: AppLocale[];
    speakers: { personId: string; role: SpeakerRole }[];
    conflictNote: string | null;
    sequence: number;
    bookings: number;
    /** Delegates a change of time, room or status tells (none while the session was never published). */
    noticeAudience: number;
  };
};

/** What the editor shows: the choices (rooms, tracks, people) and, for an existing session, its values. */
export async function getSessionEditor(
  actor: Actor | null,
  meetingSlug: string,
  sessionId?: string,
): Promise<SessionEditorDto> {
  authorize(actor, "editProgram");
  const meeting = await findAdminMeeting(db, meetingSlug);
  const [{ rooms, tracks }, people, row] = await Promise.all([
    roomsAndTracks(meeting.id),
    db.person.findMany({
      select: {
        id: true,
        ...nameFields,
        organization: true,
      },
      orderBy: [{ familyName: "asc" }, { givenName: "asc" }],
    }),
    sessionId === undefined
      ? null
      : RECORD_ID.test(sessionId)
        ? db.session.findFirst({
            where: { id: sessionId, meetingId: meeting.id },
            select: {
              ...sessionRecordSelect,
              _count: { select: { seats: true } },
            },
          })
        : null,
  ]);
  if (sessionId !== undefined && !row) throw notFound("Session");
  const editor: SessionEditorDto = { meeting: meetingDto(meeting), rooms, tracks, people };
  if (row) {
    const { startsAt, endsAt, _count, ...rest } = row;
    const noticeAudience = rest.firstPublishedAt ? await sessionNoticeAudience(db, rest.id) : 0;
    editor.session = {
      ...rest,
      ...sessionClock(startsAt, endsAt, meeting.timeZone),
      bookings: _count.seats,
      noticeAudience,
    };
  }
  return editor;
}
