import { describe, expect, it } from "vitest";
import { scheduleRunOfShow } from "./run-of-show";

const slot = { startsAt: new Date("2017-04-24T09:00:00Z"), endsAt: new Date("2017-04-24T09:45:00Z") };

describe("scheduleRunOfShow", () => {
  it("starts each segment where the previous one ends", () => {
    const result = scheduleRunOfShow(slot, [
      { durationMinutes: 5 },
      { durationMinutes: 8 },
      { durationMinutes: 10 },
    ]);
    expect(result.segments.map((segment) => segment.startsAt.toISOString())).toEqual([
      "2017-04-24T09:00:00.000Z",
      "2017-04-24T09:05:00.000Z",
      "2017-04-24T09:13:00.000Z",
    ]);
    expect(result.segments.map((segment) => segment.offsetMinutes)).toEqual([0, 5, 13]);
    expect(result.segments[2]!.endsAt.toISOString()).toBe("2017-04-24T09:23:00.000Z");
    expect(result.totalMinutes).toBe(23);
    expect(result.overrunMinutes).toBe(0);
  });

  it("reordering moves every later segment", () => {
    const result = scheduleRunOfShow(slot, [{ durationMinutes: 10 }, { durationMinutes: 5 }]);
    expect(result.segments[1]!.startsAt.toISOString()).toBe("2017-04-24T09:10:00.000Z");
  });

  it("reports minutes past the slot", () => {
    expect(scheduleRunOfShow(slot, [{ durationMinutes: 45 }]).overrunMinutes).toBe(0);
    expect(scheduleRunOfShow(slot, [{ durationMinutes: 40 }, { durationMinutes: 12 }]).overrunMinutes).toBe(
      7,
    );
  });

  it("keeps the segments' own fields and handles an empty run-of-show", () => {
    expect(scheduleRunOfShow(slot, [{ durationMinutes: 3, title: "Welcome" }]).segments[0]!.title).toBe(
      "Welcome",
    );
    const empty = scheduleRunOfShow(slot, []);
    expect(empty).toMatchObject({ segments: [], totalMinutes: 0, overrunMinutes: 0 });
    expect(empty.endsAt.toISOString()).toBe(slot.startsAt.toISOString());
  });

  it("refuses negative or fractional durations", () => {
    expect(() => scheduleRunOfShow(slot, [{ durationMinutes: -1 }])).toThrow(RangeError);
    expect(() => scheduleRunOfShow(slot, [{ durationMinutes: 1.5 }])).toThrow(RangeError);
  });
});
