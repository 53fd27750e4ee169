import type { AppLocale } from "../i18n/locales";
import { pick, type Translations } from "../i18n/localized";
import { CHINA_TIME_ZONE, formatLongDate, formatTimeRange } from "../time";

/** A session that takes registrations, with its seats at this moment. */
export type BookableSession = {
  id: string;
  title: Translations;
  startsAt: string;
  endsAt: string;
  room: Translations | null;
  capacity: number;
  seatsLeft: number;
  /** People on the waiting list now. */
  waiting: number;
};

/** What the delegate holds in a session already: a seat, or a place on its waiting list, as a sentence. */
export type HeldPlace = { label: string; waitlisted: boolean };

/** A session as the choice list shows it: texts in the visitor's language, times in both zones. */
export function sessionOption(
  session: BookableSession,
  timeZone: string,
  locale: AppLocale,
  held?: HeldPlace,
) {
  return {
    id: session.id,
    title: pick(session.title, locale),
    day: formatLongDate(session.startsAt, timeZone, locale),
    timeLocal: formatTimeRange(session.startsAt, session.endsAt, timeZone, locale),
    timeChina: formatTimeRange(session.startsAt, session.endsAt, CHINA_TIME_ZONE, locale),
    room: session.room && pick(session.room, locale),
    capacity: session.capacity,
    seatsLeft: session.seatsLeft,
    waiting: session.waiting,
    ...(held && { held }),
  };
}
