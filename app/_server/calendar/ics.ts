import "server-only";
import ical, { ICalEventStatus, ICalEventTransparency } from "ical-generator";
import { DateTime } from "luxon";
import { tzlib_get_ical_block } from "timezones-ical-library";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick, type Translations } from "@/app/_lib/i18n/localized";
import { calendarPropertiesFirst, cleanText, escapeText, refold } from "./ical-text";
import {
  chinaTimeLine,
  roomName,
  seatLine,
  seatState,
  translator,
  type RegistrationState,
  type SeatFacts,
} from "./wording";

/**
 * iCalendar files built from data alone (README "Calendars"): the same data gives the same bytes, so feeds can
 * answer with an ETag of their data and a re-sent attachment updates the same events instead of adding copies.
 *
 * No METHOD: a METHOD makes the file an iTIP message (RFC 5546), and METHOD:PUBLISH requires an ORGANIZER
 * in every event, who would receive the replies; there is none (the emails come from a no-reply address),
 * and an invented one would make calendar apps show it and offer to answer it. Without METHOD the file is a
 * plain iCalendar object (RFC 5545 §3.7.2): subscribed feeds and imported attachments both work by UID and
 * SEQUENCE, and libical's restriction check passes (test/ical-restriction.c).
 */

export const CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8";

export type CalendarEvent = {
  /** Stable across every feed and download: see sessionUid. */
  uid: string;
  /** Rises on every change of time, place or status. */
  sequence: number;
  start: Date | string;
  end: Date | string;
  /** When the event last changed: DTSTAMP and LAST-MODIFIED. */
  modified: Date | string;
  summary: string;
  description?: string | null;
  location?: string | null;
  status: "confirmed" | "tentative" | "cancelled";
  url?: string | null;
};

export type CalendarInput = {
  name: string;
  description?: string | null;
  /** IANA zone of DTSTART/DTEND (TZID), described by one VTIMEZONE. */
  timeZone: string;
  events: CalendarEvent[];
  /** Suggested refresh interval of a subscribed feed (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
  refreshSeconds?: number;
};

const statuses = {
  confirmed: ICalEventStatus.CONFIRMED,
  tentative: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
} as const;

/**
 * How busy the time looks. A waiting place or a registration not yet approved is not a promise of a seat:
 * free time (TRANSP), which Google and Apple follow, and "tentative" for Outlook, which reads its own
 * property instead. A cancelled session takes no time at all. Confirmed seats keep the default (busy).
 */
const busy = {
  confirmed: null,
  tentative: { transparency: ICalEventTransparency.TRANSPARENT, outlook: "TENTATIVE" },
  cancelled: { transparency: ICalEventTransparency.TRANSPARENT, outlook: "FREE" },
} as const;

function instant(value: Date | string): DateTime {
  return DateTime.fromJSDate(typeof value === "string" ? new Date(value) : value, { zone: "utc" });
}

const vtimezones = new Map<string, string | null>();

/**
 * The VTIMEZONE block of an IANA zone; null for one the library does not know. Kept per zone: the
 * library builds the block anew on every call, which was a tenth of the CPU of a confirmation email.
 */
function vtimezone(zone: string): string | null {
  if (!vtimezones.has(zone)) {
    const block = tzlib_get_ical_block(zone);
    vtimezones.set(zone, Array.isArray(block) && block[0]?.startsWith("BEGIN:VTIMEZONE") ? block[0] : null);
  }
  return vtimezones.get(zone)!;
}

export function renderCalendar(input: CalendarInput): string {
  const calendar = ical({
    // ical-generator writes the name and description as they come: escaped here.
    name: escapeText(input.name),
    description: input.description ? escapeText(input.description) : null,
    prodId: {
      company: "Chinese-German Industrial Cities Alliance",
      product: "Annual meeting",
      language: "EN",
    },
    ttl: input.refreshSeconds ?? null,
  });
  // No calendar zone (name: null): DTSTAMP and LAST-MODIFIED stay in UTC with "Z"; the events carry TZID.
  calendar.timezone({ name: null, generator: vtimezone });
  // Cancelled events stay, also once they have ended: a calendar that imported or subscribed the event
  // learns of the cancellation only from the event itself.
  const events = [...input.events].sort(
    (a, b) =>
      instant(a.start).toMillis() - instant(b.start).toMillis() ||
      (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0),
  );
  for (const event of events) {
    const modified = instant(event.modified).toJSDate();
    const time = busy[event.status];
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      // Luxon values: ical-generator writes them in the event's zone; a native Date would go through
      // the process's local clock.
      start: instant(event.start),
      end: instant(event.end),
      timezone: input.timeZone,
      stamp: modified,
      lastModified: modified,
      summary: cleanText(event.summary),
      description: event.description ? cleanText(event.description) : null,
      location: event.location ? cleanText(event.location) : null,
      status: statuses[event.status],
      url: event.url ?? null,
      transparency: time?.transparency ?? null,
      x: time ? { "X-MICROSOFT-CDO-BUSYSTATUS": time.outlook } : [],
    });
  }
  let text = calendar.toString();
  // A calendar without events still holds a component (RFC 5545 §3.6: at least one): its VTIMEZONE,
  // which ical-generator writes only for the zones events use.
  if (events.length === 0) {
    const block = vtimezone(input.timeZone);
    if (block) text = text.replace(/END:VCALENDAR\r?\n?$/, `${block}\r\nEND:VCALENDAR\r\n`);
  }
  return refold(calendarPropertiesFirst(text));
}

