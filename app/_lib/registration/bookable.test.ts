import { describe, expect, it } from "vitest";
import { closedToSeats, takesSeats } from "./bookable";

describe("takesSeats", () => {
  it("takes seats only in a published session with limited seats", () => {
    expect(takesSeats({ status: "published", capacity: 0 })).toBe(true);
    expect(takesSeats({ status: "published", capacity: null })).toBe(false);
    expect(takesSeats({ status: "draft", capacity: 10 })).toBe(false);
    expect(takesSeats({ status: "cancelled", capacity: 10 })).toBe(false);
  });

  it("names the sessions that take none", () => {
    expect(
      closedToSeats([
        { id: "a", status: "published", capacity: 5 },
        { id: "b", status: "cancelled", capacity: 5 },
        { id: "c", status: "draft", capacity: 5 },
        { id: "d", status: "published", capacity: null },
      ]),
    ).toEqual(["b", "c", "d"]);
  });
});
