/**
 * Run-of-show timing: a ceremony's segments follow one another from the ceremony's start, so each
 * segment's start is derived from the durations before it and is never stored. Reordering or changing
 * one duration moves every later segment.
 */
export type TimedSegment<S> = S & { startsAt: Date; endsAt: Date; offsetMinutes: number };

export type RunOfShow<S> = {
  segments: TimedSegment<S>[];
  totalMinutes: number;
  /** When the last segment ends. */
  endsAt: Date;
  /** Minutes past the ceremony's slot (0 when it fits). */
  overrunMinutes: number;
};

const MINUTE = 60_000;

export function scheduleRunOfShow<S extends { durationMinutes: number }>(
  slot: { startsAt: Date; endsAt: Date },
  segments: readonly S[],
): RunOfShow<S> {
  let offsetMinutes = 0;
  const timed = segments.map((segment) => {
    if (!Number.isInteger(segment.durationMinutes) || segment.durationMinutes < 0) {
      throw new RangeError(
        `A segment lasts a whole, non-negative number of minutes, not ${segment.durationMinutes}`,
      );
    }
    const startsAt = new Date(slot.startsAt.getTime() + offsetMinutes * MINUTE);
    const item = {
      ...segment,
      startsAt,
      endsAt: new Date(startsAt.getTime() + segment.durationMinutes * MINUTE),
      offsetMinutes,
    };
    offsetMinutes += segment.durationMinutes;
    return item;
  });
  const endsAt = new Date(slot.startsAt.getTime() + offsetMinutes * MINUTE);
  const overrun = Math.max(0, Math.ceil((endsAt.getTime() - slot.endsAt.getTime()) / MINUTE));
  return { segments: timed, totalMinutes: offsetMinutes, endsAt, overrunMinutes: overrun };
}
