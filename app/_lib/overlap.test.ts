import { describe, expect, it } from "vitest";
import { firstOverlap, overlaps } from "./overlap";

const at = (start: string, end: string, id = start) => ({
  id,
  startsAt: `2017-04-24T${start}:00Z`,
  endsAt: `2017-04-24T${end}:00Z`,
});

describe("overlap of sessions", () => {
  it("counts a shared minute as a clash and touching ends as none", () => {
    expect(overlaps(at("11:30", "13:00"), at("12:59", "14:00"))).toBe(true);
    expect(overlaps(at("11:30", "13:00"), at("13:00", "14:00"))).toBe(false);
    expect(overlaps(at("11:30", "13:00"), at("10:00", "11:30"))).toBe(false);
    expect(overlaps(at("11:30", "13:00"), at("12:00", "12:30"))).toBe(true);
  });

  it("names the first clashing pair in the given order", () => {
    const items = [
      at("09:00", "10:00", "a"),
      at("13:30", "15:00", "b"),
      at("15:15", "16:45", "c"),
      at("14:00", "14:30", "d"),
    ];
    expect(firstOverlap(items)?.map((item) => item.id)).toEqual(["b", "d"]);
    expect(firstOverlap(items.slice(0, 3))).toBeNull();
    expect(firstOverlap([])).toBeNull();
  });
});
