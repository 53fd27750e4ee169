import { describe, expect, it } from "vitest";
import { messages } from "../i18n/messages";
import type { AppLocale } from "../i18n/locales";
import { createTranslator } from "../i18n/translator";
import { conflictSentence, type ConflictTranslator, type ExplainedConflict } from "./conflict-sentences";

const ZONE = "Europe/Berlin";
const opening = {
  id: "s1",
  title: "Eröffnung",
  startsAt: "2017-04-24T08:00:00.000Z",
  endsAt: "2017-04-24T09:00:00.000Z",
};
const titles = { de: "Eröffnung", en: "Opening", zh: "开幕式" };
const person = {
  givenName: "Wei",
  familyName: "Wang",
  nativeName: "王伟",
  nameOrder: "family_first" as const,
};

function sentences(locale: AppLocale, conflicts: ExplainedConflict[]): string[] {
  const t = createTranslator({
    locale,
    messages: messages[locale],
    namespace: "adminSessions.conflicts",
  }) as unknown as ConflictTranslator;
  return conflicts.map((conflict) => conflictSentence(conflict, t, locale, ZONE));
}

const all: ExplainedConflict[] = [
  { kind: "room", with: opening, withTitle: titles },
  { kind: "person", personId: "p1", with: opening, withTitle: titles, person },
  { kind: "outsideDays", startsOn: "2017-04-24", endsOn: "2017-04-24" },
  { kind: "roomCapacity", capacity: 120, roomCapacity: 100 },
];

describe("conflictSentence", () => {
  it("explains each conflict in English with the meeting's local times", () => {
    expect(sentences("en", all)).toEqual([
      "Room double-booked with “Opening” 10:00–11:00",
      "Wang Wei is also in “Opening” at 10:00–11:00",
      "Outside the meeting's days (24 Apr 2017–24 Apr 2017)",
      "Capacity 120 above the room's 100",
    ]);
  });

  it("speaks German and Chinese, with names and titles as their readers expect", () => {
    expect(sentences("de", all.slice(2, 3))).toEqual([
      "Außerhalb der Tage des Treffens (24.04.2017–24.04.2017)",
    ]);
    expect(sentences("zh", all.slice(0, 3))).toEqual([
      "会场重复预订：与“开幕式”（10:00–11:00）冲突",
      "王伟 同时参加“开幕式”（10:00–11:00）",
      "不在会议日期之内（2017年4月24日–2017年4月24日）",
    ]);
  });

  it("falls back to the stored title when no translation came along", () => {
    expect(sentences("en", [{ kind: "room", with: opening }])).toEqual([
      "Room double-booked with “Eröffnung” 10:00–11:00",
    ]);
  });
});
