import { changesCalendar, type CalendarRelevant } from "../sequence";

/**
 * Change notices (README "Change notices"): which changes of a session its delegates are told of by email,
 * and how long the outbox waits for more changes before it tells them.
 */

/**
 * A change of time, room or status that delegates could see: the session was published before it or is
 * published after it (moved, cancelled, taken off the program, back on it). Edits of a draft or of a
 * cancelled session that stays cancelled reach nobody.
 */
export function tellsDelegates(before: CalendarRelevant, after: CalendarRelevant): boolean {
  return changesCalendar(before, after) && (before.status === "published" || after.status === "published");
}

/**
 * Minutes a notice waits after the last change of its session: further changes within them go into the
 * same email (first old value, latest new one), and a change undone within them sends nothing.
 */
export const NOTICE_QUIET_MINUTES = 5;

/** The outbox's name of a change notice, which the desk's history of a registration names too. */
export const SESSION_NOTICE_KIND = "registration.sessionChanged";
