import "server-only";
import { nameFields, type PersonName } from "@/app/_lib/names";
import { normalizeCheckInCode } from "@/app/_lib/check-in-code";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { translatedFields, translationsOf, type Translations } from "@/app/_lib/i18n/localized";
import { SLUG } from "@/app/_lib/ids";
import { parseDeskFilters } from "@/app/_lib/registration/desk-filters";
import type { DelegateRole } from "@/app/_lib/registration/fields";
import { authorize, type Actor } from "../authz";
import { db, type Prisma } from "../db";
import { notFound } from "../errors";
import { deskOrderBy, nameSearchWhere } from "../desk/desk-filter";
import { loadRegistrationView, type RegistrationView } from "../registration/view";

/**
 * The check-in desk's reads: the meeting with its running count, delegates found by code or by name, and
 * one delegate's card. All for the `checkIn` permission, and always within the meeting of the desk: a
 * code or an id of another meeting finds nothing.
 */

export type CheckInMeeting = {
  id: string;
  slug: string;
  title: Translations;
  defaultLocale: AppLocale;
  timeZone: string;
  /** Confirmed registrations, and how many of them have checked in. */
  confirmed: number;
  checkedIn: number;
};

export async function getCheckInMeeting(actor: Actor | null, slug: string): Promise<CheckInMeeting> {
  authorize(actor, "checkIn");
  const row = SLUG.test(slug)
    ? await db.meeting.findUnique({
        where: { slug },
        select: {
          id: true,
          slug: true,
          ...translatedFields("title"),
          defaultLocale: true,
          timeZone: true,
        },
      })
    : null;
  if (!row) throw notFound("Meeting");
  const confirmed = { meetingId: row.id, status: "confirmed" } as const;
  const [total, checkedIn] = await Promise.all([
    db.registration.count({ where: confirmed }),
    // Someone who checked in and cancelled later is no longer among the confirmed ones counted here.
    db.checkIn.count({ where: { meetingId: row.id, registration: { status: "confirmed" } } }),
  ]);
  return {
    id: row.id,
    slug: row.slug,
    title: translationsOf(row, "title"),
    defaultLocale: row.defaultLocale,
    timeZone: row.timeZone,
    confirmed: total,
    checkedIn,
  };
}

/** The first arrival as the desk tells it: when, and which staff member recorded it. */
export type CheckInRecord = { at: string; staffEmail: string; staffName: string | null };

export const checkInRecordSelect = {
  at: true,
  staffEmail: true,
  staff: { select: { name: true } },
} as const satisfies Prisma.CheckInSelect;

export function checkInRecord(
  row: Prisma.CheckInGetPayload<{ select: typeof checkInRecordSelect }>,
): CheckInRecord {
  return { at: row.at.toISOString(), staffEmail: row.staffEmail, staffName: row.staff?.name || null };
}

/** Everything the desk shows about one delegate: the registration as the delegate sees it, and the check-in. */
export type CheckInCard = RegistrationView & { checkIn: CheckInRecord | null };

export async function getCheckInCard(
  actor: Actor | null,
  meetingId: string,
  registrationId: string,
): Promise<CheckInCard | null> {
  authorize(actor, "checkIn");
  const view = await loadRegistrationView(db, registrationId);
  if (!view || view.meeting.id !== meetingId) return null;
  const checkIn = await db.checkIn.findUnique({ where: { registrationId }, select: checkInRecordSelect });
  return { ...view, checkIn: checkIn && checkInRecord(checkIn) };
}

/**
 * The delegate with the code that staff typed or scanned (a code or the QR code's whole address), or
 * null when the input is no code or no registration of this meeting has it.
 */
export async function findByCheckInCode(
  actor: Actor | null,
  meetingId: string,
  input: string,
): Promise<CheckInCard | null> {
  authorize(actor, "checkIn");
  const code = normalizeCheckInCode(input);
  if (!code) return null;
  const row = await db.registration.findUnique({
    where: { meetingId_checkInCode: { meetingId, checkInCode: code } },
    select: { id: true },
  });
  return row ? getCheckInCard(actor, meetingId, row.id) : null;
}

export type CheckInHit = PersonName & {
  id: string;
  city: { name: Translations; country: "DE" | "CN" } | null;
  cityOther: string | null;
  role: DelegateRole;
  status: RegistrationView["status"];
  checkedIn: boolean;
};

/** More hits than a phone screen can list usefully: staff then type more of the name. */
const SEARCH_LIMIT = 20;

/**
 * Delegates whose names (either script) have every word of `q`, in the desk's list order: all statuses,
 * so that staff see why someone pending cannot be checked in. Names only (nameSearchWhere): an email
 * address typed here finds nobody, so check-in accounts cannot test whether an address is registered.
 */
export async function searchForCheckIn(
  actor: Actor | null,
  meetingId: string,
  q: string,
): Promise<{ hits: CheckInHit[]; more: boolean }> {
  authorize(actor, "checkIn");
  const filters = parseDeskFilters({ q });
  if (!filters.q) return { hits: [], more: false };
  const rows = await db.registration.findMany({
    where: nameSearchWhere(meetingId, filters.q),
    orderBy: deskOrderBy(filters),
    take: SEARCH_LIMIT + 1,
    select: {
      id: true,
      ...nameFields,
      city: { select: { ...translatedFields("name"), country: true } },
      cityOther: true,
      role: true,
      status: true,
      checkIn: { select: { at: true } },
    },
  });
  const hits = rows.slice(0, SEARCH_LIMIT).map(({ city, checkIn, ...row }) => ({
    ...row,
    city: city && { name: translationsOf(city, "name"), country: city.country },
    checkedIn: Boolean(checkIn),
  }));
  return { hits, more: rows.length > SEARCH_LIMIT };
}
