import { describe, expect, it } from "vitest";
import { isForeignOrigin } from "./origin";

const PUBLIC_URL = "https://meeting.example.org";

function post(headers: Record<string, string>, url = "http://127.0.0.1:3000/api/auth/signout") {
  return new Request(url, { method: "POST", headers });
}

describe("isForeignOrigin", () => {
  it("accepts the app's public origin and the origin the request was made to", () => {
    expect(isForeignOrigin(post({ origin: "https://meeting.example.org" }), PUBLIC_URL)).toBe(false);
    expect(isForeignOrigin(post({ origin: "http://127.0.0.1:3000" }), PUBLIC_URL)).toBe(false);
    expect(isForeignOrigin(post({ origin: "https://meeting.example.org", "sec-fetch-site": "same-origin" }), `${PUBLIC_URL}/base`)).toBe(false);
  });

  it("refuses any other origin, however close, and the opaque origin", () => {
    for (const origin of [
      "https://evil.example",
      "http://meeting.example.org",
      "https://meeting.example.org:8443",
      "https://sub.meeting.example.org",
      "https://meeting.example.org.evil.example",
      "http://127.0.0.1:3001",
      "null",
      "",
    ]) {
      expect(isForeignOrigin(post({ origin }), PUBLIC_URL), origin).toBe(true);
    }
  });

  it("trusts Origin over Sec-Fetch-Site when both are sent", () => {
    expect(isForeignOrigin(post({ origin: "https://evil.example", "sec-fetch-site": "same-origin" }), PUBLIC_URL)).toBe(true);
  });

  it("without Origin, refuses what Sec-Fetch-Site calls another site or origin, and lets requests without either pass", () => {
    expect(isForeignOrigin(post({ "sec-fetch-site": "cross-site" }), PUBLIC_URL)).toBe(true);
    expect(isForeignOrigin(post({ "sec-fetch-site": "same-site" }), PUBLIC_URL)).toBe(true);
    expect(isForeignOrigin(post({ "sec-fetch-site": "same-origin" }), PUBLIC_URL)).toBe(false);
    expect(isForeignOrigin(post({ "sec-fetch-site": "none" }), PUBLIC_URL)).toBe(false);
    expect(isForeignOrigin(post({}), PUBLIC_URL)).toBe(false);
  });
});
