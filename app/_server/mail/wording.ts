import "server-only";
import { createTranslator } from "next-intl";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { messages } from "@/app/_lib/i18n/messages";
import { displayName } from "@/app/_lib/names";
import { CHINA_TIME_ZONE, dayKey, formatLongDate, formatTimeRange, zoneOffsetLabel } from "@/app/_lib/time";
import type { RegistrationView, SeatView } from "../registration/view";

/**
 * Wording shared by the registration emails and the delegate's calendar: both speak the delegate's
 * language and say the same things about times and seats.
 */

export function translator(locale: AppLocale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "email" });
}

export type EmailTranslator = ReturnType<typeof translator>;

/** The name to greet the delegate with: the native-script name for Chinese readers where there is one. */
export function delegateName(view: RegistrationView, locale: AppLocale): string {
  const honorific = view.honorific ? { de: view.honorific, en: view.honorific, zh: view.honorific } : undefined;
  return displayName({ ...view, honorific }, locale).primary;
}

/** "Montag, 24. April 2017, 13:30–15:00 Uhr (Ortszeit, UTC+2)": the session in the meeting's zone. */
export function localTimeLine(t: EmailTranslator, seat: SeatView, timeZone: string, locale: AppLocale): string {
  return t("localTime", {
    date: formatLongDate(seat.startsAt, timeZone, locale),
    time: formatTimeRange(seat.startsAt, seat.endsAt, timeZone, locale),
    offset: zoneOffsetLabel(seat.startsAt, timeZone),
  });
}

/** "19:30–21:00 Uhr Pekinger Zeit (UTC+8)", with the date when it falls on another day than in the meeting's zone. */
export function chinaTimeLine(t: EmailTranslator, seat: SeatView, timeZone: string, locale: AppLocale): string {
  const range = formatTimeRange(seat.startsAt, seat.endsAt, CHINA_TIME_ZONE, locale);
  const sameDay = dayKey(seat.startsAt, CHINA_TIME_ZONE) === dayKey(seat.startsAt, timeZone);
  const time = sameDay ? range : `${formatLongDate(seat.startsAt, CHINA_TIME_ZONE, locale)}${locale === "zh" ? " " : ", "}${range}`;
  return t("chinaTime", { time, offset: zoneOffsetLabel(seat.startsAt, CHINA_TIME_ZONE) });
}

export type SeatState = "confirmed" | "pending" | "waitlisted" | "sessionCancelled" | "registrationEnded";

/** What the seat means for the delegate, the session's and the registration's state included. */
export function seatState(view: Pick<RegistrationView, "status">, seat: SeatView): SeatState {
  if (seat.sessionStatus === "cancelled") return "sessionCancelled";
  if (view.status === "cancelled" || view.status === "rejected") return "registrationEnded";
  if (seat.status === "waitlisted") return "waitlisted";
  return view.status === "pending" ? "pending" : "confirmed";
}

export function seatLine(t: EmailTranslator, view: Pick<RegistrationView, "status">, seat: SeatView): string {
  const state = seatState(view, seat);
  if (state !== "waitlisted") return t(`seat.${state}`);
  return seat.position === null ? t("seat.onWaitlist") : t("seat.waitlisted", { position: seat.position });
}

export function roomName(seat: SeatView, locale: AppLocale): string | null {
  return seat.room ? pick(seat.room, locale) || null : null;
}
