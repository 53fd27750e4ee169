import "server-only";
import { adminPaths } from "@/app/_lib/admin-paths";
import { localized, translatedFields, translationsOf, type Translations } from "@/app/_lib/i18n/localized";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { nameFields, nameLine, type PersonName } from "@/app/_lib/names";
import { db } from "../db";

/**
 * What the audit log's entries name, by id: the changed record and the records its before/after refer to
 * (a room, a speaker, a city), each with its name in the reader's language and its page in the back office.
 * One query per kind of record for a whole page of entries, never one per entry.
 */

export type AuditRef = { label: string; href: string | null };

/** The references, with what the conflict sentences and the times need besides a label. */
export type Resolved = {
  refs: Map<string, AuditRef>;
  sessionTitles: Map<string, Translations>;
  people: Map<string, PersonName>;
  meetingZones: Map<string, string>;
};

type Kind =
  "Session" | "CeremonySegment" | "Person" | "Registration" | "Meeting" | "Room" | "Track" | "City" | "User";

/** The keys of a before/after record that hold the id of another record, and which kind it is. */
const referenceKeys: Record<string, Kind> = {
  sessionId: "Session",
  sessionIds: "Session",
  releasedSessionIds: "Session",
  personId: "Person",
  roomId: "Room",
  trackId: "Track",
  cityId: "City",
  meetingId: "Meeting",
};

export type Wanted = Record<Kind, Set<string>>;

export function nothingWanted(): Wanted {
  return {
    Session: new Set(),
    CeremonySegment: new Set(),
    Person: new Set(),
    Registration: new Set(),
    Meeting: new Set(),
    Room: new Set(),
    Track: new Set(),
    City: new Set(),
    User: new Set(),
  };
}

export function isKind(entity: string): entity is Kind {
  return entity in nothingWanted();
}

/** Adds the ids a record refers to (at any depth: a session's speakers, a conflict's other session). */
export function wantReferences(wanted: Wanted, value: unknown, key?: string): void {
  if (Array.isArray(value)) {
    for (const item of value) wantReferences(wanted, item, key);
  } else if (value && typeof value === "object") {
    // An accepted conflict names the other session as `with: { id, title, … }`.
    if (key === "with" && "id" in value && typeof value.id === "string") wanted.Session.add(value.id);
    for (const [inner, innerValue] of Object.entries(value)) wantReferences(wanted, innerValue, inner);
  } else if (typeof value === "string" && key && referenceKeys[key]) {
    wanted[referenceKeys[key]].add(value);
  }
}

const ids = (set: Set<string>) => ({ id: { in: [...set] } });

/** Every wanted record that still exists, by id. Deleted ones are left out: the entry's record names them. */
export async function resolveReferences(
  wanted: Wanted,
  locale: AppLocale,
  linkAccounts: boolean,
): Promise<Resolved> {
  const refs = new Map<string, AuditRef>();
  const title = { ...translatedFields("title"), meeting: { select: { slug: true } } } as const;
  const named = { ...translatedFields("name"), meeting: { select: { slug: true } } } as const;
  const query = <T>(set: Set<string>, run: () => Promise<T[]>) => (set.size ? run() : Promise.resolve([]));
  const [sessions, segments, people, registrations, meetings, rooms, tracks, cities, users] =
    await Promise.all([
      query(wanted.Session, () =>
        db.session.findMany({ where: ids(wanted.Session), select: { id: true, kind: true, ...title } }),
      ),
      query(wanted.CeremonySegment, () =>
        db.ceremonySegment.findMany({
          where: ids(wanted.CeremonySegment),
          select: { id: true, ...translatedFields("title"), session: { select: { id: true, ...title } } },
        }),
      ),
      query(wanted.Person, () =>
        db.person.findMany({ where: ids(wanted.Person), select: { id: true, ...nameFields } }),
      ),
      query(wanted.Registration, () =>
        db.registration.findMany({
          where: ids(wanted.Registration),
          select: { id: true, ...nameFields, meeting: { select: { slug: true } } },
        }),
      ),
      query(wanted.Meeting, () =>
        db.meeting.findMany({
          where: ids(wanted.Meeting),
          select: { id: true, slug: true, timeZone: true, ...translatedFields("title") },
        }),
      ),
      query(wanted.Room, () => db.room.findMany({ where: ids(wanted.Room), select: { id: true, ...named } })),
      query(wanted.Track, () =>
        db.track.findMany({ where: ids(wanted.Track), select: { id: true, ...named } }),
      ),
      query(wanted.City, () =>
        db.city.findMany({ where: ids(wanted.City), select: { id: true, ...translatedFields("name") } }),
      ),
      query(wanted.User, () =>
        db.user.findMany({ where: ids(wanted.User), select: { id: true, name: true, email: true } }),
      ),
    ]);
  for (const row of sessions)
    refs.set(row.id, {
      label: localized(row, "title", locale),
      href:
        row.kind === "ceremony"
          ? adminPaths.ceremony(row.meeting.slug, row.id)
          : adminPaths.session(row.meeting.slug, row.id),
    });
  for (const row of segments)
    refs.set(row.id, {
      label: `${localized(row.session, "title", locale)} · ${localized(row, "title", locale)}`,
      href: adminPaths.ceremony(row.session.meeting.slug, row.session.id),
    });
  for (const row of people)
    refs.set(row.id, { label: nameLine(row, locale), href: adminPaths.person(row.id) });
  for (const row of registrations)
    refs.set(row.id, {
      label: nameLine(row, locale),
      href: adminPaths.registration(row.meeting.slug, row.id),
    });
  for (const row of meetings)
    refs.set(row.id, {
      label: localized(row, "title", locale) || row.slug,
      href: adminPaths.meeting(row.slug),
    });
  for (const row of [...rooms, ...tracks])
    refs.set(row.id, { label: localized(row, "name", locale), href: adminPaths.rooms(row.meeting.slug) });
  for (const row of cities) refs.set(row.id, { label: localized(row, "name", locale), href: null });
  for (const row of users)
    refs.set(row.id, {
      label: row.name ? `${row.name} (${row.email})` : row.email,
      // Accounts are the admins' pages; others see the name without a link that would only refuse them.
      href: linkAccounts ? adminPaths.account(row.id) : null,
    });
  return {
    refs,
    sessionTitles: new Map(sessions.map((row) => [row.id, translationsOf(row, "title")])),
    people: new Map(people.map(({ id, ...name }) => [id, name])),
    meetingZones: new Map(meetings.map((row) => [row.id, row.timeZone])),
  };
}
