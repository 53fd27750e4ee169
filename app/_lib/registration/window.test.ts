import { describe, expect, it } from "vitest";
import { windowState } from "./window";

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
});
