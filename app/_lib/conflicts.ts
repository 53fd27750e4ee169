import { DateTime } from "luxon";
import { overlaps, type Interval } from "./overlap";

/**
 * Scheduling conflicts, checked before a session or a ceremony segment is saved. Pure: the caller loads
 * the other sessions of the meeting. Cancelled sessions take no room and no one's time. Each conflict
 * names what it clashes with, so the editor can explain it; saving anyway takes a reason.
 */

export type ScheduledSession = Interval & {
  id: string;
  title: string;
  roomId: string | null;
  status: "draft" | "published" | "cancelled";
  /** Speakers, hosts and ceremony participants. */
  personIds: readonly string[];
};

export type Clash = { id: string; title: string; startsAt: string; endsAt: string };

export type Conflict =
  | { kind: "room"; with: Clash }
  | { kind: "person"; personId: string; with: Clash }
  | { kind: "outsideDays"; startsOn: string; endsOn: string }
  | { kind: "roomCapacity"; capacity: number; roomCapacity: number };

export type MeetingDays = { startsOn: string; endsOn: string; timeZone: string };

function clash(session: ScheduledSession): Clash {
  return {
    id: session.id,
    title: session.title,
    startsAt: new Date(session.startsAt).toISOString(),
    endsAt: new Date(session.endsAt).toISOString(),
  };
}

/** Other sessions that hold any of these people at the same time. */
export function personConflicts(
  interval: Interval,
  personIds: readonly string[],
  others: readonly ScheduledSession[],
  exceptId?: string,
): Conflict[] {
  const wanted = new Set(personIds);
  return others
    .filter((other) => other.id !== exceptId && other.status !== "cancelled" && overlaps(interval, other))
    .flatMap((other) =>
      other.personIds
        .filter((id) => wanted.has(id))
        .map((personId): Conflict => ({ kind: "person", personId, with: clash(other) })),
    );
}

/** The days of the meeting in its own zone: a session must start and end within them. */
export function isWithinMeetingDays(interval: Interval, days: MeetingDays): boolean {
  const day = (instant: string | Date) =>
    DateTime.fromJSDate(new Date(instant)).setZone(days.timeZone).toISODate()!;
  // A session ending exactly at midnight ends on the day before.
  const lastDay = day(new Date(new Date(interval.endsAt).getTime() - 1));
  return day(interval.startsAt) >= days.startsOn && lastDay <= days.endsOn;
}

export function findConflicts(
  candidate: ScheduledSession & { capacity: number | null },
  others: readonly ScheduledSession[],
  context: { days: MeetingDays; roomCapacity: number | null },
): Conflict[] {
  if (candidate.status === "cancelled") return [];
  const active = others.filter((other) => other.id !== candidate.id && other.status !== "cancelled");
  const conflicts: Conflict[] = [];
  if (!isWithinMeetingDays(candidate, context.days))
    conflicts.push({ kind: "outsideDays", startsOn: context.days.startsOn, endsOn: context.days.endsOn });
  if (candidate.roomId) {
    for (const other of active) {
      if (other.roomId === candidate.roomId && overlaps(candidate, other))
        conflicts.push({ kind: "room", with: clash(other) });
    }
  }
  conflicts.push(...personConflicts(candidate, candidate.personIds, active));
  if (
    candidate.capacity !== null &&
    context.roomCapacity !== null &&
    candidate.capacity > context.roomCapacity
  ) {
    conflicts.push({
      kind: "roomCapacity",
      capacity: candidate.capacity,
      roomCapacity: context.roomCapacity,
    });
  }
  return conflicts;
}
