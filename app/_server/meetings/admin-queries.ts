import "server-only";
import { DateTime } from "luxon";
import { localInputValue } from "@/app/_lib/meetings/fields";
import { translationsOf, type Translations } from "@/app/_lib/i18n/localized";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { SLUG } from "@/app/_lib/ids";
import { authorize, type Actor } from "../authz";
import { db } from "../db";
import { notFound } from "../errors";

/** Registrations that hold a place: the ones a quota counts. */
export const ACTIVE_REGISTRATION = ["pending", "confirmed"] as const;

export type AdminMeetingListItem = {
  id: string;
  slug: string;
  title: Translations;
  venue: { name: string; city: string; country: "DE" | "CN" };
  timeZone: string;
  /** ISO dates (yyyy-mm-dd). */
  startsOn: string;
  endsOn: string;
  published: boolean;
  sessions: number;
  registrations: number;
};

/** Every meeting, published or not, newest first, with its numbers. For every back-office role. */
export async function listMeetingsForAdmin(actor: Actor | null): Promise<AdminMeetingListItem[]> {
  authorize(actor, "openBackOffice");
  const rows = await db.meeting.findMany({
    orderBy: { startsOn: "desc" },
    select: {
      id: true,
      slug: true,
      titleDe: true,
      titleEn: true,
      titleZh: true,
      venueName: true,
      venueCity: true,
      venueCountry: true,
      timeZone: true,
      startsOn: true,
      endsOn: true,
      published: true,
      _count: {
        select: { sessions: true, registrations: { where: { status: { in: [...ACTIVE_REGISTRATION] } } } },
      },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: translationsOf(row, "title"),
    venue: { name: row.venueName, city: row.venueCity, country: row.venueCountry },
    timeZone: row.timeZone,
    startsOn: isoDate(row.startsOn),
    endsOn: isoDate(row.endsOn),
    published: row.published,
    sessions: row._count.sessions,
    registrations: row._count.registrations,
  }));
}

/** A meeting's settings as the form shows them: dates as yyyy-mm-dd, the registration window in the meeting's zone. */
export type MeetingFormDefaults = {
  slug: string;
  titleDe: string;
  titleEn: string;
  titleZh: string;
  venueName: string;
  venueCity: string;
  venueCountry: "DE" | "CN";
  timeZone: string;
  startsOn: string;
  endsOn: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  requiresApproval: boolean;
  defaultLocale: AppLocale;
  published: boolean;
};

export type MeetingSettings = { id: string; title: Translations; defaults: MeetingFormDefaults };

/** Every setting of a meeting, no counters: what the settings form shows and the audit log keeps. */
export const settingsSelect = {
  id: true,
  slug: true,
  titleDe: true,
  titleEn: true,
  titleZh: true,
  venueName: true,
  venueCity: true,
  venueCountry: true,
  timeZone: true,
  startsOn: true,
  endsOn: true,
  registrationOpensAt: true,
  registrationClosesAt: true,
  requiresApproval: true,
  defaultLocale: true,
  published: true,
} as const;

type SettingsRow = NonNullable<
  Awaited<ReturnType<typeof db.meeting.findFirst<{ select: typeof settingsSelect }>>>
>;

function formDefaults(row: SettingsRow): MeetingFormDefaults {
  return {
    slug: row.slug,
    titleDe: row.titleDe,
    titleEn: row.titleEn,
    titleZh: row.titleZh,
    venueName: row.venueName,
    venueCity: row.venueCity,
    venueCountry: row.venueCountry,
    timeZone: row.timeZone,
    startsOn: isoDate(row.startsOn),
    endsOn: isoDate(row.endsOn),
    registrationOpensAt: localInputValue(row.registrationOpensAt, row.timeZone),
    registrationClosesAt: localInputValue(row.registrationClosesAt, row.timeZone),
    requiresApproval: row.requiresApproval,
    defaultLocale: row.defaultLocale,
    published: row.published,
  };
}

/** One meeting, published or not, for the settings page; `not_found` when there is none. */
export async function getMeetingSettings(actor: Actor | null, slug: string): Promise<MeetingSettings> {
  authorize(actor, "editProgram");
  const row = SLUG.test(slug)
    ? await db.meeting.findUnique({ where: { slug }, select: settingsSelect })
    : null;
  if (!row) throw notFound("Meeting");
  return { id: row.id, title: translationsOf(row, "title"), defaults: formDefaults(row) };
}

export type NextMeetingDraft = {
  defaults: MeetingFormDefaults;
  /** Meetings whose rooms and tracks can be copied, newest first; the first is the default. */
  sources: { id: string; slug: string; title: Translations }[];
};

/**
 * The create form's starting point: the newest meeting one year on (same venue, zone and window, the
 * slug of the new year), unpublished. Without any meeting, an empty form in Europe/Berlin.
 */
