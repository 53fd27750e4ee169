import "server-only";
import { z } from "zod";
import { daysBetween, shiftInstant, type CopyCounts, type CopyPart } from "@/app/_lib/meetings/copy";
import { translatedFields } from "@/app/_lib/i18n/localized";
import { recordAudit } from "../audit/record";
import { authorize, type Actor } from "../authz";
import { db, type Prisma } from "../db";
import { roomSettings, trackSettings } from "./room-queries";

/**
 * Copying an earlier meeting into a new one, inside the transaction that creates it: rooms, tracks, the
 * program as drafts at the new dates, the run-of-show of its ceremonies, the visa-letter templates and
 * the cities' quotas, as the organizer chose. What belongs to last year only stays behind: seats and
 * waiting lists, publication and calendar history, a ceremony's officials, participants and inductees
 * (people and cities of that year), and the reasons given for last year's conflicts.
 */

type Tx = Prisma.TransactionClient;

export const COPY_ACTION = "meeting.copy";

/** What a ceremony's run-of-show is without its people: what a copy or a duplicate takes along. */
export const segmentTemplate = {
  position: true,
  durationMinutes: true,
  ...translatedFields("title"),
  ...translatedFields("description"),
  internalNotes: true,
} as const satisfies Prisma.CeremonySegmentSelect;

const sessionTemplate = {
  slug: true,
  kind: true,
  ...translatedFields("title"),
  ...translatedFields("description"),
  startsAt: true,
  endsAt: true,
  capacity: true,
  languages: true,
  interpretation: true,
  internalNotes: true,
  room: { select: { slug: true } },
  track: { select: { slug: true } },
  speakers: { select: { personId: true, role: true, position: true }, orderBy: { position: "asc" } },
} as const satisfies Prisma.SessionSelect;

