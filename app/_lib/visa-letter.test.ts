import { describe, expect, it } from "vitest";
import {
  letterParagraphs,
  letterPlaceholders,
  letterTemplate,
  renderLetter,
  unknownPlaceholders,
  type LetterData,
} from "./visa-letter";
import { defaultVisaLetters } from "./visa-letter-defaults";

const wang: LetterData = {
  fullName: "Wang Wei (王伟)",
  delegateName: "Wang Wei",
  nativeName: "王伟",
  honorific: "Dr.",
  position: "Deputy Mayor",
  organization: "Ningbo Municipal People's Government",
  city: "Ningbo",
  country: "China",
  meetingTitle: "Annual meeting 2017",
  meetingDates: "24 April 2017",
  venue: "Hannover Messe, Hannover, Germany",
  today: "1 March 2017",
  alliance: "Chinese-German Industrial Cities Alliance",
  birthDate: "1 May 1980",
  nationality: "China",
  passportNumber: "E12345678",
  passportExpiry: "1 May 2030",
  arrivalDate: "22 April 2017",
  departureDate: "27 April 2017",
};

describe("visa letter templates", () => {
  it("fills every placeholder", () => {
    expect(
      renderLetter(
        "Dear {honorific} {delegateName} ({nativeName}), see you at {venue} on {meetingDates}.",
        wang,
      ),
    ).toBe("Dear Dr. Wang Wei (王伟), see you at Hannover Messe, Hannover, Germany on 24 April 2017.");
  });

  it("drops lines whose values are all empty and tidies lines with some empty", () => {
    const data = {
      ...wang,
      honorific: "",
      position: "",
      organization: "",
      nativeName: "",
      city: "Ningbo",
      country: "",
    };
    const text = renderLetter(
      "To\n{honorific} {delegateName} ({nativeName})\n{position}\n{organization}, {position}\n{city}, {country}\n\nEnd,",
      data,
    );
    expect(text).toBe("To\nWang Wei\nNingbo\n\nEnd,");
    expect(renderLetter("{city}，{country}", { ...wang, city: "" })).toBe("China");
    expect(renderLetter("{position}, {organization}, {city}", { ...wang, organization: "" })).toBe(
      "Deputy Mayor, Ningbo",
    );
  });

  it("keeps a value on its line and leaves lines without placeholders as written", () => {
    expect(
      renderLetter("Name: {delegateName}\nYours faithfully,", { ...wang, delegateName: "Wang\n\nWei" }),
    ).toBe("Name: Wang Wei\nYours faithfully,");
  });

  it("lists placeholders it cannot fill, once each, and leaves them in the text", () => {
    expect(unknownPlaceholders("Dear {name}, {passport} {delegateName} {name} {not a placeholder}")).toEqual([
      "name",
      "passport",
    ]);
    expect(unknownPlaceholders("{delegateName}")).toEqual([]);
    expect(renderLetter("Dear {name}", wang)).toBe("Dear {name}");
  });

  it("has a built-in letter per language that uses only known placeholders and names the delegate and the meeting", () => {
    for (const lang of ["de", "en", "zh"] as const) {
      const template = defaultVisaLetters[lang];
      expect(unknownPlaceholders(template)).toEqual([]);
      expect(template).toContain("{fullName}");
      expect(template).toContain("{meetingDates}");
      const text = renderLetter(template, wang);
      expect(text).toContain("Wang Wei (王伟)");
      expect(text).not.toMatch(/\{[A-Za-z]+\}/);
    }
    expect(letterPlaceholders).toContain("nativeName");
  });

  it("takes the organizers' template, or the built-in one where they left it empty", () => {
    expect(letterTemplate("Hello {delegateName}", "en")).toBe("Hello {delegateName}");
    expect(letterTemplate(null, "zh")).toBe(defaultVisaLetters.zh);
    expect(letterTemplate("  \n ", "de")).toBe(defaultVisaLetters.de);
  });

  it("splits paragraphs at blank lines", () => {
    expect(letterParagraphs("A\nB\n\n\nC\r\n\r\nD  ")).toEqual(["A\nB", "C", "D"]);
  });
});
