import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { nameFields, type PersonName } from "@/app/_lib/names";
import { translationsOf, type Translations } from "@/app/_lib/i18n/localized";
import type { DeskFilters } from "@/app/_lib/registration/desk-filters";
import type { DelegateRole } from "@/app/_lib/registration/fields";
import { authorize, type Actor } from "../authz";
import { db } from "../db";
import { notFound } from "../errors";
import { deskOrderBy, deskWhere } from "./desk-filter";
import { registrationHistory, type HistoryEntry } from "./desk-history";
import { cityNameSelect, loadRegistrationView, type RegistrationView } from "../registration/view";

/** What the registration desk reads: the filtered list, the choices of its filters, one registration in full. */

export type DeskMeeting = {
  id: string;
  slug: string;
  title: Translations;
  timeZone: string;
  requiresApproval: boolean;
  /** For the footer of the emails the desk writes to delegates. */
  venueName: string;
};

export async function getDeskMeeting(actor: Actor | null, slug: string): Promise<DeskMeeting> {
  authorize(actor, "manageRegistrations");
  const row = await db.meeting.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      titleDe: true,
      titleEn: true,
      titleZh: true,
      timeZone: true,
      requiresApproval: true,
      venueName: true,
    },
  });
  if (!row) throw notFound("Meeting");
  return {
    id: row.id,
    slug: row.slug,
    title: translationsOf(row, "title"),
    timeZone: row.timeZone,
    requiresApproval: row.requiresApproval,
    venueName: row.venueName,
  };
}

export type DeskSeat = {
  sessionId: string;
  title: Translations;
  status: "confirmed" | "waitlisted";
  place: number | null;
};

export type DeskRow = PersonName & {
  id: string;
  email: string;
  organization: string | null;
  city: { name: Translations; country: "DE" | "CN" } | null;
  cityOther: string | null;
  role: DelegateRole;
  status: RegistrationView["status"];
  seats: DeskSeat[];
  interpretation: AppLocale[];
  visaLetter: boolean;
  createdAt: string;
  checkedIn: boolean;
};

/** Rows per page: a meeting has a few hundred delegates, a page of 50 stays quick to read and to load. */
const DESK_PAGE_SIZE = 50;

const titleFields = { titleDe: true, titleEn: true, titleZh: true } as const;

