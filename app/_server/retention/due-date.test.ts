import { describe, expect, it } from "vitest";
import { isDue, retentionDue } from "./due-date";

const hannover = { endsOn: new Date("2017-04-24T00:00:00Z"), timeZone: "Europe/Berlin" };

describe("the day a meeting's registrations are anonymized", () => {
  it("is the last day plus the retention days, from midnight in the meeting's zone", () => {
    expect(retentionDue(hannover, 90)).toEqual({ day: "2017-07-23", from: new Date("2017-07-22T22:00:00Z") });
    expect(retentionDue({ endsOn: new Date("2017-12-30T00:00:00Z"), timeZone: "Asia/Shanghai" }, 2)).toEqual({
      day: "2018-01-01",
      from: new Date("2017-12-31T16:00:00Z"),
    });
  });

  it("counts calendar days across a change of daylight saving time", () => {
    // 25 March 2018: Berlin moves from UTC+1 to UTC+2; midnight stays midnight.
    const winter = { endsOn: new Date("2018-03-20T00:00:00Z"), timeZone: "Europe/Berlin" };
    expect(retentionDue(winter, 10)).toEqual({ day: "2018-03-30", from: new Date("2018-03-29T22:00:00Z") });
  });

  it("turns due at that instant and not a millisecond before", () => {
    expect(isDue(hannover, 90, new Date("2017-07-22T21:59:59.999Z"))).toBe(false);
    expect(isDue(hannover, 90, new Date("2017-07-22T22:00:00Z"))).toBe(true);
  });

  it("refuses an unknown time zone instead of guessing", () => {
    expect(() => retentionDue({ ...hannover, timeZone: "Mars/Olympus" }, 90)).toThrow(/Mars\/Olympus/);
  });
});
