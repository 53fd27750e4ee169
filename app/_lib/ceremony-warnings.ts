import { personConflicts, type Clash, type ScheduledSession } from "./conflicts";
import { scheduleRunOfShow, type TimedSegment } from "./run-of-show";

/**
 * What the ceremony editor warns about, computed from the segments in their (possibly unsaved) order:
 * whether the run-of-show fits the ceremony's slot, and participants who are booked elsewhere while their
 * segment runs. Pure, so that the editor shows the same warnings while an organizer drags segments as
 * the server does after saving.
 */

const MINUTE = 60_000;

export type SlotFit =
  { kind: "overrun"; minutes: number } | { kind: "minutesLeft"; minutes: number } | { kind: "fits" };

/** How the segments' total compares with the ceremony's slot. */
export function slotFit(slot: { startsAt: Date; endsAt: Date }, totalMinutes: number): SlotFit {
  const slotMinutes = Math.round((slot.endsAt.getTime() - slot.startsAt.getTime()) / MINUTE);
  if (totalMinutes > slotMinutes) return { kind: "overrun", minutes: totalMinutes - slotMinutes };
  if (totalMinutes < slotMinutes) return { kind: "minutesLeft", minutes: slotMinutes - totalMinutes };
  return { kind: "fits" };
}

/** A participant of a segment who is expected somewhere else at the same time. */
export type ParticipantClash = { segmentId: string; personId: string; with: Clash };

export type SegmentPeople = { id: string; durationMinutes: number; participantIds: readonly string[] };

export type RunOfShowPreview<S extends SegmentPeople> = {
  segments: TimedSegment<S>[];
  totalMinutes: number;
  fit: SlotFit;
  clashes: ParticipantClash[];
};

/**
 * The segments timed from the ceremony's start, with the warnings. `others` are the meeting's other
 * sessions (their speakers) and the segments of other ceremonies (their participants), each with its own
 * time; the ceremony itself is left out by `ceremonyId`.
 */
export function previewRunOfShow<S extends SegmentPeople>(
  slot: { id: string; startsAt: Date; endsAt: Date },
  segments: readonly S[],
  others: readonly ScheduledSession[],
): RunOfShowPreview<S> {
  const schedule = scheduleRunOfShow(slot, segments);
  const clashes = schedule.segments.flatMap((segment) =>
    personConflicts(segment, segment.participantIds, others, slot.id).flatMap((conflict) =>
      conflict.kind === "person"
        ? [{ segmentId: segment.id, personId: conflict.personId, with: conflict.with }]
        : [],
    ),
  );
  return {
    segments: schedule.segments,
    totalMinutes: schedule.totalMinutes,
    fit: slotFit(slot, schedule.totalMinutes),
    clashes,
  };
}
