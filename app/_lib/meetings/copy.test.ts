import { describe, expect, it } from "vitest";
import { copyChoice, daysBetween, nextYearDate, nextYearDates, shiftInstant } from "./copy";

describe("next year's dates", () => {
  it("keeps the weekday in the following year's matching week", () => {
    // Monday → Monday, although the anniversary is a Tuesday.
    expect(nextYearDate("2017-04-24")).toBe("2018-04-23");
    expect(nextYearDates("2017-04-24", "2017-04-25")).toEqual({
      startsOn: "2018-04-23",
      endsOn: "2018-04-24",
    });
    // Over a leap day the anniversary moves two weekdays on: week 14's Monday is 30 March 2020.
    expect(nextYearDate("2019-04-01")).toBe("2020-03-30");
    // The matching week may also be later than the anniversary, and a 53rd week becomes the 52nd.
    expect(nextYearDate("2019-04-29")).toBe("2020-04-27");
    expect(nextYearDate("2015-12-31")).toBe("2016-12-29");
    expect(nextYearDate("2020-12-31")).toBe("2021-12-30");
  });

  it("stays in its week however many years are copied", () => {
    let date = "2017-04-24";
    for (let year = 0; year < 30; year++) date = nextYearDate(date);
    expect(date).toBe("2047-04-22");
    expect(new Date(`${date}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  it("counts calendar days", () => {
    expect(daysBetween("2017-04-24", "2018-04-23")).toBe(364);
    expect(daysBetween("2017-04-24", "2018-04-24")).toBe(365);
  });
});

describe("a copied session's time", () => {
  it("keeps the time of day in the meeting's zone across a change of daylight saving time", () => {
    // 09:00 in Berlin on Monday 20 March 2017 (winter time) → Monday 27 March 2017 (summer time).
    const monday = new Date("2017-03-20T08:00:00Z");
    expect(shiftInstant(monday, 7, "Europe/Berlin", "Europe/Berlin").toISOString()).toBe(
      "2017-03-27T07:00:00.000Z",
    );
  });

  it("writes the wall-clock time in the new meeting's zone", () => {
    const berlin = new Date("2017-04-24T07:30:00Z"); // 09:30 in Hannover
    expect(shiftInstant(berlin, 364, "Europe/Berlin", "Asia/Shanghai").toISOString()).toBe(
      "2018-04-23T01:30:00.000Z",
    );
  });
});

describe("the copy form's choice", () => {
  it("reads the checked parts in their order", () => {
    expect(copyChoice.parse({ "copy-quotas": "on", "copy-rooms": "on", "copy-program": true })).toEqual([
      "rooms",
      "program",
      "quotas",
    ]);
    expect(copyChoice.parse({})).toEqual([]);
  });
});
