import "server-only";
import { previewRunOfShow } from "@/app/_lib/ceremony-warnings";
import type { ScheduledSession } from "@/app/_lib/conflicts";
import { RECORD_ID } from "@/app/_lib/ids";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { translatedFields, pick, translationsOf, type Translations } from "@/app/_lib/i18n/localized";
import { scheduleRunOfShow } from "@/app/_lib/run-of-show";
import { personSelect, toPersonDto, type PersonDto } from "../agenda/queries";
import { authorize, type Actor } from "../authz";
import { db } from "../db";
import { notFound } from "../errors";
import { getRunOfShow, type RunOfShowDto, type SegmentDto } from "./queries";
import { deletedSegmentOf, SEGMENT_DELETED } from "./records";

/**
 * The back office's reads of one ceremony, drafts included: what the editor, the print view and the
 * organizers' run-of-show feed show. Each starts with the permission check.
 */

export type OfficialDto = PersonDto & { precedence: number; speaks: boolean; signs: boolean };

/**
 * A segment as organizers see it: the public one, the crew's internal notes, and when it actually ran
 * (ISO instants; null until the live show started and ended it).
 */
export type AdminSegmentDto = SegmentDto & {
  internalNotes: string | null;
  actualStartedAt: string | null;
  actualEndedAt: string | null;
};
export type AdminRunOfShowDto = Omit<RunOfShowDto, "segments"> & { segments: AdminSegmentDto[] };

export type CeremonyProgramme = {
  meeting: {
    id: string;
    slug: string;
    title: Translations;
    timeZone: string;
    defaultLocale: AppLocale;
    venueName: string;
    venueCity: string;
  };
  ceremony: {
    id: string;
    title: Translations;
    status: "draft" | "published" | "cancelled";
    startsAt: string;
    endsAt: string;
    sequence: number;
    updatedAt: Date;
    room: { name: Translations; location: string | null } | null;
  };
  runOfShow: AdminRunOfShowDto;
  /** In the order of precedence, first place first. */
  officials: OfficialDto[];
};

const titles = translatedFields("title");
const names = translatedFields("name");

/** A ceremony of this meeting with its run-of-show and order of precedence; `not_found` for anything else. */
export async function getCeremonyProgramme(
  actor: Actor | null,
  meetingSlug: string,
  sessionId: string,
): Promise<CeremonyProgramme> {
  authorize(actor, "editProgram");
  const row = RECORD_ID.test(sessionId)
    ? await db.session.findFirst({
        where: { id: sessionId, kind: "ceremony", meeting: { slug: meetingSlug } },
        select: {
          id: true,
          ...titles,
          status: true,
          startsAt: true,
          endsAt: true,
          sequence: true,
          updatedAt: true,
          room: { select: { location: true, ...names } },
          meeting: {
            select: {
              id: true,
              slug: true,
              ...titles,
              timeZone: true,
              defaultLocale: true,
              venueName: true,
              venueCity: true,
            },
          },
          officials: {
            orderBy: { precedence: "asc" },
            select: { precedence: true, speaks: true, signs: true, person: { select: personSelect } },
          },
        },
      })
    : null;
  if (!row) throw notFound("Ceremony");
  const ceremony = {
    id: row.id,
    title: translationsOf(row, "title"),
    status: row.status,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    sequence: row.sequence,
    updatedAt: row.updatedAt,
    room: row.room ? { name: translationsOf(row.room, "name"), location: row.room.location } : null,
  };
  const { meeting } = row;
  return {
    meeting: { ...meeting, title: translationsOf(meeting, "title") },
    ceremony,
    runOfShow: await withInternalNotes(await getRunOfShow(ceremony), ceremony.id),
    officials: row.officials.map(({ person, precedence, speaks, signs }) => ({
      ...toPersonDto(person),
      precedence,
      speaks,
      signs,
    })),
  };
}

/**
 * The public run-of-show with each segment's internal notes and actual times, read apart so that no
 * public read selects them.
 */