/**
 * The UID of a session's event, the same in every calendar that holds it; `domain` is the installation's
 * (uid-domain.ts), fixed at install.
 */
export function sessionUid(sessionId: string, domain: string): string {
  return `${sessionId}@${domain}`;
}

/** A session the delegate gave up (a seat or a waiting-list place), as it stands in the database. */
export type ReleasedSession = {
  sessionId: string;
  title: Translations;
  startsAt: string;
  endsAt: string;
  room: Translations | null;
  /** The session's own SEQUENCE; the cancelled event goes one higher. */
  sequence: number;
  updatedAt: string;
};

/**
 * What a delegate's calendar is made of: the registration's state and the sessions it holds a seat or
 * a waiting place in (registration/view.ts's EmailView is one).
 */
export type PersonalCalendarView = RegistrationState & {
  updatedAt: string;
  meeting: { title: Translations; timeZone: string };
  sessions: (ReleasedSession & SeatFacts)[];
};

export type PersonalCalendarOptions = Pick<CalendarInput, "refreshSeconds"> & {
  /** The installation's UID domain (uid-domain.ts). */
  uidDomain: string;
  /** Events of the sessions open to everyone, while the registration stands (program.ts). */
  open?: CalendarEvent[];
  /**
   * Sessions the delegate has just given up. A calendar that imported them from an earlier email keeps
   * them until it reads the same UID again as CANCELLED with a higher SEQUENCE, so an attachment that
   * reports the change carries them that way. Sessions the view still holds are left to the view.
   */
  released?: ReleasedSession[];
};

/**
 * The delegate's program, in the delegate's language: their seats and waiting places, with the sessions
 * open to everyone when given. `refreshSeconds` as in renderCalendar, for a subscribed feed.
 */
export function personalCalendar(
  view: PersonalCalendarView,
  locale: AppLocale,
  options: PersonalCalendarOptions,
): string {
  const { released = [], open = [], uidDomain, ...render } = options;
  const meeting = pick(view.meeting.title, locale);
  // A session whose seat limit was lifted after the delegate took a seat: once, as the delegate's.
  const own = personalEvents(view, locale, uidDomain, released);
  const ownUids = new Set(own.map((event) => event.uid));
  return renderCalendar({
    ...render,
    name: translator(locale)("calendar.name", { meeting }),
    timeZone: view.meeting.timeZone,
    events: [...own, ...open.filter((event) => !ownUids.has(event.uid))],
  });
}

/** The delegate's own events of personalCalendar (seats, waiting places, given-up sessions). */
function personalEvents(
  view: PersonalCalendarView,
  locale: AppLocale,
  uidDomain: string,
  released: ReleasedSession[] = [],
): CalendarEvent[] {
  const t = translator(locale);
  const timeZone = view.meeting.timeZone;
  const held = new Set(view.sessions.map((seat) => seat.sessionId));
  const latest = (a: string, b: string) => (a > b ? a : b);
  return [
    ...view.sessions
      .filter((seat) => seat.sessionStatus !== "draft")
      .map((seat) => {
        const state = seatState(view, seat);
        return {
          uid: sessionUid(seat.sessionId, uidDomain),
          sequence: seat.sequence,
          start: seat.startsAt,
          end: seat.endsAt,
          // A change of the delegate's own state (a seat after the waiting list) must reach the calendar
          // too, though the session itself is unchanged.
          modified: latest(seat.updatedAt, view.updatedAt),
          summary: pick(seat.title, locale),
          description: [chinaTimeLine(t, seat, timeZone, locale), seatLine(t, view, seat)].join("\n"),
          location: roomName(seat, locale),
          status:
            state === "sessionCancelled" || state === "registrationEnded"
              ? "cancelled"
              : state === "waitlisted" || state === "pending"
                ? "tentative"
                : "confirmed",
        } satisfies CalendarEvent;
      }),
    ...released
      .filter((session) => !held.has(session.sessionId))
      .map(
        (session) =>
          ({
            uid: sessionUid(session.sessionId, uidDomain),
            // Above every version of the event the delegate can have imported (those carried the session's
            // own sequence), so that calendars take the cancellation.
            sequence: session.sequence + 1,
            start: session.startsAt,
            end: session.endsAt,
            modified: latest(session.updatedAt, view.updatedAt),
            summary: pick(session.title, locale),
            description: [chinaTimeLine(t, session, timeZone, locale), t("seat.released")].join("\n"),
            location: roomName(session, locale),
            status: "cancelled",
          }) satisfies CalendarEvent,
      ),
  ];
}