/** One page of the filtered, sorted list and how many registrations match in all. */
export async function listDeskRegistrations(
  actor: Actor | null,
  meetingId: string,
  filters: DeskFilters,
  page = 1,
): Promise<{ total: number; page: number; pages: number; rows: DeskRow[] }> {
  authorize(actor, "manageRegistrations");
  const where = deskWhere(meetingId, filters);
  const total = await db.registration.count({ where });
  const pages = Math.max(1, Math.ceil(total / DESK_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const [rows, places] = await Promise.all([
    db.registration.findMany({
      where,
      orderBy: deskOrderBy(filters),
      skip: (current - 1) * DESK_PAGE_SIZE,
      take: DESK_PAGE_SIZE,
      select: {
        id: true,
        ...nameFields,
        email: true,
        organization: true,
        city: { select: cityNameSelect },
        cityOther: true,
        role: true,
        status: true,
        interpretation: true,
        visaLetter: true,
        createdAt: true,
        checkIn: { select: { at: true } },
        seats: {
          select: {
            sessionId: true,
            status: true,
            waitlistNumber: true,
            session: { select: { ...titleFields, startsAt: true } },
          },
        },
      },
    }),
    waitlistPlaces(meetingId),
  ]);
  return {
    total,
    page: current,
    pages,
    rows: rows.map((row) => ({
      ...row,
      city: row.city && { name: translationsOf(row.city, "name"), country: row.city.country },
      createdAt: row.createdAt.toISOString(),
      checkedIn: row.checkIn !== null,
      seats: row.seats
        .sort((a, b) => a.session.startsAt.getTime() - b.session.startsAt.getTime())
        .map((seat) => ({
          sessionId: seat.sessionId,
          title: translationsOf(seat.session, "title"),
          status: seat.status,
          place: seat.status === "waitlisted" ? (places.get(`${seat.sessionId}/${row.id}`) ?? null) : null,
        })),
    })),
  };
}

/**
 * Every waiting-list place of the meeting, by "session/registration", from one query: the place is 1 +
 * the waitlisted seats with a lower number, as `waitlistPlaces` (seats.ts) counts it for a few registrations.
 */
async function waitlistPlaces(meetingId: string): Promise<Map<string, number>> {
  const seats = await db.sessionSeat.findMany({
    where: { status: "waitlisted", session: { meetingId } },
    select: { sessionId: true, registrationId: true },
    orderBy: [{ sessionId: "asc" }, { waitlistNumber: "asc" }],
  });
  const places = new Map<string, number>();
  const counted = new Map<string, number>();
  for (const seat of seats) {
    const place = (counted.get(seat.sessionId) ?? 0) + 1;
    counted.set(seat.sessionId, place);
    places.set(`${seat.sessionId}/${seat.registrationId}`, place);
  }
  return places;
}

export type DeskCity = { id: string; name: Translations; country: "DE" | "CN" };

export type DeskSession = {
  id: string;
  title: Translations;
  startsAt: string;
  endsAt: string;
  status: "draft" | "published" | "cancelled";
  capacity: number;
  seatsTaken: number;
  waiting: number;
};

/** The choices of the filters: member cities (with country) and the sessions with limited seats. */
export async function deskChoices(
  actor: Actor | null,
  meetingId: string,
): Promise<{ cities: DeskCity[]; sessions: DeskSession[] }> {
  authorize(actor, "manageRegistrations");
  const [cities, sessions] = await Promise.all([
    db.city.findMany({
      select: { id: true, country: true, nameDe: true, nameEn: true, nameZh: true },
      orderBy: { nameDe: "asc" },
    }),
    db.session.findMany({
      where: { meetingId, capacity: { not: null } },
      select: {
        id: true,
        ...titleFields,
        startsAt: true,
        endsAt: true,
        status: true,
        capacity: true,
        seatsTaken: true,
        _count: { select: { seats: { where: { status: "waitlisted" } } } },
      },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    }),
  ]);
  return {
    cities: cities.map((city) => ({
      id: city.id,
      name: translationsOf(city, "name"),
      country: city.country,
    })),
    sessions: sessions.map((session) => ({
      id: session.id,
      title: translationsOf(session, "title"),
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      status: session.status,
      capacity: session.capacity!,
      seatsTaken: session.seatsTaken,
      waiting: session._count.seats,
    })),
  };
}

export type DeskRegistration = RegistrationView & {
  cancelledAt: string | null;
  checkIn: { at: string; staffEmail: string } | null;
  history: HistoryEntry[];
};

/** One registration of the meeting with everything entered, its seats, its check-in and its history. */
export async function getDeskRegistration(
  actor: Actor | null,
  meetingId: string,
  registrationId: string,
): Promise<DeskRegistration> {
  authorize(actor, "manageRegistrations");
  const view = await loadRegistrationView(db, registrationId);
  if (!view || view.meeting.id !== meetingId) throw notFound("Registration");
  const extra = await db.registration.findUniqueOrThrow({
    where: { id: registrationId },
    select: { cancelledAt: true, checkIn: { select: { at: true, staffEmail: true } } },
  });
  const checkIn = extra.checkIn && {
    at: extra.checkIn.at.toISOString(),
    staffEmail: extra.checkIn.staffEmail,
  };
  return {
    ...view,
    cancelledAt: extra.cancelledAt?.toISOString() ?? null,
    checkIn,
    history: await registrationHistory(registrationId, view.createdAt, checkIn),
  };
}
