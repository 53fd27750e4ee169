import { describe, expect, it } from "vitest";
import {
  fillPlaceholders,
  messageFallbackOrder,
  messageLanguage,
  unknownMessagePlaceholders,
  type MessageTexts,
} from "./delegate-message";

const only = (languages: ("de" | "en" | "zh")[]): MessageTexts => ({
  de: { subject: "s", body: languages.includes("de") ? "Text" : " \n" },
  en: { subject: "s", body: languages.includes("en") ? "Text" : "" },
  zh: { subject: "s", body: languages.includes("zh") ? "正文" : "" },
});

describe("messages to delegates", () => {
  it("fall back from the delegate's language to English, then German, then Chinese", () => {
    expect(messageFallbackOrder("zh")).toEqual(["zh", "en", "de"]);
    expect(messageFallbackOrder("de")).toEqual(["de", "en", "zh"]);
    expect(messageFallbackOrder("en")).toEqual(["en", "de", "zh"]);
    expect(messageLanguage(only(["de", "en", "zh"]), "zh")).toBe("zh");
    expect(messageLanguage(only(["de", "en"]), "zh")).toBe("en");
    expect(messageLanguage(only(["de", "zh"]), "en")).toBe("de");
    expect(messageLanguage(only(["zh"]), "de")).toBe("zh");
    expect(messageLanguage(only([]), "de")).toBeNull();
  });

  it("name every placeholder they cannot fill, as written, and fill the others", () => {
    expect(unknownMessagePlaceholders("{{name}} {{ nmae }} {{nmae}} {{}} {single} {{manageLink}}")).toEqual([
      "{{ nmae }}",
      "{{nmae}}",
      "{{}}",
    ]);
    expect(
      fillPlaceholders("Dear {{ name }}, {{manageLink}}", { name: "Li {{manageLink}}", manageLink: "L" }),
    ).toBe("Dear Li {{manageLink}}, L");
  });
});
