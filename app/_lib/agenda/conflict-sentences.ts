import { DateTime } from "luxon";
import type { Conflict } from "../conflicts";
import { pick, type Translations } from "../i18n/localized";
import { htmlLang, type AppLocale } from "../i18n/locales";
import { displayName, type NamedPerson } from "../names";
import { formatTimeRange } from "../time";

/** A conflict with what it takes to say it in words (see app/_server/agenda/schedule.ts). */
export type ExplainedConflict = Conflict & { withTitle?: Translations; person?: NamedPerson };

/** The `adminSessions.conflicts` messages, already bound to the visitor's language. */
export type ConflictTranslator = (
  key: "room" | "person" | "outsideDays" | "roomCapacity",
  values: Record<string, string | number>,
) => string;

/** Unambiguous short dates: English readers on both continents disagree about "04/05". */
const dayFormats: Record<AppLocale, string> = { de: "dd.MM.yyyy", en: "d MMM yyyy", zh: "yyyy年M月d日" };

/** "24.04.2017" / "24 Apr 2017" / "2017年4月24日": a calendar day as the visitor writes it. */
function calendarDay(isoDate: string, locale: AppLocale): string {
  return DateTime.fromISO(isoDate, { zone: "utc" }).setLocale(htmlLang[locale]).toFormat(dayFormats[locale]);
}

/** One sentence per conflict, in the visitor's language, times in the meeting's zone. */
export function conflictSentence(
  conflict: ExplainedConflict,
  t: ConflictTranslator,
  locale: AppLocale,
  timeZone: string,
): string {
  switch (conflict.kind) {
    case "room":
    case "person": {
      const title = (conflict.withTitle && pick(conflict.withTitle, locale)) || conflict.with.title;
      const time = formatTimeRange(conflict.with.startsAt, conflict.with.endsAt, timeZone, locale);
      if (conflict.kind === "room") return t("room", { title, time });
      const name = conflict.person ? displayName(conflict.person, locale).primary : conflict.personId;
      return t("person", { name, title, time });
    }
    case "outsideDays":
      return t("outsideDays", {
        from: calendarDay(conflict.startsOn, locale),
        to: calendarDay(conflict.endsOn, locale),
      });
    case "roomCapacity":
      return t("roomCapacity", { capacity: conflict.capacity, roomCapacity: conflict.roomCapacity });
  }
}
