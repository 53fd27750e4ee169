import { describe, expect, it } from "vitest";
import { locales, type AppLocale } from "./locales";
import { messages } from "./messages";
import { glossaryViolations } from "./messages/glossary-rules";
import { asciiPunctuationInChinese, shownText, zoneIdentifiers } from "./text-rules";

/** Every message of a language (all namespaces, the emails' texts too) as [key, value]. */
function entries(tree: object, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] =>
    typeof value === "object" && value !== null
      ? entries(value, `${prefix}${key}.`)
      : [[`${prefix}${key}`, String(value)]],
  );
}

/** "key: what was found" for every message of the language the check finds something in. */
function findings(locale: AppLocale, check: (text: string) => string[]): string[] {
  return entries(messages[locale]).flatMap(([key, value]) =>
    check(shownText(value)).map((found) => `${key}: ${found}`),
  );
}

describe("texts as a native speaker writes them", () => {
  it("Chinese messages use full-width punctuation", () => {
    expect(findings("zh", asciiPunctuationInChinese)).toEqual([]);
  });

  it("the check catches ASCII marks beside Chinese characters, and leaves Latin text and syntax alone", () => {
    for (const bad of [
      "状态: 已确认",
      "新成员:科隆",
      "{meeting}:已收到",
      "您好,欢迎",
      "Outlook (工作或学校账户)",
      "请稍后再试!",
      "是否参加?",
    ])
      expect(asciiPunctuationInChinese(shownText(bad)), bad).not.toEqual([]);
    for (const good of [
      "状态：已确认",
      "Outlook.com（个人账户）",
      "请以 https:// 开头",
      "“npm run admin:create”",
      "{count, plural, =0 {没有城市受影响。} other {#个城市已恢复原来的状态。}}",
      "找不到链接？<link>请在此重新发送。</link>",
    ])
      expect(asciiPunctuationInChinese(shownText(good)), good).toEqual([]);
  });

  it("reads a message as shown: arguments as X, the options of plurals and selects, no tags", () => {
    expect(shownText("Alle Zeiten in Ortszeit {city} ({zone})")).toBe("Alle Zeiten in Ortszeit X (X)");
    expect(shownText("{left, plural, =0 {已满} other {剩余#个名额（共{capacity}个）}}")).toBe(
      "已满 剩余1个名额（共X个）",
    );
    expect(shownText("{form, select, mr {Sehr geehrter {name},} other {Guten Tag {name},}}")).toBe(
      "Sehr geehrter X, Guten Tag X,",
    );
    expect(shownText("找不到链接？<link>请在此重新发送。</link>")).toBe("找不到链接？请在此重新发送。");
  });

  it.each(locales)("%s messages name no time zone by its identifier", (locale) => {
    expect(findings(locale, zoneIdentifiers)).toEqual([]);
  });

  it("the check catches zone identifiers", () => {
    expect(zoneIdentifiers("时间为Europe/Berlin时间")).toEqual(["Europe/Berlin"]);
    expect(zoneIdentifiers("Zeiten in Europe/Berlin; daneben Asia/Shanghai")).toEqual([
      "Europe/Berlin",
      "Asia/Shanghai",
    ]);
    expect(zoneIdentifiers("America/New_York")).toEqual(["America/New_York"]);
    expect(zoneIdentifiers("Hannover, UTC+2 · S 4 bis Hannover Messe/Laatzen · Anrede/Titel")).toEqual([]);
  });

  it.each(locales)("%s messages use the glossary's terms", (locale) => {
    expect(findings(locale, (text) => glossaryViolations(text, locale))).toEqual([]);
  });

  it("the check catches a term used against the glossary, in its language only", () => {
    expect(glossaryViolations("角色：东道主", "zh")).not.toEqual([]);
    expect(glossaryViolations("我需要以下语言的翻译", "zh")).not.toEqual([]);
    expect(glossaryViolations("发言", "zh")).not.toEqual([]);
    expect(glossaryViolations("Warteliste, Platz 1", "de")).not.toEqual([]);
    expect(glossaryViolations("Rede", "de")).not.toEqual([]);
    expect(glossaryViolations("Example program: Köln's induction", "en")).not.toEqual([]);
    expect(glossaryViolations("地点：Hannover Messe", "zh")).not.toEqual([]);
    expect(glossaryViolations("Aufnahme Kölns", "de")).toEqual([]);
    expect(glossaryViolations("发言人", "zh")).toEqual([]);
  });
});
