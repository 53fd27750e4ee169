import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { displayName, type PersonName } from "@/app/_lib/names";
import { salutation } from "@/app/_lib/salutation";
import { formatLongDate, formatTimeRange, zoneOffsetLabel } from "@/app/_lib/time";
import type { DelegateTranslator } from "../../calendar/wording";
import type { SeatView } from "../view";

/** Wording only the emails use; what they share with the calendar is in ../../calendar/wording. */

/**
 * The name to greet the delegate with, in their name order, with the honorific they gave: the
 * native-script name for Chinese readers where there is one.
 */
export function delegateName(view: PersonName & { honorific: string | null }, locale: AppLocale): string {
  const honorific = view.honorific
    ? { de: view.honorific, en: view.honorific, zh: view.honorific }
    : undefined;
  return displayName({ ...view, honorific }, locale).primary;
}

/** The email's first line: "Sehr geehrter Herr Dr. Müller-Lüdenscheidt,", "Dear Dr Wang,", "尊敬的王伟市长：". */
export function greeting(
  t: DelegateTranslator,
  view: PersonName & { honorific: string | null },
  locale: AppLocale,
): string {
  const { form, name } = salutation(view, locale);
  return t("greeting", { form, name });
}

/** "Montag, 24. April 2017, 13:30–15:00 Uhr (Ortszeit, UTC+2)": the session in the meeting's zone. */
export function localTimeLine(
  t: DelegateTranslator,
  seat: Pick<SeatView, "startsAt" | "endsAt">,
  timeZone: string,
  locale: AppLocale,
): string {
  return t("localTime", {
    date: formatLongDate(seat.startsAt, timeZone, locale),
    time: formatTimeRange(seat.startsAt, seat.endsAt, timeZone, locale),
    offset: zoneOffsetLabel(seat.startsAt, timeZone),
  });
}
