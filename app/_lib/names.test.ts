import { describe, expect, it } from "vitest";
import { displayName, latinName } from "./names";

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

describe("an anonymized registration's name", () => {
  it("says so in the reader's language instead of showing nothing", () => {
    const anonymous = { givenName: "", familyName: "", nativeName: null, nameOrder: "family_first" as const };
    expect(displayName(anonymous, "de")).toEqual({ primary: "(anonymisiert)", secondary: null });
    expect(displayName(anonymous, "en")).toEqual({ primary: "(anonymized)", secondary: null });
    expect(displayName(anonymous, "zh")).toEqual({ primary: "（已匿名）", secondary: null });
  });
});
