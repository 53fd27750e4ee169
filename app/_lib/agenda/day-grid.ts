import { DateTime } from "luxon";

/**
 * Placement of one day's sessions in the back office's timeline: one column per room, one row per
 * 15 minutes of the meeting's zone, from the earliest start to the latest end (rounded outwards to the
 * quarter hour). Sessions that overlap in one column (a double-booked room) share it side by side in
 * lanes, so that neither hides the other. Pure: the page turns this into CSS grid lines.
 */

export const SLOT_MINUTES = 15;

export type DayItem = { id: string; startsAt: string | Date; endsAt: string | Date; roomId: string | null };

export type Placement = {
  id: string;
  /** Index into the columns given (rooms, then "no room"). */
  column: number;
  /** First row (0-based) and the row after the last one. */
  rowStart: number;
  rowEnd: number;
  /** Side by side with overlapping sessions of the same column: its lane and how many lanes the column needs there. */
  lane: number;
  lanes: number;
};

export type DayGrid = {
  /** The clock time (HH:mm, meeting's zone) at the top of each row. */
  rows: string[];
  placements: Placement[];
};

function minuteOfDay(instant: string | Date, day: DateTime): number {
  return Math.round(
    DateTime.fromJSDate(new Date(instant)).setZone(day.zoneName!).diff(day, "minutes").minutes,
  );
}

/**
 * `day` is yyyy-mm-dd in `timeZone`; `columns` are room ids in display order, `null` for sessions
 * without a room. Items of rooms not listed go to the `null` column.
 */
export function layoutDay(
  items: readonly DayItem[],
  columns: readonly (string | null)[],
  day: string,
  timeZone: string,
): DayGrid {
  if (items.length === 0) return { rows: [], placements: [] };
  const midnight = DateTime.fromISO(day, { zone: timeZone }).startOf("day");
  const spans = items.map((item) => {
    const start = minuteOfDay(item.startsAt, midnight);
    // A session shorter than a slot still gets one row.
    return { item, start, end: Math.max(minuteOfDay(item.endsAt, midnight), start + 1) };
  });
  const first = Math.floor(Math.min(...spans.map((span) => span.start)) / SLOT_MINUTES) * SLOT_MINUTES;
  const last = Math.ceil(Math.max(...spans.map((span) => span.end)) / SLOT_MINUTES) * SLOT_MINUTES;
  const rows = Array.from({ length: (last - first) / SLOT_MINUTES }, (_, index) =>
    midnight.plus({ minutes: first + index * SLOT_MINUTES }).toFormat("HH:mm"),
  );

  const fallback = columns.indexOf(null);
  const placed = spans.map(({ item, start, end }) => {
    const known = columns.indexOf(item.roomId);
    return {
      id: item.id,
      column: known >= 0 ? known : fallback,
      rowStart: Math.floor((start - first) / SLOT_MINUTES),
      rowEnd: Math.ceil((end - first) / SLOT_MINUTES),
      lane: 0,
      lanes: 1,
    };
  });
  for (let column = 0; column < columns.length; column++)
    assignLanes(placed.filter((placement) => placement.column === column));
  return { rows, placements: placed };
}

/** Greedy lanes in start order; every block of a cluster of overlapping blocks learns the cluster's width. */
function assignLanes(blocks: Placement[]): void {
  const ordered = [...blocks].sort((a, b) => a.rowStart - b.rowStart || b.rowEnd - a.rowEnd);
  let cluster: Placement[] = [];
  let laneEnds: number[] = [];
  const close = () => {
    for (const block of cluster) block.lanes = laneEnds.length;
    cluster = [];
    laneEnds = [];
  };
  for (const block of ordered) {
    if (cluster.length && laneEnds.every((end) => end <= block.rowStart)) close();
    const free = laneEnds.findIndex((end) => end <= block.rowStart);
    block.lane = free >= 0 ? free : laneEnds.length;
    laneEnds[block.lane] = block.rowEnd;
    cluster.push(block);
  }
  close();
}
