/** Time intervals as stored: UTC instants, the end excluded (a session ending at 15:00 and one starting at 15:00 do not clash). */
export type Interval = { startsAt: string | Date; endsAt: string | Date };

export function overlaps(a: Interval, b: Interval): boolean {
  return new Date(a.startsAt) < new Date(b.endsAt) && new Date(b.startsAt) < new Date(a.endsAt);
}

/** The first pair of intervals that overlap, in the order given; null when none do. */
export function firstOverlap<T extends Interval>(items: readonly T[]): [T, T] | null {
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (overlaps(items[i]!, items[j]!)) return [items[i]!, items[j]!];
    }
  }
  return null;
}
