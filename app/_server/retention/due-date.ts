import "server-only";
import { DateTime } from "luxon";

/**
 * When a meeting's registrations are anonymized: `retentionDays` after the meeting's last day, from
 * 00:00 of that day in the meeting's own time zone (where the organizers and the meeting are), whatever
 * the zone of the server. A meeting that ends on 24 April 2017 in Hannover with 90 days is anonymized
 * from 23 July 2017, 00:00 Berlin time (22 July, 22:00 UTC).
 */
export type RetentionDue = {
  /** The calendar day, yyyy-MM-dd, in the meeting's zone: what the privacy page and the command show. */
  day: string;
  /** The first instant at which the meeting is due. */
  from: Date;
};

/** `endsOn` is a date column (UTC midnight of the day); its calendar day is the meeting's last day. */
export function retentionDue(
  meeting: { endsOn: Date; timeZone: string },
  retentionDays: number,
): RetentionDue {
  const lastDay = meeting.endsOn.toISOString().slice(0, 10);
  const start = DateTime.fromISO(lastDay, { zone: meeting.timeZone })
    .plus({ days: retentionDays })
    .startOf("day");
  if (!start.isValid) throw new Error(`Cannot place ${lastDay} in the time zone ${meeting.timeZone}`);
  return { day: start.toISODate()!, from: start.toJSDate() };
}

export function isDue(
  meeting: { endsOn: Date; timeZone: string },
  retentionDays: number,
  now: Date,
): boolean {
  return now.getTime() >= retentionDue(meeting, retentionDays).from.getTime();
}
