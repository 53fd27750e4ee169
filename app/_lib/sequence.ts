/**
 * iCalendar SEQUENCE (README "Calendars"): it rises when a session's time, place or status changes, so calendar
 * apps replace their copy; other edits (title, description) reach them through LAST-MODIFIED alone. A
 * session that was never published reached no calendar: its edits leave SEQUENCE at 0, and the version a
 * calendar first sees is 0.
 */
export type CalendarRelevant = {
  startsAt: Date | string;
  endsAt: Date | string;
  roomId: string | null;
  status: string;
};

export function changesCalendar(before: CalendarRelevant, after: CalendarRelevant): boolean {
  return (
    new Date(before.startsAt).getTime() !== new Date(after.startsAt).getTime() ||
    new Date(before.endsAt).getTime() !== new Date(after.endsAt).getTime() ||
    before.roomId !== after.roomId ||
    before.status !== after.status
  );
}

export type PublishedOnce = { firstPublishedAt: Date | string | null };

export function nextSequence(
  sequence: number,
  before: CalendarRelevant & PublishedOnce,
  after: CalendarRelevant,
): number {
  return before.firstPublishedAt !== null && changesCalendar(before, after) ? sequence + 1 : sequence;
}
