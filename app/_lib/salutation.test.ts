import { describe, expect, it } from "vitest";
import { salutation } from "./salutation";

const person = (honorific: string | null) => ({
  givenName: "Jürgen",
  familyName: "Müller-Lüdenscheidt",
  nativeName: null,
  nameOrder: "given_first" as const,
  honorific,
});
const wang = (honorific: string | null) => ({
  givenName: "Wei",
  familyName: "Wang",
  nativeName: "王伟",
  nameOrder: "family_first" as const,
  honorific,
});

describe("how a letter greets a delegate", () => {
  it("German: Herr or Frau gives the formal address with title and family name", () => {
    expect(salutation(person("Herr Dr."), "de")).toEqual({
      form: "mr",
      name: "Herr Dr. Müller-Lüdenscheidt",
    });
    expect(salutation(person("Frau"), "de")).toEqual({ form: "ms", name: "Frau Müller-Lüdenscheidt" });
    expect(salutation(person("Herrn Prof. Dr."), "de")).toEqual({
      form: "mr",
      name: "Herr Prof. Dr. Müller-Lüdenscheidt",
    });
  });

  it("German: without Herr or Frau, the neutral address with the whole name", () => {
    expect(salutation(person("Dr."), "de")).toEqual({
      form: "neutral",
      name: "Dr. Jürgen Müller-Lüdenscheidt",
    });
    expect(salutation(person(null), "de")).toEqual({ form: "neutral", name: "Jürgen Müller-Lüdenscheidt" });
    // A word that only begins like one is no form of address.
    expect(salutation(person("Frauenbeauftragte"), "de").form).toBe("neutral");
  });

  it("English: a title goes with the family name, no title takes the whole name", () => {
    expect(salutation(person("Dr"), "en").name).toBe("Dr Müller-Lüdenscheidt");
    expect(salutation(wang("Mayor"), "en").name).toBe("Mayor Wang");
    expect(salutation(person(null), "en").name).toBe("Jürgen Müller-Lüdenscheidt");
  });

  it("Chinese: the Chinese name with a Chinese title after it", () => {
    expect(salutation(wang("市长"), "zh").name).toBe("王伟市长");
    expect(salutation(wang(null), "zh").name).toBe("王伟");
    expect(salutation(person("Dr."), "zh").name).toBe("Dr. Jürgen Müller-Lüdenscheidt");
  });
});
