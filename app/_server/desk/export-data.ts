import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { SLUG } from "@/app/_lib/ids";
import type { DeskFilters } from "@/app/_lib/registration/desk-filters";
import { authorize, type Actor } from "../authz";
import { feedLanguage } from "../calendar/feeds";
import { db } from "../db";
import { notFound } from "../errors";
import { deskOrderBy, deskWhere } from "./desk-filter";
import { exportSelect, exportTable, type ExportTable } from "./export-columns";

export type RegistrationsExport = ExportTable & { lang: AppLocale; meetingSlug: string };

/**
 * The registrations of a meeting as the desk's list shows them for `filters` (same rows, same order),
 * with every field, in `requestedLang` or else the meeting's language. Organizers only.
 */
export async function registrationsExport(
  actor: Actor | null,
  meetingSlug: string,
  filters: DeskFilters,
  requestedLang: string | null,
): Promise<RegistrationsExport> {
  authorize(actor, "manageRegistrations");
  const meeting = SLUG.test(meetingSlug)
    ? await db.meeting.findUnique({
        where: { slug: meetingSlug },
        select: { id: true, slug: true, timeZone: true, defaultLocale: true },
      })
    : null;
  if (!meeting) throw notFound("Meeting");
  const lang = feedLanguage(requestedLang, meeting.defaultLocale);
  const [records, waiting] = await Promise.all([
    db.registration.findMany({
      where: deskWhere(meeting.id, filters),
      orderBy: deskOrderBy(filters),
      select: exportSelect,
    }),
    db.sessionSeat.findMany({
      where: { status: "waitlisted", session: { meetingId: meeting.id } },
      select: { sessionId: true, waitlistNumber: true },
      orderBy: [{ sessionId: "asc" }, { waitlistNumber: "asc" }],
    }),
  ]);
  // Place in line = how many wait before, plus one; numbers are handed out in order but have gaps.
  const lines = new Map<string, number[]>();
  for (const seat of waiting) {
    const line = lines.get(seat.sessionId) ?? [];
    line.push(seat.waitlistNumber ?? 0);
    lines.set(seat.sessionId, line);
  }
  const waitPlace = (sessionId: string, number: number) =>
    (lines.get(sessionId)?.filter((earlier) => earlier < number).length ?? 0) + 1;
  return {
    ...exportTable(records, { lang, timeZone: meeting.timeZone, waitPlace }),
    lang,
    meetingSlug: meeting.slug,
  };
}
