import { describe, expect, it } from "vitest";
import { clientAddress } from "./http";

const forwarded = (value?: string) => new Headers(value === undefined ? {} : { "x-forwarded-for": value });

describe("clientAddress: the X-Forwarded-For entry TRUSTED_PROXY_HOPS from the right", () => {
  it("one proxy (the default): the last entry, whatever the client wrote before it", () => {
    expect(clientAddress(forwarded("198.51.100.7"), 1)).toBe("198.51.100.7");
    expect(clientAddress(forwarded("1.2.3.4, 5.6.7.8, 198.51.100.7"), 1)).toBe("198.51.100.7");
  });

  it("two proxies (a CDN, then a load balancer): the second entry from the right", () => {
    expect(clientAddress(forwarded("6.6.6.6, 203.0.113.5, 10.0.0.2"), 2)).toBe("203.0.113.5");
    expect(clientAddress(forwarded("203.0.113.5,10.0.0.2"), 2)).toBe("203.0.113.5");
  });

  it("fewer entries than hops: the first entry", () => {
    expect(clientAddress(forwarded("203.0.113.5, 10.0.0.2"), 3)).toBe("203.0.113.5");
    expect(clientAddress(forwarded("203.0.113.5"), 10)).toBe("203.0.113.5");
  });

  it("spaces, empty entries and a header sent twice (joined by Headers) are read as one list", () => {
    expect(clientAddress(forwarded(" 1.2.3.4 ,, 198.51.100.7 , "), 1)).toBe("198.51.100.7");
    const twice = new Headers([
      ["x-forwarded-for", "1.2.3.4"],
      ["x-forwarded-for", "198.51.100.7"],
    ]);
    expect(clientAddress(twice, 1)).toBe("198.51.100.7");
    expect(clientAddress(twice, 2)).toBe("1.2.3.4");
  });

  it("0 hops: the header is ignored and every request is the same client", () => {
    expect(clientAddress(forwarded("198.51.100.7"), 0)).toBe(clientAddress(forwarded("203.0.113.5"), 0));
    expect(clientAddress(forwarded(), 0)).toBe(clientAddress(forwarded("203.0.113.5"), 0));
  });

  it("no header, or only empty entries: one shared name, never a client's choice", () => {
    expect(clientAddress(forwarded(), 1)).toBe("unknown");
    expect(clientAddress(forwarded(" , "), 1)).toBe("unknown");
    expect(clientAddress(new Headers({ "x-real-ip": "6.6.6.6" }), 1)).toBe("unknown");
  });

  it("reads TRUSTED_PROXY_HOPS when no count is given (1 by default)", () => {
    expect(clientAddress(forwarded("1.2.3.4, 198.51.100.7"))).toBe("198.51.100.7");
  });
});
