import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./negotiate";

const url = (query = "") => new URL(`http://localhost/api/x${query}`);

describe("API language", () => {
  it("takes ?lang= over the header", () => {
    expect(negotiateLocale(url("?lang=zh"), "de-DE")).toBe("zh");
    expect(negotiateLocale(url("?lang=fr"), "de-DE")).toBe("de");
  });

  it("follows Accept-Language by weight, then order, skipping languages the app lacks", () => {
    expect(negotiateLocale(url(), "zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh");
    expect(negotiateLocale(url(), "fr-FR, en;q=0.5, de;q=0.7")).toBe("de");
    expect(negotiateLocale(url(), "en;q=0, de")).toBe("de");
    expect(negotiateLocale(url(), "fr")).toBe("en");
    expect(negotiateLocale(url(), null, "de")).toBe("de");
  });
});