type Target = { id: string; timeZone: string; startsOn: Date };

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** Copies the chosen parts of `sourceId` into the new meeting `target`; returns how much of each. */
export async function copyMeetingParts(
  tx: Tx,
  sourceId: string,
  target: Target,
  parts: readonly CopyPart[],
): Promise<{ source: { id: string; slug: string }; dayOffset: number; counts: CopyCounts }> {
  const chosen = (part: CopyPart) => parts.includes(part);
  const source = await tx.meeting.findUniqueOrThrow({
    where: { id: sourceId },
    select: {
      id: true,
      slug: true,
      timeZone: true,
      startsOn: true,
      visaLetterDe: true,
      visaLetterEn: true,
      visaLetterZh: true,
    },
  });
  // Whole weeks between the first days plus the shift of weekday, on the calendar: each session keeps its
  // place in the meeting (its first day stays the first day) and its time of day.
  const dayOffset = daysBetween(isoDate(source.startsOn), isoDate(target.startsOn));
  const counts: CopyCounts = {
    rooms: 0,
    tracks: 0,
    sessions: 0,
    ceremonies: 0,
    segments: 0,
    visaLetters: 0,
    quotas: 0,
    practicalInfo: 0,
  };
  const inOrder = { where: { meetingId: source.id }, orderBy: { sortOrder: "asc" as const } };

  if (chosen("rooms")) {
    const rooms = await tx.room.findMany({ ...inOrder, select: roomSettings });
    counts.rooms = (
      await tx.room.createMany({ data: rooms.map((room) => ({ ...room, meetingId: target.id })) })
    ).count;
  }
  if (chosen("tracks")) {
    const tracks = await tx.track.findMany({ ...inOrder, select: trackSettings });
    counts.tracks = (
      await tx.track.createMany({ data: tracks.map((track) => ({ ...track, meetingId: target.id })) })
    ).count;
  }

  // The program brings every session that took place or was planned; ceremonies alone bring just them.
  // Cancelled sessions did not happen and stay behind.
  const kinds = chosen("program") ? undefined : chosen("ceremonies") ? { kind: "ceremony" as const } : null;
  if (kinds !== null) {
    const [sessions, rooms, tracks] = await Promise.all([
      tx.session.findMany({
        where: { meetingId: source.id, status: { not: "cancelled" }, ...kinds },
        orderBy: [{ startsAt: "asc" }, { slug: "asc" }],
        select: {
          ...sessionTemplate,
          segments: chosen("ceremonies") ? { select: segmentTemplate, orderBy: { position: "asc" } } : false,
        },
      }),
      tx.room.findMany({ where: { meetingId: target.id }, select: { id: true, slug: true } }),
      tx.track.findMany({ where: { meetingId: target.id }, select: { id: true, slug: true } }),
    ]);
    const roomIds = new Map(rooms.map((room) => [room.slug, room.id]));
    const trackIds = new Map(tracks.map((track) => [track.slug, track.id]));
    const move = (instant: Date) => shiftInstant(instant, dayOffset, source.timeZone, target.timeZone);
    for (const { room, track, speakers, segments, startsAt, endsAt, ...session } of sessions) {
      const withRunOfShow = session.kind === "ceremony" && segments !== undefined && segments.length > 0;
      await tx.session.create({
        data: {
          ...session,
          meetingId: target.id,
          status: "draft",
          startsAt: move(startsAt),
          endsAt: move(endsAt),
          roomId: (room && roomIds.get(room.slug)) ?? null,
          trackId: (track && trackIds.get(track.slug)) ?? null,
          speakers: { create: speakers },
          segments: withRunOfShow ? { create: segments } : undefined,
        },
        select: { id: true },
      });
      counts.sessions += 1;
      if (withRunOfShow) {
        counts.ceremonies += 1;
        counts.segments += segments.length;
      }
    }
  }

  if (chosen("visaLetters")) {
    const letters = {
      visaLetterDe: source.visaLetterDe,
      visaLetterEn: source.visaLetterEn,
      visaLetterZh: source.visaLetterZh,
    };
    await tx.meeting.update({ where: { id: target.id }, data: letters, select: { id: true } });
    counts.visaLetters = Object.values(letters).filter((letter) => letter !== null).length;
  }
  if (chosen("quotas")) {
    const quotas = await tx.cityQuota.findMany({
      where: { meetingId: source.id },
      select: { cityId: true, delegates: true },
    });
    counts.quotas = (
      await tx.cityQuota.createMany({ data: quotas.map((quota) => ({ ...quota, meetingId: target.id })) })
    ).count;
  }
  if (chosen("practicalInfo")) {
    // The same venue and contact serve year after year; the organizer corrects what changed.
    const info = await tx.meetingPracticalInfo.findUnique({
      where: { meetingId: source.id },
      omit: { meetingId: true, updatedAt: true },
    });
    if (info) {
      await tx.meetingPracticalInfo.create({
        data: { ...info, meetingId: target.id },
        select: { meetingId: true },
      });
      counts.practicalInfo = 1;
    }
  }
  return { source: { id: source.id, slug: source.slug }, dayOffset, counts };
}

/** The audit entry of a copy: where from, what was chosen, how far the program moved, how much came. */
export async function recordCopy(
  tx: Tx,
  actor: Actor,
  targetId: string,
  parts: readonly CopyPart[],
  copied: Awaited<ReturnType<typeof copyMeetingParts>>,
): Promise<void> {
  await recordAudit(tx, actor, {
    action: COPY_ACTION,
    entity: "Meeting",
    entityId: targetId,
    meetingId: targetId,
    after: { from: copied.source, parts, dayOffset: copied.dayOffset, copied: copied.counts },
  });
}

const count = z.number().int().min(0);
const storedCopy = z.object({
  from: z.object({ id: z.string(), slug: z.string() }),
  copied: z.object({
    rooms: count,
    tracks: count,
    sessions: count,
    ceremonies: count,
    segments: count,
    visaLetters: count,
    quotas: count,
    // Copies recorded before the practical information could be copied say nothing of it.
    practicalInfo: count.default(0),
  }),
});

export type CopySummary = { fromSlug: string; at: string; counts: CopyCounts };

/** What the meeting was prepared from, as its audit entry says; null for a meeting not made by copying. */
export async function getCopySummary(actor: Actor | null, meetingId: string): Promise<CopySummary | null> {
  authorize(actor, "editProgram");
  const entry = await db.auditEntry.findFirst({
    where: { action: COPY_ACTION, entity: "Meeting", entityId: meetingId },
    orderBy: { at: "desc" },
    select: { at: true, after: true },
  });
  const parsed = storedCopy.safeParse(entry?.after);
  if (!entry || !parsed.success) return null;
  return { fromSlug: parsed.data.from.slug, at: entry.at.toISOString(), counts: parsed.data.copied };
}
