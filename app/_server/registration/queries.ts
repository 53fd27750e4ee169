import "server-only";
import type { Translations } from "@/app/_lib/i18n/localized";
import { translationsOf } from "@/app/_lib/i18n/localized";
import type { BookableSession } from "@/app/_lib/registration/session-options";
import { db, type Prisma } from "../db";
import { notFound } from "../errors";
import { getMeeting } from "../meetings/queries";
import { registrationIdForToken } from "./tokens";
import { loadRegistrationView, sessionBasics, sessionBasicsSelect, type RegistrationView } from "./view";

/** Sessions that take registrations: published, with limited seats. */
const bookable = { status: "published", capacity: { not: null } } as const satisfies Prisma.SessionWhereInput;

/** The sessions a delegate can pick on the form, in time order, with seats left at this moment. */
export async function listBookableSessions(meetingSlug: string): Promise<BookableSession[]> {
  const meeting = await getMeeting(meetingSlug);
  const rows = await db.session.findMany({
    where: { meetingId: meeting.id, ...bookable },
    select: {
      ...sessionBasicsSelect,
      capacity: true,
      seatsTaken: true,
      _count: { select: { seats: { where: { status: "waitlisted" } } } },
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    ...sessionBasics(row),
    capacity: row.capacity!,
    seatsLeft: Math.max(0, row.capacity! - row.seatsTaken),
    waiting: row._count.seats,
  }));
}

export type CityOptionDto = {
  id: string;
  name: Translations;
  country: "DE" | "CN";
  quota: number | null;
  full: boolean;
};

/** Member cities for the form, with their delegation quota for the meeting and whether it is used up. */
export async function listCityOptions(meetingId: string): Promise<CityOptionDto[]> {
  const [cities, quotas, taken] = await Promise.all([
    db.city.findMany({
      select: { id: true, country: true, nameDe: true, nameEn: true, nameZh: true },
      orderBy: { nameDe: "asc" },
    }),
    db.cityQuota.findMany({ where: { meetingId }, select: { cityId: true, delegates: true } }),
    db.registration.groupBy({
      by: ["cityId"],
      where: { meetingId, status: { in: ["pending", "confirmed"] } },
      _count: true,
    }),
  ]);
  const quotaOf = new Map(quotas.map((quota) => [quota.cityId, quota.delegates]));
  const takenOf = new Map(taken.map((group) => [group.cityId, group._count]));
  return cities.map((city) => {
    const quota = quotaOf.get(city.id) ?? null;
    return {
      id: city.id,
      name: translationsOf(city, "name"),
      country: city.country,
      quota,
      full: quota !== null && (takenOf.get(city.id) ?? 0) >= quota,
    };
  });
}

/** The registration a manage link opens; `not_found` for unknown, malformed or deleted ones. */
export async function getManagedRegistration(token: string): Promise<RegistrationView> {
  const id = await registrationIdForToken(db, token, "manage");
  const view = id ? await loadRegistrationView(db, id) : null;
  if (!view) throw notFound("Registration");
  return view;
}

/** Whether the delegate has made a personal calendar link (only its hash exists). */
export async function hasCalendarLink(registrationId: string): Promise<boolean> {
  return (await db.accessToken.count({ where: { registrationId, purpose: "calendar" } })) > 0;
}

/** Everything stored about the delegate (GDPR Art. 15/20), as a JSON document. */
export async function exportPersonalData(token: string) {
  const registration = await getManagedRegistration(token);
  const emails = await db.outboxEmail.findMany({
    where: { registrationId: registration.id },
    select: { kind: true, toAddress: true, subject: true, status: true, createdAt: true, sentAt: true },
    orderBy: { createdAt: "asc" },
  });
  const links = await db.accessToken.groupBy({
    by: ["purpose"],
    where: { registrationId: registration.id },
    _count: true,
  });
  return {
    exportedAt: new Date().toISOString(),
    registration,
    emails,
    /** Only counts: the links themselves are not stored. */
    activeLinks: Object.fromEntries(links.map((group) => [group.purpose, group._count])),
  };
}
