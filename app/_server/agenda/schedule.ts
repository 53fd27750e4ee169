import "server-only";
import { findConflicts, type Conflict, type MeetingDays, type ScheduledSession } from "@/app/_lib/conflicts";
import { SLUG } from "@/app/_lib/ids";
import { translatedFields, translationsOf, type Translations } from "@/app/_lib/i18n/localized";
import { type NamedPerson, nameFields } from "@/app/_lib/names";
import type { Prisma } from "../db";
import { notFound } from "../errors";

/**
 * The meeting's schedule as the conflict rules see it, shared by the editor (before saving) and the
 * back-office lists (conflicts of what is stored now). Drafts count: a draft in a room holds the room.
 */

type Reader = Pick<Prisma.TransactionClient, "meeting" | "session" | "person" | "room">;

/** A conflict with what the editor needs to explain it: the other session's titles, the person's name. */
export type SessionConflict = Conflict & { withTitle?: Translations; person?: NamedPerson };

export const adminMeetingSelect = {
  id: true,
  slug: true,
  ...translatedFields("title"),
  timeZone: true,
  startsOn: true,
  endsOn: true,
} as const;

export type AdminMeeting = Prisma.MeetingGetPayload<{ select: typeof adminMeetingSelect }>;

/** Any meeting, published or not: the back office plans meetings before they are announced. */
export async function findAdminMeeting(client: Reader, slug: string): Promise<AdminMeeting> {
  const meeting = SLUG.test(slug)
    ? await client.meeting.findUnique({ where: { slug }, select: adminMeetingSelect })
    : null;
  if (!meeting) throw notFound("Meeting");
  return meeting;
}

/** `@db.Date` columns come back as midnight UTC: their ISO date is the calendar day. */
export function meetingDays(meeting: AdminMeeting): MeetingDays {
  return {
    startsOn: meeting.startsOn.toISOString().slice(0, 10),
    endsOn: meeting.endsOn.toISOString().slice(0, 10),
    timeZone: meeting.timeZone,
  };
}

const scheduleSelect = {
  id: true,
  ...translatedFields("title"),
  startsAt: true,
  endsAt: true,
  roomId: true,
  status: true,
  capacity: true,
  room: { select: { capacity: true } },
  speakers: { select: { personId: true } },
  segments: { select: { participants: { select: { personId: true } } } },
} as const satisfies Prisma.SessionSelect;

export type ScheduleEntry = ScheduledSession & {
  titles: Translations;
  capacity: number | null;
  roomCapacity: number | null;
};

/** Every session of the meeting with the people it holds: speakers and ceremony participants. */
export async function loadSchedule(client: Reader, meetingId: string): Promise<ScheduleEntry[]> {
  const rows = await client.session.findMany({
    where: { meetingId },
    select: scheduleSelect,
    orderBy: { startsAt: "asc" },
  });
  return rows.map((row) => ({
    id: row.id,
    title: row.titleDe,
    titles: translationsOf(row, "title"),
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    roomId: row.roomId,
    status: row.status,
    capacity: row.capacity,
    roomCapacity: row.room?.capacity ?? null,
    personIds: [
      ...new Set([
        ...row.speakers.map((speaker) => speaker.personId),
        ...row.segments.flatMap((segment) => segment.participants.map((p) => p.personId)),
      ]),
    ],
  }));
}

const personNameSelect = {
  id: true,
  ...nameFields,
} as const;

/** Adds the other session's titles and the person's name to each conflict. */
export async function explainConflicts(
  client: Reader,
  conflicts: Conflict[],
  schedule: readonly ScheduleEntry[],
): Promise<SessionConflict[]> {
  const personIds = [
    ...new Set(conflicts.flatMap((conflict) => (conflict.kind === "person" ? [conflict.personId] : []))),
  ];
  const people = personIds.length
    ? await client.person.findMany({ where: { id: { in: personIds } }, select: personNameSelect })
    : [];
  const titles = new Map(schedule.map((entry) => [entry.id, entry.titles]));
  return conflicts.map((conflict) => {
    if (conflict.kind === "room") return { ...conflict, withTitle: titles.get(conflict.with.id) };
    if (conflict.kind === "person") {
      const person = people.find((row) => row.id === conflict.personId);
      return { ...conflict, withTitle: titles.get(conflict.with.id), person: person && { ...person } };
    }
    return conflict;
  });
}

/** The conflicts each stored session has now, by session id (sessions without any are left out). */
export async function conflictsBySession(
  client: Reader,
  meeting: AdminMeeting,
  schedule: readonly ScheduleEntry[],
): Promise<Map<string, SessionConflict[]>> {
  const days = meetingDays(meeting);
  const found = schedule
    .map(
      (entry) =>
        [entry.id, findConflicts(entry, schedule, { days, roomCapacity: entry.roomCapacity })] as const,
    )
    .filter(([, conflicts]) => conflicts.length > 0);
  const explained = await explainConflicts(
    client,
    found.flatMap(([, conflicts]) => conflicts),
    schedule,
  );
  const result = new Map<string, SessionConflict[]>();
  let index = 0;
  for (const [id, conflicts] of found) {
    result.set(id, explained.slice(index, index + conflicts.length));
    index += conflicts.length;
  }
  return result;
}
