import { describe, expect, it } from "vitest";
import { layoutDay } from "./day-grid";

const ZONE = "Europe/Berlin";
/** 24 April 2017 in Berlin is UTC+2. */
const at = (time: string) => `2017-04-24T${time}:00+02:00`;

describe("layoutDay", () => {
  it("is empty without sessions", () => {
    expect(layoutDay([], ["a", null], "2017-04-24", ZONE)).toEqual({ rows: [], placements: [] });
  });

  it("spans quarter hours of the meeting's zone from the earliest start to the latest end, rounded outwards", () => {
    const grid = layoutDay(
      [
        { id: "s1", startsAt: at("09:40"), endsAt: at("10:00"), roomId: "a" },
        { id: "s2", startsAt: at("10:00"), endsAt: at("10:50"), roomId: null },
      ],
      ["a", "b", null],
      "2017-04-24",
      ZONE,
    );
    expect(grid.rows).toEqual(["09:30", "09:45", "10:00", "10:15", "10:30", "10:45"]);
    expect(grid.placements).toEqual([
      { id: "s1", column: 0, rowStart: 0, rowEnd: 2, lane: 0, lanes: 1 },
      { id: "s2", column: 2, rowStart: 2, rowEnd: 6, lane: 0, lanes: 1 },
    ]);
  });

  it("reads the same under any server zone: instants are placed by the meeting's clock", () => {
    const grid = layoutDay(
      [{ id: "s", startsAt: "2017-04-24T07:30:00.000Z", endsAt: "2017-04-24T08:00:00.000Z", roomId: null }],
      [null],
      "2017-04-24",
      ZONE,
    );
    expect(grid.rows).toEqual(["09:30", "09:45"]);
  });

  it("puts overlapping sessions of one room side by side, and rooms it does not know into the no-room column", () => {
    const grid = layoutDay(
      [
        { id: "long", startsAt: at("09:00"), endsAt: at("10:00"), roomId: "a" },
        { id: "clash", startsAt: at("09:30"), endsAt: at("10:30"), roomId: "a" },
        { id: "after", startsAt: at("10:30"), endsAt: at("11:00"), roomId: "a" },
        { id: "gone", startsAt: at("09:00"), endsAt: at("09:15"), roomId: "deleted-room" },
      ],
      ["a", null],
      "2017-04-24",
      ZONE,
    );
    const byId = Object.fromEntries(grid.placements.map((placement) => [placement.id, placement]));
    expect(byId.long).toMatchObject({ column: 0, lane: 0, lanes: 2 });
    expect(byId.clash).toMatchObject({ column: 0, lane: 1, lanes: 2, rowStart: 2, rowEnd: 6 });
    expect(byId.after).toMatchObject({ column: 0, lane: 0, lanes: 1 });
    expect(byId.gone).toMatchObject({ column: 1, lane: 0, lanes: 1 });
  });

  it("gives a session shorter than a slot one row", () => {
    const grid = layoutDay(
      [{ id: "s", startsAt: at("09:05"), endsAt: at("09:05"), roomId: null }],
      [null],
      "2017-04-24",
      ZONE,
    );
    expect(grid.placements[0]).toMatchObject({ rowStart: 0, rowEnd: 1 });
  });
});
