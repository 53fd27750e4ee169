import { describe, expect, it } from "vitest";
import { lastOpenInstant, registrationWindow, windowState } from "./window";

describe("registration window", () => {
  const window = { opensAt: "2017-02-01T00:00:00Z", closesAt: "2017-04-20T22:00:00Z" };

  it("is open from the opening instant up to, not including, the closing one", () => {
    expect(windowState(window, new Date("2017-01-31T23:59:59Z"))).toBe("not_yet_open");
    expect(windowState(window, new Date("2017-02-01T00:00:00Z"))).toBe("open");
    expect(windowState(window, new Date("2017-04-20T21:59:59Z"))).toBe("open");
    expect(windowState(window, new Date("2017-04-20T22:00:00Z"))).toBe("closed");
  });

  it("has no limit on an open end", () => {
    expect(windowState({ opensAt: null, closesAt: null }, new Date("1990-01-01T00:00:00Z"))).toBe("open");
    expect(windowState({ opensAt: null, closesAt: window.closesAt }, new Date("2000-01-01T00:00:00Z"))).toBe(
      "open",
    );
  });

  describe("without a closing date", () => {
    const meeting = {
      registrationOpensAt: new Date("2017-02-01T00:00:00Z"),
      registrationClosesAt: null,
      endsOn: new Date("2017-04-24T00:00:00Z"),
      timeZone: "Europe/Berlin",
    };

    it("closes at the end of the meeting's last day in its zone", () => {
      const window = registrationWindow(meeting);
      expect(window).toEqual({ opensAt: "2017-02-01T00:00:00.000Z", closesAt: "2017-04-24T22:00:00.000Z" });
      expect(windowState(window, new Date("2017-04-24T21:59:59Z"))).toBe("open");
      expect(windowState(window, new Date("2017-04-24T22:00:00Z"))).toBe("closed");
      expect(lastOpenInstant(window)).toBe("2017-04-24T21:59:59.999Z");
    });

    it("takes midnight on the calendar on a night the clocks change", () => {
      // Berlin leaves summer time in the night after 28 October 2017: the day has 25 hours.
      const october = { ...meeting, endsOn: new Date("2017-10-28T00:00:00Z") };
      expect(registrationWindow(october).closesAt).toBe("2017-10-28T22:00:00.000Z");
      const shanghai = { ...meeting, timeZone: "Asia/Shanghai" };
      expect(registrationWindow(shanghai).closesAt).toBe("2017-04-24T16:00:00.000Z");
    });

    it("keeps a closing date that is set, also one after the meeting", () => {
      const set = new Date("2018-01-01T00:00:00Z");
      expect(registrationWindow({ ...meeting, registrationClosesAt: set }).closesAt).toBe(set.toISOString());
    });
  });
});
