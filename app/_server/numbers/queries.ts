import "server-only";
import { translatedFields, translationsOf, type Translations } from "@/app/_lib/i18n/localized";
import { authorize, type Actor } from "../authz";
import { db } from "../db";
import { notFound } from "../errors";
import { ACTIVE_REGISTRATION } from "../meetings/admin-queries";

/**
 * The meeting's dashboard in a handful of aggregate queries: counts are made by the database, never by
 * loading every registration. Days and hours are those of the meeting's time zone (where the organizers
 * work), whatever the zone of the server or of the database session.
 */

export const registrationStatuses = ["confirmed", "pending", "cancelled", "rejected"] as const;
export type RegistrationStatusKey = (typeof registrationStatuses)[number];
export const emailStatuses = ["queued", "sent", "failed"] as const;
export type EmailStatusKey = (typeof emailStatuses)[number];
export const delegateRoles = ["head_of_delegation", "delegate", "interpreter", "press", "guest"] as const;
export type DelegateRoleKey = (typeof delegateRoles)[number];

export type MeetingNumbers = {
  meeting: { id: string; slug: string; title: Translations; timeZone: string };
  byStatus: Record<RegistrationStatusKey, number>;
  /** Per day (yyyy-MM-dd in the meeting's zone) with registrations, oldest first. */
  byDay: { day: string; counts: Record<RegistrationStatusKey, number> }[];
  /** Active registrations (pending and confirmed) from here on. "other": no member city given. */
  byCountry: { country: "DE" | "CN" | "other"; count: number }[];
  byCity: { cityId: string | null; name: Translations | null; count: number }[];
  byRole: { role: DelegateRoleKey; count: number }[];
  /** Sessions with limited seats, in programme order. */
  sessions: {
    id: string;
    title: Translations;
    startsAt: string;
    capacity: number;
    taken: number;
    waiting: number;
    cancelled: boolean;
  }[];
  checkIns: { total: number; confirmed: number; byHour: { hour: string; count: number }[] };
  emails: Record<EmailStatusKey, number>;
};

/** The dashboard of the meeting `slug`, for admins and organizers. */
export async function meetingNumbers(actor: Actor | null, slug: string): Promise<MeetingNumbers> {
  authorize(actor, "readNumbers");
  const meeting = await db.meeting.findUnique({
    where: { slug },
    select: { id: true, slug: true, ...translatedFields("title"), timeZone: true },
  });
  if (!meeting) throw notFound("Meeting");
  const { id: meetingId, timeZone } = meeting;
  const active = { meetingId, status: { in: [...ACTIVE_REGISTRATION] } };

  const [
    statusRows,
    dayRows,
    cityRows,
    roleRows,
    sessionRows,
    waitingRows,
    checkInTotal,
    hourRows,
    emailRows,
  ] = await Promise.all([
    db.registration.groupBy({ by: ["status"], where: { meetingId }, _count: { _all: true } }),
    db.$queryRaw<{ day: string; status: RegistrationStatusKey; count: number }[]>`
      SELECT to_char("createdAt" AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS "day",
             "status"::text AS "status", count(*)::int AS "count"
      FROM "Registration" WHERE "meetingId" = ${meetingId}
      GROUP BY 1, 2 ORDER BY 1, 2`,
    db.registration.groupBy({ by: ["cityId"], where: active, _count: { _all: true } }),
    db.registration.groupBy({ by: ["role"], where: active, _count: { _all: true } }),
    db.session.findMany({
      where: { meetingId, capacity: { not: null }, status: { not: "draft" } },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        ...translatedFields("title"),
        startsAt: true,
        capacity: true,
        seatsTaken: true,
        status: true,
      },
    }),
    db.sessionSeat.groupBy({
      by: ["sessionId"],
      where: { status: "waitlisted", session: { meetingId } },
      _count: { _all: true },
    }),
    db.checkIn.count({ where: { meetingId } }),
    db.$queryRaw<{ hour: string; count: number }[]>`
      SELECT to_char("at" AT TIME ZONE ${timeZone}, 'YYYY-MM-DD"T"HH24') AS "hour", count(*)::int AS "count"
      FROM "CheckIn" WHERE "meetingId" = ${meetingId}
      GROUP BY 1 ORDER BY 1`,
    db.outboxEmail.groupBy({
      by: ["status"],
      where: { registration: { meetingId } },
      _count: { _all: true },
    }),
  ]);

  const byStatus = countsOf(
    registrationStatuses,
    statusRows.map((row) => [row.status, row._count._all]),
  );
  const days = new Map<string, Record<RegistrationStatusKey, number>>();
  for (const row of dayRows) {
    const counts = days.get(row.day) ?? countsOf(registrationStatuses, []);
    counts[row.status] = Number(row.count);
    days.set(row.day, counts);
  }

  const cities = await db.city.findMany({
    where: { id: { in: cityRows.flatMap((row) => (row.cityId ? [row.cityId] : [])) } },
    select: { id: true, ...translatedFields("name"), country: true },
  });
  const cityById = new Map(cities.map((city) => [city.id, city]));
  const byCity = cityRows
    .map((row) => {
      const city = row.cityId ? cityById.get(row.cityId) : undefined;
      return {
        cityId: row.cityId,
        name: city ? translationsOf(city, "name") : null,
        count: row._count._all,
        country: city?.country ?? ("other" as const),
      };
    })
    // Largest delegations first; the delegates from elsewhere last.
    .sort(
      (a, b) =>
        Number(a.cityId === null) - Number(b.cityId === null) ||
        b.count - a.count ||
        (a.name?.de ?? "").localeCompare(b.name?.de ?? ""),
    );
  const countries = new Map<"DE" | "CN" | "other", number>();
  for (const city of byCity) countries.set(city.country, (countries.get(city.country) ?? 0) + city.count);

  const waiting = new Map(waitingRows.map((row) => [row.sessionId, row._count._all]));
  return {
    meeting: { id: meetingId, slug: meeting.slug, title: translationsOf(meeting, "title"), timeZone },
    byStatus,
    byDay: [...days].map(([day, counts]) => ({ day, counts })),
    byCountry: (["DE", "CN", "other"] as const).flatMap((country) =>
      countries.get(country) ? [{ country, count: countries.get(country)! }] : [],
    ),
    byCity: byCity.map(({ cityId, name, count }) => ({ cityId, name, count })),
    byRole: delegateRoles.flatMap((role) => {
      const count = roleRows.find((row) => row.role === role)?._count._all ?? 0;
      return count ? [{ role, count }] : [];
    }),
    sessions: sessionRows.map((session) => ({
      id: session.id,
      title: translationsOf(session, "title"),
      startsAt: session.startsAt.toISOString(),
      capacity: session.capacity!,
      taken: session.seatsTaken,
      waiting: waiting.get(session.id) ?? 0,
      cancelled: session.status === "cancelled",
    })),
    checkIns: {
      total: checkInTotal,
      confirmed: byStatus.confirmed,
      byHour: hourRows.map((row) => ({ hour: row.hour, count: Number(row.count) })),
    },
    emails: countsOf(
      emailStatuses,
      emailRows.map((row) => [row.status, row._count._all]),
    ),
  };
}

function countsOf<Key extends string>(
  keys: readonly Key[],
  entries: [string, number][],
): Record<Key, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<Key, number>;
  for (const [key, count] of entries) if (key in counts) counts[key as Key] = count;
  return counts;
}
