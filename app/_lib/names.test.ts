import { describe, expect, it } from "vitest";
import { displayName, latinName, nameLine } from "./names";

const wang = { givenName: "Wei", familyName: "Wang", nativeName: "王伟", nameOrder: "family_first" as const };
const berg = {
  givenName: "Ute",
  familyName: "Berg",
  nativeName: null,
  nameOrder: "given_first" as const,
  honorific: { de: "Dr.", en: "Dr", zh: "博士" },
};

describe("person names", () => {
  it("writes Latin names in the person's own order", () => {
    expect(latinName(wang)).toBe("Wang Wei");
    expect(latinName(berg)).toBe("Ute Berg");
  });

  it("shows native script first to Chinese readers, second to others", () => {
    expect(displayName(wang, "zh")).toEqual({ primary: "王伟", secondary: "Wang Wei" });
    expect(displayName(wang, "de")).toEqual({ primary: "Wang Wei", secondary: "王伟" });
    expect(displayName(berg, "en")).toEqual({ primary: "Dr Ute Berg", secondary: null });
  });
});

describe("a name on one line", () => {
  const li = { givenName: "Qiang", familyName: "Li", nativeName: "李强", nameOrder: "family_first" as const };

  it("keeps the person's order and adds the other script in the reader's brackets", () => {
    expect(nameLine(li, "de")).toBe("Li Qiang (李强)");
    expect(nameLine(li, "en")).toBe("Li Qiang (李强)");
    expect(nameLine(li, "zh")).toBe("李强（Li Qiang）");
    expect(nameLine({ ...li, nativeName: null }, "zh")).toBe("Li Qiang");
    expect(nameLine(berg, "de")).toBe("Dr. Ute Berg");
  });
});

describe("an anonymized registration's name", () => {
  it("says so in the reader's language instead of showing nothing", () => {
    const anonymous = { givenName: "", familyName: "", nativeName: null, nameOrder: "family_first" as const };
    expect(displayName(anonymous, "de")).toEqual({ primary: "(anonymisiert)", secondary: null });
    expect(displayName(anonymous, "en")).toEqual({ primary: "(anonymized)", secondary: null });
    expect(displayName(anonymous, "zh")).toEqual({ primary: "（已匿名）", secondary: null });
  });
});
