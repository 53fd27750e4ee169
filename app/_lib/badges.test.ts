import { describe, expect, it } from "vitest";
import { badgeText, type BadgeDelegate } from "./badges";

const meeting = {
  title: { de: "Jahrestreffen 2017", en: "Annual Meeting 2017", zh: "2017年年会" },
  defaultLocale: "de" as const,
};
const cologne = { name: { de: "Köln", en: "Cologne", zh: "科隆" } };
const foshan = { name: { de: "Foshan", en: "Foshan", zh: "佛山" } };

const keller: BadgeDelegate = {
  givenName: "Anna",
  familyName: "Keller",
  nativeName: null,
  nameOrder: "given_first",
  honorific: "Dr.",
  position: "Oberbürgermeisterin",
  language: "de",
  role: "head_of_delegation",
  city: cologne,
  cityOther: null,
};
const wang: BadgeDelegate = {
  givenName: "Wei",
  familyName: "Wang",
  nativeName: "王伟",
  nameOrder: "family_first",
  honorific: "市长",
  position: "佛山市人民政府",
  language: "zh",
  role: "head_of_delegation",
  city: foshan,
  cityOther: null,
};

const noHonorific = { before: null, after: null };

describe("the badge's language", () => {
  it("speaks German to a German delegate: name, honorific, position, city with its Chinese name, role", () => {
    expect(badgeText(keller, meeting)).toEqual({
      lang: "de",
      meetingTitle: "Jahrestreffen 2017",
      honorific: null,
      name: {
        primary: { text: "Anna Keller", lang: "de", before: "Dr.", after: null },
        secondary: null,
      },
      position: { text: "Oberbürgermeisterin", lang: "de" },
      place: { primary: { text: "Köln", lang: "de" }, secondary: { text: "科隆", lang: "zh-CN" } },
      role: {
        own: "Delegationsleitung",
        staff: "Head of delegation",
        text: "Delegationsleitung · Head of delegation",
      },
    });
  });

  it("speaks Chinese to a Chinese delegate: the native name first, the title after it, the Latin name beneath", () => {
    expect(badgeText(wang, meeting)).toEqual({
      lang: "zh-CN",
      meetingTitle: "2017年年会",
      honorific: null,
      name: {
        primary: { text: "王伟", lang: "zh-CN", before: null, after: "市长" },
        secondary: { text: "Wang Wei", lang: "en", ...noHonorific },
      },
      position: { text: "佛山市人民政府", lang: "zh-CN" },
      place: { primary: { text: "佛山", lang: "zh-CN" }, secondary: { text: "Foshan", lang: "en" } },
      role: { own: "代表团团长", staff: "Head of delegation", text: "代表团团长 · Head of delegation" },
    });
  });

  it("says the role once to a delegate who reads English, and gives the city's Chinese name beneath", () => {
    const text = badgeText(
      { ...keller, language: "en", role: "interpreter", position: "Interpreter" },
      meeting,
    );
    expect(text.role).toEqual({ own: "Interpreter", staff: null, text: "Interpreter" });
    expect(text.meetingTitle).toBe("Annual Meeting 2017");
    expect(text.place).toEqual({
      primary: { text: "Cologne", lang: "en" },
      secondary: { text: "科隆", lang: "zh-CN" },
    });
  });

  it("names every role in each language with English beside it", () => {
    const roles = (language: "de" | "zh") =>
      (["head_of_delegation", "delegate", "interpreter", "press", "guest"] as const).map(
        (role) => badgeText({ ...keller, language, role }, meeting).role.text,
      );
    expect(roles("de")).toEqual([
      "Delegationsleitung · Head of delegation",
      "Delegierte/r · Delegate",
      "Dolmetscher/in · Interpreter",
      "Presse · Press",
      "Gast · Guest",
    ]);
    expect(roles("zh")).toEqual([
      "代表团团长 · Head of delegation",
      "代表 · Delegate",
      "口译员 · Interpreter",
      "媒体 · Press",
      "嘉宾 · Guest",
    ]);
  });
});

describe("the name on a badge", () => {
  it("gives a Chinese delegate without a native name the Latin name alone", () => {
    const text = badgeText({ ...wang, nativeName: null, honorific: null }, meeting);
    expect(text.name).toEqual({ primary: { text: "Wang Wei", lang: "en", ...noHonorific }, secondary: null });
  });

  it("gives a delegate reading German or English the Latin name first and the native name beneath", () => {
    const text = badgeText({ ...wang, language: "en", honorific: "Dr." }, meeting);
    expect(text.name).toEqual({
      primary: { text: "Wang Wei", lang: "en", before: "Dr.", after: null },
      secondary: { text: "王伟", lang: "zh-CN", ...noHonorific },
    });
    expect(text.place.primary.text).toBe("Foshan");
  });

  it("puts a Latin honorific before the Latin name also when the native name comes first", () => {
    const text = badgeText({ ...wang, honorific: "Prof." }, meeting);
    expect(text.name.primary).toEqual({ text: "王伟", lang: "zh-CN", ...noHonorific });
    expect(text.name.secondary).toEqual({ text: "Wang Wei", lang: "en", before: "Prof.", after: null });
  });

  it("never writes a Chinese title before a Latin name: without a native name it stands on its own line", () => {
    const text = badgeText({ ...keller, honorific: "市长" }, meeting);
    expect(text.honorific).toEqual({ text: "市长", lang: "zh-CN" });
    expect(text.name.primary).toEqual({ text: "Anna Keller", lang: "de", ...noHonorific });
  });

  it("writes the Latin name in the delegate's order and leaves out empty honorifics and positions", () => {
    const text = badgeText({ ...keller, nameOrder: "family_first", honorific: "  ", position: "" }, meeting);
    expect(text.name.primary).toEqual({ text: "Keller Anna", lang: "de", ...noHonorific });
    expect([text.honorific, text.position]).toEqual([null, null]);
  });
});

describe("the place on a badge", () => {
  it("shows a town the delegate typed as typed, without a second line", () => {
    expect(badgeText({ ...keller, city: null, cityOther: "Hannover" }, meeting).place).toEqual({
      primary: { text: "Hannover", lang: "de" },
      secondary: null,
    });
    expect(badgeText({ ...wang, city: null, cityOther: "北京" }, meeting).place).toEqual({
      primary: { text: "北京", lang: "zh-CN" },
      secondary: null,
    });
  });

  it("falls back where the city has no name in the delegate's language, and repeats no line", () => {
    const aachen = { name: { de: "Aachen", en: "Aachen", zh: null } };
    expect(badgeText({ ...keller, city: aachen }, meeting).place).toEqual({
      primary: { text: "Aachen", lang: "de" },
      secondary: null,
    });
    expect(
      badgeText({ ...wang, city: { name: { de: "Aachen", en: null, zh: null } } }, meeting).place,
    ).toEqual({ primary: { text: "Aachen", lang: "en" }, secondary: null });
  });
});
