import { describe, expect, it } from "vitest";
import { fallbackOrder, localized, pick } from "./localized";

describe("translated content with a fallback", () => {
  it("picks the visitor's language", () => {
    expect(pick({ de: "Programm", en: "Agenda", zh: "议程" }, "zh")).toBe("议程");
  });

  it("falls back to the content's default, then German, English, Chinese", () => {
    expect(fallbackOrder("zh", "en")).toEqual(["zh", "en", "de"]);
    expect(pick({ de: "Köln", en: null, zh: "" }, "zh")).toBe("Köln");
    expect(pick({ de: null, en: "Cologne", zh: "  " }, "zh", "de")).toBe("Cologne");
    expect(pick({ de: "Köln", en: "Cologne", zh: null }, "zh", "en")).toBe("Cologne");
    expect(pick({ zh: "科隆" }, "de")).toBe("科隆");
    expect(pick({}, "de")).toBe("");
  });

  it("reads De/En/Zh sibling fields", () => {
    const session = { titleDe: "Eröffnung", titleEn: "Opening", titleZh: null };
    expect(localized(session, "title", "en")).toBe("Opening");
    expect(localized(session, "title", "zh")).toBe("Eröffnung");
  });
});
