import { describe, expect, it } from "vitest";
import { placeName, placeNameWithChinese } from "./places";

const ningbo = { name: { de: "Ningbo", en: "Ningbo", zh: "宁波" }, country: "CN" as const };
const hannover = { name: { de: "Hannover", en: "Hanover", zh: "汉诺威" }, country: "DE" as const };

describe("a registration's place", () => {
  it("is the member city in the reader's language, falling back to another one", () => {
    expect(placeName({ city: hannover, cityOther: null }, "en")).toBe("Hanover");
    expect(placeName({ city: hannover, cityOther: null }, "zh")).toBe("汉诺威");
    expect(placeName({ city: { name: { de: "Wolfsburg", en: null, zh: "" } }, cityOther: null }, "zh")).toBe(
      "Wolfsburg",
    );
  });

  it("reads the city's record as stored, too", () => {
    expect(
      placeName({ city: { nameDe: "Ningbo", nameEn: "Ningbo", nameZh: "宁波" }, cityOther: null }, "zh"),
    ).toBe("宁波");
    expect(
      placeNameWithChinese(
        { city: { nameDe: "Ningbo", nameEn: "Ningbo", nameZh: "宁波", country: "CN" }, cityOther: null },
        "de",
      ),
    ).toBe("Ningbo 宁波");
  });

  it("is the town the delegate typed when it is no member city, or nothing", () => {
    expect(placeName({ city: null, cityOther: "Celle" }, "de")).toBe("Celle");
    expect(placeName({ city: null, cityOther: null }, "de")).toBe("");
    expect(placeNameWithChinese({ city: null, cityOther: "Celle" }, "zh")).toBe("Celle");
  });

  it("adds the Chinese characters of a Chinese city for the desk and badges, once", () => {
    expect(placeNameWithChinese({ city: ningbo, cityOther: null }, "de")).toBe("Ningbo 宁波");
    expect(placeNameWithChinese({ city: ningbo, cityOther: null }, "zh")).toBe("宁波");
    expect(placeNameWithChinese({ city: hannover, cityOther: null }, "en")).toBe("Hanover");
    expect(
      placeNameWithChinese(
        { city: { ...ningbo, name: { ...ningbo.name, zh: null } }, cityOther: null },
        "de",
      ),
    ).toBe("Ningbo");
  });
});
