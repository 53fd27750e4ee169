import "server-only";
import type { Translations } from "@/app/_lib/i18n/localized";
import { translationsOf } from "@/app/_lib/i18n/localized";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import type { DelegateRole } from "@/app/_lib/registration/fields";
import { nameFields, type PersonName } from "@/app/_lib/names";
import type { Prisma } from "../db";
import { waitlistPlaces } from "./seats";

/**
 * How a delegate is named and introduced: name, honorific, position and organization. One select, so
 * that the manage page, the emails and every list of the desk read the same columns.
 */
export const delegateIdentitySelect = {
  ...nameFields,
  honorific: true,
  position: true,
  organization: true,
} as const satisfies Prisma.RegistrationSelect;

/**
 * What a delegate enters besides name, member city and consents: a place outside the member cities,
 * role, contact, languages, needs and the visa letter. The view, the desk's audit of an edit and the
 * exports read the same columns.
 */
export const delegateDetailsSelect = {
  cityOther: true,
  role: true,
  email: true,
  phone: true,
  language: true,
  interpretation: true,
  dietaryNeeds: true,
  accessibilityNeeds: true,
  visaLetter: true,
} as const satisfies Prisma.RegistrationSelect;

/** A delegate's name and introduction, as delegateIdentitySelect reads them. */
export type DelegateIdentity = PersonName & {
  honorific: string | null;
  position: string | null;
  organization: string | null;
};

/**
 * Everything a delegate entered and holds, as the manage page, the emails and the data export show it.
 * Read through any client: the domain reads it inside its transactions, pages through `db`.
 */
export type RegistrationView = DelegateIdentity & {
  id: string;
  status: "pending" | "confirmed" | "cancelled" | "rejected";
  meeting: {
    id: string;
    slug: string;
    title: Translations;
    defaultLocale: AppLocale;
    timeZone: string;
    /** yyyy-mm-dd */
    startsOn: string;
    venueName: string;
    requiresApproval: boolean;
  };
  city: { id: string; slug: string; name: Translations; country: "DE" | "CN" } | null;
  cityOther: string | null;
  role: DelegateRole;
  email: string;
  phone: string | null;
  language: AppLocale;
  interpretation: AppLocale[];
  dietaryNeeds: string | null;
  accessibilityNeeds: string | null;
  visaLetter: boolean;
  privacyConsentAt: string;
  photoConsent: boolean;
  listConsent: boolean;
  createdAt: string;
  updatedAt: string;
  /** Shown to the delegate as text and QR code once the registration is confirmed (app/_lib/check-in-code.ts). */
  checkInCode: string;
  /** Sessions with limited seats that the delegate holds a seat in or waits for, in time order. */
  sessions: SeatView[];
};

/** What of a registration an email shows, in one list for the type and for emailViewOf. */
const emailViewKeys = [
  "status",
  "meeting",
  "givenName",
  "familyName",
  "nativeName",
  "nameOrder",
  "honorific",
  "role",
  "language",
  "checkInCode",
  "updatedAt",
  "sessions",
] as const satisfies readonly (keyof RegistrationView)[];

/**
 * What the delegate's emails and calendar show of a registration: no contact details, needs or consents.
 * An email that waits as a draft keeps only this (registration/emails/drafts.ts).
 */
export type EmailView = Pick<RegistrationView, (typeof emailViewKeys)[number]>;

export function emailViewOf(view: RegistrationView): EmailView {
  return Object.fromEntries(emailViewKeys.map((key) => [key, view[key]])) as EmailView;
}

export type SeatView = (
  | { status: "confirmed"; position: null }
  /** `position`: place on the waiting list, 1 = next to move up. */
  | { status: "waitlisted"; position: number }
) & {
  sessionId: string;
  title: Translations;
  startsAt: string;
  endsAt: string;
  room: Translations | null;
  sessionStatus: "draft" | "published" | "cancelled";
  /** iCalendar SEQUENCE of the session. */
  sequence: number;
  updatedAt: string;
};

const names = { nameDe: true, nameEn: true, nameZh: true } as const;

