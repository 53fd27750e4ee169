import "server-only";
import type { Translations } from "@/app/_lib/i18n/localized";
import { env } from "../env";
import { listMeetings } from "../meetings/queries";
import { retentionDue } from "./due-date";

export type RetentionSchedule = {
  days: number;
  /** Published meetings, newest first, with the day (yyyy-MM-dd, the meeting's zone) their registrations are anonymized. */
  meetings: { slug: string; title: Translations; dueDay: string }[];
};

/** What the privacy page tells delegates about how long their data is kept. */
export async function retentionSchedule(): Promise<RetentionSchedule> {
  const days = env().RETENTION_DAYS;
  const meetings = await listMeetings();
  return {
    days,
    meetings: meetings.map((meeting) => ({
      slug: meeting.slug,
      title: meeting.title,
      dueDay: retentionDue(
        { endsOn: new Date(`${meeting.endsOn}T00:00:00Z`), timeZone: meeting.timeZone },
        days,
      ).day,
    })),
  };
}
