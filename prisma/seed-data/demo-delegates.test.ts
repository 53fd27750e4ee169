import { describe, expect, it } from "vitest";
import { demoDelegates } from "./demo-delegates";

describe("the demo's invented delegates", () => {
  const heads = demoDelegates.filter((person) => person.role === "head_of_delegation" && !person.nativeName);

  it("give the German mayors the title of their gender", () => {
    const title = (name: string) =>
      heads.find((person) => `${person.givenName} ${person.familyName}` === name)?.position;
    expect(title("Andreas Braun")).toBe("Bürgermeister");
    expect(title("Anna Becker")).toBe("Oberbürgermeisterin");
    expect(title("Stefan Krüger")).toBe("Bürgermeister");
    expect(heads.map((person) => [person.givenName, person.position])).toEqual([
      ["Anna", "Oberbürgermeisterin"],
      ["Stefan", "Bürgermeister"],
      ["Sabine", "Oberbürgermeisterin"],
      ["Andreas", "Bürgermeister"],
      ["Anna", "Oberbürgermeisterin"],
      ["Stefan", "Bürgermeister"],
      ["Sabine", "Oberbürgermeisterin"],
      ["Andreas", "Bürgermeister"],
      ["Anna", "Oberbürgermeisterin"],
      ["Stefan", "Bürgermeister"],
    ]);
  });

  it("use only job titles without a gender for everyone else, or one that matches it", () => {
    const others = demoDelegates.filter((person) => !heads.includes(person));
    expect([...new Set(others.map((person) => person.position))].sort()).toEqual([
      "Director, Bureau of Commerce",
      "Interpreter (Chinese–German)",
      "Leitung Wirtschaftsförderung",
      "Redakteurin Wirtschaft",
      "Researcher",
      "Vice Mayor",
    ]);
    expect(others.find((person) => person.position === "Redakteurin Wirtschaft")?.givenName).toBe("Miriam");
  });
});