/** A session as registration shows it everywhere (pages, emails, calendars): title, time, room, version. */
export const sessionBasicsSelect = {
  id: true,
  titleDe: true,
  titleEn: true,
  titleZh: true,
  startsAt: true,
  endsAt: true,
  sequence: true,
  updatedAt: true,
  room: { select: names },
} as const satisfies Prisma.SessionSelect;

export function sessionBasics(row: Prisma.SessionGetPayload<{ select: typeof sessionBasicsSelect }>) {
  return {
    title: translationsOf(row, "title"),
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    room: row.room && translationsOf(row.room, "name"),
    sequence: row.sequence,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What a view shows of the meeting, a city and a session, as registrationSelect reads them. */
export const viewMeetingSelect = {
  id: true,
  slug: true,
  titleDe: true,
  titleEn: true,
  titleZh: true,
  defaultLocale: true,
  timeZone: true,
  startsOn: true,
  venueName: true,
  requiresApproval: true,
} as const satisfies Prisma.MeetingSelect;
/** A city as lists and exports name it: its names in every language and its country. */
export const cityNameSelect = { ...names, country: true } as const satisfies Prisma.CitySelect;
export const viewCitySelect = {
  id: true,
  slug: true,
  ...cityNameSelect,
} as const satisfies Prisma.CitySelect;
export const viewSessionSelect = {
  ...sessionBasicsSelect,
  status: true,
} as const satisfies Prisma.SessionSelect;

export const registrationSelect = {
  id: true,
  status: true,
  meeting: { select: viewMeetingSelect },
  ...delegateIdentitySelect,
  city: { select: viewCitySelect },
  ...delegateDetailsSelect,
  privacyConsentAt: true,
  photoConsent: true,
  listConsent: true,
  createdAt: true,
  updatedAt: true,
  checkInCode: true,
  seats: {
    select: {
      status: true,
      waitlistNumber: true,
      session: { select: viewSessionSelect },
    },
    orderBy: { session: { startsAt: "asc" } },
  },
} as const satisfies Prisma.RegistrationSelect;

type Reader = Pick<Prisma.TransactionClient, "registration" | "$queryRaw">;

/** The registration with its seats and waiting-list places; null when there is none with that id. */
export async function loadRegistrationView(
  client: Reader,
  registrationId: string,
): Promise<RegistrationView | null> {
  const row = await client.registration.findUnique({
    where: { id: registrationId },
    select: registrationSelect,
  });
  if (!row) return null;
  const waiting = row.seats.some((seat) => seat.status === "waitlisted");
  return registrationViewOf(row, waiting ? await waitlistPlaces(client, [row.id]) : new Map());
}

/** A registration as registrationSelect reads it. */
export type RegistrationRow = Prisma.RegistrationGetPayload<{ select: typeof registrationSelect }>;

/**
 * The view of a registration's row; `places`: the waiting-list places of its waitlisted seats, by
 * "sessionId/registrationId" (waitlistPlaces). Seats in time order, as registrationSelect orders them.
 */
export function registrationViewOf(
  row: RegistrationRow,
  places: ReadonlyMap<string, number>,
): RegistrationView {
  const { meeting, city, seats, ...fields } = row;
  return {
    ...fields,
    meeting: {
      id: meeting.id,
      slug: meeting.slug,
      title: translationsOf(meeting, "title"),
      defaultLocale: meeting.defaultLocale,
      timeZone: meeting.timeZone,
      startsOn: meeting.startsOn.toISOString().slice(0, 10),
      venueName: meeting.venueName,
      requiresApproval: meeting.requiresApproval,
    },
    city: city && { id: city.id, slug: city.slug, country: city.country, name: translationsOf(city, "name") },
    privacyConsentAt: row.privacyConsentAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    sessions: seats.map(({ status, session }) => ({
      sessionId: session.id,
      ...(status === "waitlisted"
        ? { status, position: places.get(`${session.id}/${row.id}`)! }
        : { status, position: null }),
      ...sessionBasics(session),
      sessionStatus: session.status,
    })),
  };
}
