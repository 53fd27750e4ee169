import { describe, expect, it } from "vitest";
import { deskFilterQuery, parseDeskFilters } from "./desk-filters";

describe("registration desk filters", () => {
  it("reads every filter from the address and writes it back the same", () => {
    const query =
      "q=Wang&city=ckcity01&country=CN&role=interpreter&status=waitlisted&session=s1&interpretation=1&visaLetter=1&sort=created&dir=desc";
    const filters = parseDeskFilters(new URLSearchParams(query));
    expect(filters).toEqual({
      q: "Wang",
      city: "ckcity01",
      country: "CN",
      role: "interpreter",
      status: "waitlisted",
      session: "s1",
      interpretation: true,
      visaLetter: true,
      sort: "created",
      descending: true,
    });
    expect(deskFilterQuery(filters)).toBe(query);
  });

  it("defaults to everyone, sorted by name", () => {
    expect(parseDeskFilters({})).toEqual({ sort: "name", descending: false });
    expect(deskFilterQuery(parseDeskFilters({}))).toBe("");
  });

  it("drops values that are not valid instead of passing them on", () => {
    const filters = parseDeskFilters({
      city: "x'; --",
      country: "FR",
      role: "king",
      status: "all",
      session: "a".repeat(41),
      sort: "email",
      interpretation: "yes",
    });
    expect(filters).toEqual({ sort: "name", descending: false });
  });

  it("cleans the search text: control characters out, at most 100 characters, page params as arrays", () => {
    expect(parseDeskFilters({ q: ["  王\u0000伟  ", "ignored"] }).q).toBe("王伟");
    expect(parseDeskFilters({ q: "x".repeat(500) }).q).toHaveLength(100);
    expect(parseDeskFilters({ q: "   " }).q).toBeUndefined();
    expect(parseDeskFilters({ city: "other" }).city).toBe("other");
  });
});
