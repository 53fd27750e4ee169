import { describe, expect, it } from "vitest";
import { formatJoinedDate, groupByYear, isoDate, joinedOf } from "./membership";

describe("joinedOf", () => {
  const hannover = { meetingSlug: "2017", venueCity: "Hannover" };

  it("names the day and the meeting of a city admitted at a meeting", () => {
    expect(joinedOf({ joinedOn: "2017-04-24", memberSince: 2017, inductedAt: hannover })).toEqual({
      kind: "inducted",
      date: "2017-04-24",
      venueCity: "Hannover",
    });
  });

  it("names the day alone when no held ceremony admitted the city", () => {
    expect(joinedOf({ joinedOn: "2016-08-01", memberSince: 2016, inductedAt: null })).toEqual({
      kind: "date",
      date: "2016-08-01",
    });
  });

  it("names the year where only the year is known, and nothing where nothing is", () => {
    expect(joinedOf({ joinedOn: null, memberSince: 2016, inductedAt: null })).toEqual({
      kind: "year",
      year: 2016,
    });
    expect(joinedOf({ joinedOn: null, memberSince: null, inductedAt: null })).toBeNull();
    // A meeting without a day says nothing about the day.
    expect(joinedOf({ joinedOn: null, memberSince: null, inductedAt: hannover })).toBeNull();
  });
});

describe("formatJoinedDate", () => {
  it("writes the day in each language without a weekday, whatever the server's zone", () => {
    expect(formatJoinedDate("2017-04-24", "de")).toBe("24. April 2017");
    expect(formatJoinedDate("2017-04-24", "en")).toBe("April 24, 2017");
    expect(formatJoinedDate("2017-04-24", "zh")).toBe("2017年4月24日");
  });

  it("reads a stored date as the calendar day it stands for", () => {
    expect(isoDate(new Date("2017-04-24T00:00:00Z"))).toBe("2017-04-24");
    expect(isoDate(null)).toBeNull();
  });
});

describe("groupByYear", () => {
  it("groups members by the year they joined, earliest first, those without a year last, keeping their order", () => {
    const city = (slug: string, memberSince: number | null, joinedOn: string | null = null) => ({
      slug,
      memberSince,
      joinedOn,
    });
    const groups = groupByYear([
      city("bottrop", null),
      city("cologne", 2017, "2017-04-24"),
      city("aachen", 2016),
      city("dated", null, "2018-04-23"),
      city("wuppertal", 2016),
    ]);
    expect(groups.map(({ year, cities }) => [year, cities.map((c) => c.slug)])).toEqual([
      [2016, ["aachen", "wuppertal"]],
      [2017, ["cologne"]],
      [2018, ["dated"]],
      [null, ["bottrop"]],
    ]);
    expect(groupByYear([])).toEqual([]);
  });
});
