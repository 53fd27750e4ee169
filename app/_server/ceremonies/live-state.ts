import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import {
  DEFAULT_LATE_NOTICE_MINUTES,
  liveShowOf,
  monitorShowOf,
  projectShow,
  publicLiveOf,
  type CrewShow,
  type LiveShow,
  type LiveTitle,
  type MonitorShow,
  type PublicLive,
  type StoredSegment,
  type StoredShow,
} from "@/app/_lib/live-show";
import { spokenLanguage } from "@/app/_lib/live-speakers";
import { displayName, nameFields } from "@/app/_lib/names";
import { RECORD_ID } from "@/app/_lib/ids";
import { db, type Prisma } from "../db";
import { notFound } from "../errors";

/**
 * The show of a ceremony as read from the database, once per change and instance (live-feed.ts), and
 * each audience's view of it: the crew's with notes and people, the monitor's, the public's.
 */

type Reader = Pick<Prisma.TransactionClient, "session" | "monitorToken">;

const titleColumns = { titleDe: true, titleEn: true, titleZh: true } as const;

const snapshotSelect = {
  id: true,
  kind: true,
  status: true,
  startsAt: true,
  ...titleColumns,
  meeting: { select: { id: true, slug: true, published: true, timeZone: true } },
  liveShow: true,
  segments: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      position: true,
      durationMinutes: true,
      ...titleColumns,
      descriptionDe: true,
      descriptionEn: true,
      descriptionZh: true,
      internalNotes: true,
      live: true,
      participants: {
        orderBy: { position: "asc" },
        select: {
          person: {
            select: {
              ...nameFields,
              honorificDe: true,
              honorificEn: true,
              honorificZh: true,
              city: { select: { country: true } },
            },
          },
        },
      },
    },
  },
} as const satisfies Prisma.SessionSelect;

type SessionRow = Prisma.SessionGetPayload<{ select: typeof snapshotSelect }>;
type PersonRow = SessionRow["segments"][number]["participants"][number]["person"];

export type ShowSnapshot = {
  sessionId: string;
  meetingId: string;
  /** Published in a published meeting: the public may follow it. */
  public: boolean;
  sessionTitle: LiveTitle;
  timeZone: string;
  /** The show at the time of the read. */
  show: LiveShow;
  /** Per segment, what only the crew sees. */
  crew: Map<string, { internalNotes: string | null; description: LiveTitle | null; people: PersonRow[] }>;
  /** The monitor links that open this show now. */
  monitorTokenIds: Set<string>;
};

const titleOf = (row: { titleDe: string; titleEn: string | null; titleZh: string | null }): LiveTitle => ({
  de: row.titleDe,
  en: row.titleEn,
  zh: row.titleZh,
});

/** The stored state of a show that never had a command: ready, as planned. */
export function readyShow(sessionId: string): StoredShow {
  return {
    sessionId,
    version: 0,
    phase: "ready",
    currentSegmentId: null,
    heldSince: null,
    startedAt: null,
    endedAt: null,
    lateNoticeMinutes: DEFAULT_LATE_NOTICE_MINUTES,
  };
}

export function storedShowOf(row: NonNullable<SessionRow["liveShow"]>): StoredShow {
  return {
    sessionId: row.sessionId,
    version: row.version,
    phase: row.phase,
    currentSegmentId: row.currentSegmentId,
    heldSince: row.heldSince,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    lateNoticeMinutes: row.lateNoticeMinutes,
  };
}

export function storedSegmentsOf(rows: SessionRow["segments"]): StoredSegment[] {
  return rows.map((row) => ({
    id: row.id,
    position: row.position,
    title: titleOf(row),
    plannedDurationMinutes: row.durationMinutes,
    adjustedDurationMinutes: row.live?.adjustedDurationMinutes ?? null,
    actualStartedAt: row.live?.actualStartedAt ?? null,
    actualEndedAt: row.live?.actualEndedAt ?? null,
    heldSeconds: row.live?.heldSeconds ?? 0,
  }));
}

