import "server-only";
import type { Translations } from "@/app/_lib/i18n/localized";
import { translatedFields, translationsOf } from "@/app/_lib/i18n/localized";
import type { BookableSession } from "@/app/_lib/registration/session-options";
import { db, type Prisma } from "../db";
import { getMeeting } from "../meetings/queries";
import { sessionBasics, sessionBasicsSelect } from "./view";

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
  /** Other spellings, for the city finder: matched, never shown. */
  aliases: string[];
  region: Translations | null;
  country: "DE" | "CN";
  quota: number | null;
  full: boolean;
};

/** Member cities for the form, with their delegation quota for the meeting and whether it is used up. */
export async function listCityOptions(meetingId: string): Promise<CityOptionDto[]> {
  const [cities, quotas, taken] = await Promise.all([
    db.city.findMany({
      select: {
        id: true,
        country: true,
        ...translatedFields("name"),
        aliases: true,
        ...translatedFields("region"),
      },
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
      aliases: city.aliases,
      region: city.regionDe || city.regionEn || city.regionZh ? translationsOf(city, "region") : null,
      country: city.country,
      quota,
      full: quota !== null && (takenOf.get(city.id) ?? 0) >= quota,
    };
  });
}
