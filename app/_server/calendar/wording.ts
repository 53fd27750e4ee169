import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick, type Translations } from "@/app/_lib/i18n/localized";
import { messages } from "@/app/_lib/i18n/messages";
import { createTranslator } from "@/app/_lib/i18n/translator";
import { CHINA_TIME_ZONE, dayKey, formatLongDate, formatTimeRange, zoneOffsetLabel } from "@/app/_lib/time";

/**
 * What the delegate's calendar and the registration emails both say about a session and a seat, in the
 * delegate's language (the `email` messages): Beijing time, the room, the state of the seat. The emails
 * build on this; it depends on no mail code.
 */

function createEmailTranslator(locale: AppLocale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "email" });
}

export type DelegateTranslator = ReturnType<typeof createEmailTranslator>;

/** One per language, kept: a translator keeps the messages it has parsed, which a new one parses again. */
const translators = new Map<AppLocale, DelegateTranslator>();

export function translator(locale: AppLocale): DelegateTranslator {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = createEmailTranslator(locale)));
  return t;
}

type Times = { startsAt: string; endsAt: string };

/** "19:30–21:00 Uhr Pekinger Zeit (UTC+8)", with the date when it falls on another day than in the meeting's zone. */
export function chinaTimeLine(
  t: DelegateTranslator,
  session: Times,
  timeZone: string,
  locale: AppLocale,
): string {
  const range = formatTimeRange(session.startsAt, session.endsAt, CHINA_TIME_ZONE, locale);
  const sameDay = dayKey(session.startsAt, CHINA_TIME_ZONE) === dayKey(session.startsAt, timeZone);
  const time = sameDay
    ? range
    : `${formatLongDate(session.startsAt, CHINA_TIME_ZONE, locale)}${locale === "zh" ? " " : ", "}${range}`;
  return t("chinaTime", { time, offset: zoneOffsetLabel(session.startsAt, CHINA_TIME_ZONE) });
}

export type SeatState = "confirmed" | "pending" | "waitlisted" | "sessionCancelled" | "registrationEnded";

/** The registration's state, as the wording of a seat needs it (registration/view.ts's views have it). */
export type RegistrationState = { status: "pending" | "confirmed" | "cancelled" | "rejected" };

/** A seat or waiting place, as its wording needs it (registration/view.ts's SeatView is one). */
export type SeatFacts = {
  status: "confirmed" | "waitlisted";
  /** Place on the waiting list, 1 = next to move up; null for a seat. */
  position: number | null;
  sessionStatus: "draft" | "published" | "cancelled";
};

/** What the seat means for the delegate, the session's and the registration's state included. */
export function seatState(view: RegistrationState, seat: SeatFacts): SeatState {
  if (seat.sessionStatus === "cancelled") return "sessionCancelled";
  if (view.status === "cancelled" || view.status === "rejected") return "registrationEnded";
  if (seat.status === "waitlisted") return "waitlisted";
  return view.status === "pending" ? "pending" : "confirmed";
}

export function seatLine(t: DelegateTranslator, view: RegistrationState, seat: SeatFacts): string {
  const state = seatState(view, seat);
  if (state !== "waitlisted") return t(`seat.${state}`);
  return seat.position === null ? t("seat.onWaitlist") : t("seat.waitlisted", { position: seat.position });
}

export function roomName(session: { room: Translations | null }, locale: AppLocale): string | null {
  return session.room ? pick(session.room, locale) || null : null;
}
