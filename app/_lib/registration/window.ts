import { DateTime } from "luxon";

/** Where a meeting's registration window stands at an instant. An open start means "open already". */
export type RegistrationWindow = { opensAt: string | null; closesAt: string | null };

export type WindowState = "not_yet_open" | "open" | "closed";

/** What a meeting stores of its window, and the last day that ends it when no closing date is set. */
export type StoredWindow = {
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  /** A `@db.Date`: midnight UTC of the meeting's last day. */
  endsOn: Date;
  timeZone: string;
};

/** The columns `registrationWindow` reads, as a Prisma `select` of a meeting. */
export const windowSelect = {
  registrationOpensAt: true,
  registrationClosesAt: true,
  endsOn: true,
  timeZone: true,
} as const;

/**
 * The window as it applies, for the registration form, the JSON API, the manage page and the pages that
 * say whether registration is open: without a closing date, registration closes when the meeting ends,
 * at the end of its last day in the meeting's zone (midnight there, taken on the calendar, not by adding
 * hours, so a change of daylight saving time that night moves nothing). A meeting that has ended takes
 * no registration just because nobody set a deadline.
 */
export function registrationWindow(meeting: StoredWindow): RegistrationWindow & { closesAt: string } {
  const lastDay = meeting.endsOn.toISOString().slice(0, 10);
  const meetingEnds = DateTime.fromISO(lastDay, { zone: meeting.timeZone }).plus({ days: 1 }).toUTC();
  return {
    opensAt: meeting.registrationOpensAt?.toISOString() ?? null,
    closesAt: meeting.registrationClosesAt?.toISOString() ?? meetingEnds.toISO()!,
  };
}

export function windowState(window: RegistrationWindow, now: Date): WindowState {
  if (window.opensAt && now < new Date(window.opensAt)) return "not_yet_open";
  if (window.closesAt && now >= new Date(window.closesAt)) return "closed";
  return "open";
}

/**
 * The last instant registration is open, for "registration until …": the window's end is exclusive, so a
 * window closing at midnight is open until the day before.
 */
export function lastOpenInstant(window: RegistrationWindow): string | null {
  return window.closesAt ? new Date(new Date(window.closesAt).getTime() - 1).toISOString() : null;
}