/** The ceremony's rows as the show needs them, or null for anything that is not a ceremony. */
export async function readShowRows(reader: Reader, sessionId: string): Promise<SessionRow | null> {
  if (!RECORD_ID.test(sessionId)) return null;
  const row = await reader.session.findUnique({ where: { id: sessionId }, select: snapshotSelect });
  return row?.kind === "ceremony" ? row : null;
}

/** The show now, or `not_found` when the session is not a ceremony. */
export async function readShowSnapshot(sessionId: string, reader: Reader = db): Promise<ShowSnapshot> {
  const [row, tokens] = await Promise.all([
    readShowRows(reader, sessionId),
    reader.monitorToken.findMany({ where: { sessionId, revokedAt: null }, select: { id: true } }),
  ]);
  if (!row) throw notFound("Ceremony");
  const stored = row.liveShow ? storedShowOf(row.liveShow) : readyShow(row.id);
  return {
    sessionId: row.id,
    meetingId: row.meeting.id,
    public: row.status === "published" && row.meeting.published,
    sessionTitle: titleOf(row),
    timeZone: row.meeting.timeZone,
    show: liveShowOf(row.startsAt, stored, storedSegmentsOf(row.segments), new Date()),
    crew: new Map(
      row.segments.map((segment) => [
        segment.id,
        {
          internalNotes: segment.internalNotes,
          description: segment.descriptionDe
            ? { de: segment.descriptionDe, en: segment.descriptionEn, zh: segment.descriptionZh }
            : null,
          people: segment.participants.map((participant) => participant.person),
        },
      ]),
    ),
    monitorTokenIds: new Set(tokens.map((token) => token.id)),
  };
}

/** The show as sent at `now`: projected, and stamped with the server's clock. */
function sentAt<S extends LiveShow | CrewShow | MonitorShow>(show: S, now: Date): S {
  return { ...projectShow(show, now), serverNow: now.toISOString() };
}

/** The crew's, the interpreters' and the operator's view, people named for readers of `locale`. */
export function crewView(snapshot: ShowSnapshot, locale: AppLocale, now = new Date()): CrewShow {
  const { segments, ...show } = snapshot.show;
  return sentAt(
    {
      ...show,
      sessionTitle: snapshot.sessionTitle,
      timeZone: snapshot.timeZone,
      segments: segments.map((segment) => {
        const extra = snapshot.crew.get(segment.id);
        return {
          ...segment,
          internalNotes: extra?.internalNotes ?? null,
          description: extra?.description ?? null,
          participants: (extra?.people ?? []).map((person) => ({
            ...displayName(
              {
                ...person,
                honorific: { de: person.honorificDe, en: person.honorificEn, zh: person.honorificZh },
              },
              locale,
            ),
            speaksIn: spokenLanguage({
              country: person.city?.country ?? null,
              nativeName: person.nativeName,
            }),
          })),
        };
      }),
    },
    now,
  );
}

/** The confidence monitor's view: the current and the next segment. */
export function monitorView(snapshot: ShowSnapshot, now = new Date()): MonitorShow {
  return sentAt(monitorShowOf(snapshot.show), now);
}

/** The public's view: no notes, no people, only the running segment and a delay worth telling. */
export function publicView(snapshot: ShowSnapshot, now = new Date()): PublicLive {
  return publicLiveOf(snapshot.show, now);
}

/** A ceremony of this meeting, for the back office: its id, or `not_found`. */
export async function ceremonyIdOf(meetingSlug: string, sessionId: string): Promise<string> {
  const row = RECORD_ID.test(sessionId)
    ? await db.session.findFirst({
        where: { id: sessionId, kind: "ceremony", meeting: { slug: meetingSlug } },
        select: { id: true },
      })
    : null;
  if (!row) throw notFound("Ceremony");
  return row.id;
}

/** A ceremony the public may follow: published, in a published meeting; else `not_found`. */
export async function publicCeremonyIdOf(meetingSlug: string, sessionId: string): Promise<string> {
  const row = RECORD_ID.test(sessionId)
    ? await db.session.findFirst({
        where: {
          id: sessionId,
          kind: "ceremony",
          status: "published",
          meeting: { slug: meetingSlug, published: true },
        },
        select: { id: true },
      })
    : null;
  if (!row) throw notFound("Ceremony");
  return row.id;
}
