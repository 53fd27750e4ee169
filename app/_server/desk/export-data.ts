import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { SLUG } from "@/app/_lib/ids";
import type { DeskFilters } from "@/app/_lib/registration/desk-filters";
import { recordAudit } from "../audit/record";
import { authorize, type Actor } from "../authz";
import { feedLanguage } from "../calendar/feeds";
import { db } from "../db";
import { notFound } from "../errors";
import { deskOrderBy, deskWhere } from "./desk-filter";
import { exportSelect, exportTable, type ExportTable } from "./export-columns";
import { visaDetailColumns } from "./export-visa";

export type RegistrationsExport = ExportTable & { lang: AppLocale; meetingSlug: string };

/**
 * The registrations of a meeting as the desk's list shows them for `filters` (same rows, same order),
 * with every field, in `requestedLang` or else the meeting's language. Organizers only. The visa
 * letters' passport details only with `withVisaDetails`, which takes handleVisaLetters and is audited
 * ("registration.exportVisaDetails": who, when, which filters and how many rows; never the values).
 */
export async function registrationsExport(
  actor: Actor | null,
  meetingSlug: string,
  filters: DeskFilters,
  requestedLang: string | null,
  { withVisaDetails = false }: { withVisaDetails?: boolean } = {},
): Promise<RegistrationsExport> {
  authorize(actor, "manageRegistrations");
  if (withVisaDetails) authorize(actor, "handleVisaLetters");
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
      select: { ...exportSelect, visaData: withVisaDetails, visaIssuedOn: true, visaSentOn: true },
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
  const table = exportTable(records, { lang, timeZone: meeting.timeZone, waitPlace });
  if (withVisaDetails) {
    const visa = await visaDetailColumns(records, lang);
    table.header.push(...visa.header);
    table.widths.push(...visa.widths);
    table.rows.forEach((row, index) => row.push(...visa.rows[index]!));
    await recordAudit(db, actor, {
      action: "registration.exportVisaDetails",
      entity: "Meeting",
      entityId: meeting.id,
      meetingId: meeting.id,
      after: { filters, rows: records.length },
    });
  }
  return { ...table, lang, meetingSlug: meeting.slug };
}