async function withInternalNotes(runOfShow: RunOfShowDto, sessionId: string): Promise<AdminRunOfShowDto> {
  const rows = await db.ceremonySegment.findMany({
    where: { sessionId },
    select: {
      id: true,
      internalNotes: true,
      live: { select: { actualStartedAt: true, actualEndedAt: true } },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    ...runOfShow,
    segments: runOfShow.segments.map((segment) => {
      const row = byId.get(segment.id);
      return {
        ...segment,
        internalNotes: row?.internalNotes ?? null,
        actualStartedAt: row?.live?.actualStartedAt?.toISOString() ?? null,
        actualEndedAt: row?.live?.actualEndedAt?.toISOString() ?? null,
      };
    }),
  };
}

export type CityChoice = { id: string; name: Translations; country: "DE" | "CN" };

export type CeremonyEditor = CeremonyProgramme & {
  /** What else holds people during the meeting, for the participant warnings. */
  others: ScheduledSession[];
  people: PersonDto[];
  cities: CityChoice[];
  /** Segments this organizer deleted a short while ago, newest first: the editor offers to undo. */
  deleted: { id: string; title: Translations; deletedAt: Date }[];
};

/** How long the editor offers to undo a deletion. */
export const UNDO_MINUTES = 30;

export async function getCeremonyEditor(
  actor: Actor | null,
  meetingSlug: string,
  sessionId: string,
  locale: AppLocale,
): Promise<CeremonyEditor> {
  authorize(actor, "editProgram");
  const programme = await getCeremonyProgramme(actor, meetingSlug, sessionId);
  const [others, people, cities, deletions] = await Promise.all([
    otherBookings(programme.meeting.id, sessionId, locale),
    db.person.findMany({ select: personSelect, orderBy: [{ familyName: "asc" }, { givenName: "asc" }] }),
    // Cities that can still be admitted (candidates, observers, former members), and those already chosen.
    db.city.findMany({
      where: { OR: [{ status: { not: "member" } }, { inductions: { some: { sessionId } } }] },
      select: { id: true, country: true, ...names },
      orderBy: [{ country: "desc" }, { nameEn: "asc" }],
    }),
    db.auditEntry.findMany({
      where: {
        action: SEGMENT_DELETED,
        entity: "CeremonySegment",
        meetingId: programme.meeting.id,
        actorId: actor.id,
        at: { gte: new Date(Date.now() - UNDO_MINUTES * 60_000) },
      },
      orderBy: { at: "desc" },
      take: 20,
      select: { before: true, at: true },
    }),
  ]);
  const present = new Set(programme.runOfShow.segments.map((segment) => segment.id));
  // Newest first; a segment deleted, restored and deleted again is offered once.
  const deleted = new Map<string, CeremonyEditor["deleted"][number]>();
  for (const entry of deletions) {
    const segment = deletedSegmentOf(entry, sessionId);
    if (!segment || present.has(segment.id) || deleted.has(segment.id)) continue;
    deleted.set(segment.id, {
      id: segment.id,
      title: translationsOf(segment, "title"),
      deletedAt: segment.deletedAt,
    });
  }
  return {
    ...programme,
    others,
    people: people.map(toPersonDto),
    cities: cities.map((city) => ({
      id: city.id,
      name: translationsOf(city, "name"),
      country: city.country as CityChoice["country"],
    })),
    deleted: [...deleted.values()],
  };
}

/**
 * The meeting's other sessions as bookings of people: a session holds its speakers for its whole slot; a
 * ceremony also holds each segment's participants for that segment's own time, named "ceremony – segment".
 */
async function otherBookings(
  meetingId: string,
  exceptId: string,
  locale: AppLocale,
): Promise<ScheduledSession[]> {
  const sessions = await db.session.findMany({
    where: { meetingId, id: { not: exceptId }, status: { not: "cancelled" } },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      kind: true,
      status: true,
      ...titles,
      startsAt: true,
      endsAt: true,
      roomId: true,
      speakers: { select: { personId: true } },
      segments: {
        orderBy: { position: "asc" },
        select: { id: true, durationMinutes: true, ...titles, participants: { select: { personId: true } } },
      },
    },
  });
  return sessions.flatMap((session) => {
    const title = pick(translationsOf(session, "title"), locale);
    const booking = { roomId: session.roomId, status: session.status };
    const whole: ScheduledSession = {
      id: session.id,
      title,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      ...booking,
      personIds: session.speakers.map((speaker) => speaker.personId),
    };
    if (session.kind !== "ceremony") return [whole];
    const segments = scheduleRunOfShow(session, session.segments).segments.map(
      (segment): ScheduledSession => ({
        id: segment.id,
        title: `${title} – ${pick(translationsOf(segment, "title"), locale)}`,
        startsAt: segment.startsAt,
        endsAt: segment.endsAt,
        ...booking,
        personIds: segment.participants.map((participant) => participant.personId),
      }),
    );
    return [whole, ...segments];
  });
}

/** The editor's warnings for the saved order (the editor recomputes them while segments are dragged). */
export function savedWarnings(editor: CeremonyEditor) {
  const { ceremony, runOfShow } = editor;
  return previewRunOfShow(
    { id: ceremony.id, startsAt: new Date(ceremony.startsAt), endsAt: new Date(ceremony.endsAt) },
    runOfShow.segments.map((segment) => ({
      id: segment.id,
      durationMinutes: segment.durationMinutes,
      participantIds: segment.participants.map((person) => person.id),
    })),
    editor.others,
  );
}
