import "server-only";
import { daysBetween, nextYearDates, shiftInstant } from "@/app/_lib/meetings/copy";
import { localInputValue } from "@/app/_lib/meetings/fields";
import { translationsOf, type Translations } from "@/app/_lib/i18n/localized";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { SLUG } from "@/app/_lib/ids";
import { registrationStatuses } from "@/app/_lib/registration/desk-filters";
import { registrationWindow, type StoredWindow } from "@/app/_lib/registration/window";
import { authorize, type Actor } from "../authz";
import { db } from "../db";
import { notFound } from "../errors";
import { settingsSelect } from "./settings-select";

// The back office's meeting pages read these from here too.
export { ACTIVE_REGISTRATION, listCityQuotas, type CityQuotaRow } from "./city-quotas";
export { listRoomsAndTracks, type RoomRow, type TrackRow } from "./room-queries";
export { settingsSelect };

type RegistrationStatus = (typeof registrationStatuses)[number];

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
  /** Every registration of the meeting by status, the desk's list counts them all. */
  registrations: Record<RegistrationStatus, number>;
};

/** Every meeting, published or not, newest first, with its numbers. For every back-office role. */
export async function listMeetingsForAdmin(actor: Actor | null): Promise<AdminMeetingListItem[]> {
  authorize(actor, "openBackOffice");
  const [rows, counts] = await Promise.all([
    db.meeting.findMany({
      orderBy: { startsOn: "desc" },
      select: { ...settingsSelect, _count: { select: { sessions: true } } },
    }),
    db.registration.groupBy({ by: ["meetingId", "status"], _count: true }),
  ]);
  const registrationsOf = (meetingId: string): Record<RegistrationStatus, number> => {
    const byStatus = Object.fromEntries(registrationStatuses.map((status) => [status, 0])) as Record<
      RegistrationStatus,
      number
    >;
    for (const count of counts) if (count.meetingId === meetingId) byStatus[count.status] = count._count;
    return byStatus;
  };
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
    registrations: registrationsOf(row.id),
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
  visaLetterDays: number;
  defaultLocale: AppLocale;
  published: boolean;
};

export type MeetingSettings = { id: string; title: Translations; defaults: MeetingFormDefaults };

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
    visaLetterDays: row.visaLetterDays,
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
  /** Meetings that can be copied, newest first; the first is the default. */
  sources: { id: string; slug: string; title: Translations }[];
};

/**
 * The create form's starting point: the newest meeting one year on (same venue and zone, the same
 * weekday in the matching week, the window moved with it, the slug of the new year), unpublished. Without any meeting, an empty form in Europe/Berlin.
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
        visaLetterDays: 10,
        defaultLocale: "de",
        published: false,
      },
    };
  }
  // Same weekday in the following year's matching week, same length; the registration window moves
  // with it, by the same days and at the same time of day. A deadline after the meeting's own end (the
  // demo's, kept open for visitors) is not proposed: next year's then closes when that meeting ends.
  const dates = nextYearDates(isoDate(newest.startsOn), isoDate(newest.endsOn));
  const offset = daysBetween(isoDate(newest.startsOn), dates.startsOn);
  const moved = (instant: Date | null) =>
    instant && shiftInstant(instant, offset, newest.timeZone, newest.timeZone);
  const startsOn = new Date(`${dates.startsOn}T00:00:00Z`);
  const nextYear = String(startsOn.getUTCFullYear());
  const shifted = formDefaults({
    ...newest,
    startsOn,
    endsOn: new Date(`${dates.endsOn}T00:00:00Z`),
    registrationOpensAt: moved(newest.registrationOpensAt),
    registrationClosesAt: closesAfterItsEnd(newest) ? null : moved(newest.registrationClosesAt),
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

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function closesAfterItsEnd(meeting: StoredWindow): boolean {
  const meetingEnds = registrationWindow({ ...meeting, registrationClosesAt: null }).closesAt;
  return meeting.registrationClosesAt !== null && meeting.registrationClosesAt > new Date(meetingEnds);
}