export async function nextMeetingDraft(actor: Actor | null): Promise<NextMeetingDraft> {
  authorize(actor, "editProgram");
  const rows = await db.meeting.findMany({ orderBy: { startsOn: "desc" }, select: settingsSelect });
  const sources = rows.map((row) => ({ id: row.id, slug: row.slug, title: translationsOf(row, "title") }));
  const newest = rows[0];
  if (!newest) {
    return {
      sources,
      defaults: {
        slug: "",
        titleDe: "",
        titleEn: "",
        titleZh: "",
        venueName: "",
        venueCity: "",
        venueCountry: "DE",
        timeZone: "Europe/Berlin",
        startsOn: "",
        endsOn: "",
        registrationOpensAt: "",
        registrationClosesAt: "",
        requiresApproval: false,
        defaultLocale: "de",
        published: false,
      },
    };
  }
  const year = (date: Date | null) =>
    date ? DateTime.fromJSDate(date, { zone: "utc" }).plus({ years: 1 }).toJSDate() : null;
  const startsOn = year(newest.startsOn)!;
  const nextYear = String(startsOn.getUTCFullYear());
  const shifted = formDefaults({
    ...newest,
    startsOn,
    endsOn: year(newest.endsOn)!,
    registrationOpensAt: year(newest.registrationOpensAt),
    registrationClosesAt: year(newest.registrationClosesAt),
    published: false,
  });
  const oldYear = String(newest.startsOn.getUTCFullYear());
  const retitle = (title: string) => title.replaceAll(oldYear, nextYear);
  return {
    sources,
    defaults: {
      ...shifted,
      slug: rows.some((row) => row.slug === nextYear) ? "" : nextYear,
      titleDe: retitle(newest.titleDe),
      titleEn: retitle(newest.titleEn),
      titleZh: retitle(newest.titleZh),
    },
  };
}

export type CityQuotaRow = {
  cityId: string;
  name: Translations;
  country: "DE" | "CN";
  /** null: no limit. */
  quota: number | null;
  /** Pending and confirmed registrations from the city. */
  registered: number;
};

/** Every member city with its quota for the meeting and the delegates it has registered so far. */
export async function listCityQuotas(actor: Actor | null, meetingId: string): Promise<CityQuotaRow[]> {
  authorize(actor, "editProgram");
  const [cities, quotas, registered] = await Promise.all([
    db.city.findMany({
      select: { id: true, country: true, nameDe: true, nameEn: true, nameZh: true },
      orderBy: [{ country: "asc" }, { nameDe: "asc" }],
    }),
    db.cityQuota.findMany({ where: { meetingId }, select: { cityId: true, delegates: true } }),
    db.registration.groupBy({
      by: ["cityId"],
      where: { meetingId, status: { in: [...ACTIVE_REGISTRATION] } },
      _count: true,
    }),
  ]);
  const quotaOf = new Map(quotas.map((quota) => [quota.cityId, quota.delegates]));
  const registeredOf = new Map(registered.map((group) => [group.cityId, group._count]));
  return cities.map((city) => ({
    cityId: city.id,
    name: translationsOf(city, "name"),
    country: city.country,
    quota: quotaOf.get(city.id) ?? null,
    registered: registeredOf.get(city.id) ?? 0,
  }));
}

export type RoomRow = {
  id: string;
  slug: string;
  name: Translations;
  location: string | null;
  capacity: number | null;
  sortOrder: number;
  sessions: number;
};
export type TrackRow = {
  id: string;
  slug: string;
  name: Translations;
  color: string;
  sortOrder: number;
  sessions: number;
};

/** A meeting's rooms and tracks in their order, each with the number of sessions using it. */
export async function listRoomsAndTracks(
  actor: Actor | null,
  meetingId: string,
): Promise<{ rooms: RoomRow[]; tracks: TrackRow[] }> {
  authorize(actor, "editProgram");
  const names = { nameDe: true, nameEn: true, nameZh: true } as const;
  const [rooms, tracks] = await Promise.all([
    db.room.findMany({
      where: { meetingId },
      orderBy: [{ sortOrder: "asc" }, { nameDe: "asc" }],
      select: {
        id: true,
        slug: true,
        ...names,
        location: true,
        capacity: true,
        sortOrder: true,
        _count: { select: { sessions: true } },
      },
    }),
    db.track.findMany({
      where: { meetingId },
      orderBy: [{ sortOrder: "asc" }, { nameDe: "asc" }],
      select: {
        id: true,
        slug: true,
        ...names,
        color: true,
        sortOrder: true,
        _count: { select: { sessions: true } },
      },
    }),
  ]);
  return {
    rooms: rooms.map(({ _count, nameDe, nameEn, nameZh, ...room }) => ({
      ...room,
      name: translationsOf({ nameDe, nameEn, nameZh }, "name"),
      sessions: _count.sessions,
    })),
    tracks: tracks.map(({ _count, nameDe, nameEn, nameZh, ...track }) => ({
      ...track,
      name: translationsOf({ nameDe, nameEn, nameZh }, "name"),
      sessions: _count.sessions,
    })),
  };
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
