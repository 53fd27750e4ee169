import { describe, expect, it } from "vitest";
import { spokenLanguage } from "./live-speakers";

describe("spokenLanguage", () => {
  it("follows the city's country, then a name in Chinese script", () => {
    expect(spokenLanguage({ country: "DE", nativeName: null })).toBe("de");
    expect(spokenLanguage({ country: "CN", nativeName: null })).toBe("zh");
    expect(spokenLanguage({ country: null, nativeName: "王伟" })).toBe("zh");
    expect(spokenLanguage({ country: null, nativeName: null })).toBeNull();
    expect(spokenLanguage({ country: "FR", nativeName: "Élise" })).toBeNull();
  });
});
