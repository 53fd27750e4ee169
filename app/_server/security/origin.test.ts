import { describe, expect, it } from "vitest";
import { isActionFromAnotherHost, isForeignOrigin } from "./origin";

const PUBLIC_URL = "https://meeting.example.org";

function post(headers: Record<string, string>, url = "http://127.0.0.1:3000/api/auth/signout") {
  return new Request(url, { method: "POST", headers });
}

describe("isForeignOrigin", () => {
  it("accepts the app's public origin and the origin the request was made to", () => {
    expect(isForeignOrigin(post({ origin: "https://meeting.example.org" }), PUBLIC_URL)).toBe(false);
    expect(isForeignOrigin(post({ origin: "http://127.0.0.1:3000" }), PUBLIC_URL)).toBe(false);
    expect(
      isForeignOrigin(
        post({ origin: "https://meeting.example.org", "sec-fetch-site": "same-origin" }),
        `${PUBLIC_URL}/base`,
      ),
    ).toBe(false);
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
    expect(
      isForeignOrigin(post({ origin: "https://evil.example", "sec-fetch-site": "same-origin" }), PUBLIC_URL),
    ).toBe(true);
  });

  it("without Origin, refuses what Sec-Fetch-Site calls another site or origin, and lets requests without either pass", () => {
    expect(isForeignOrigin(post({ "sec-fetch-site": "cross-site" }), PUBLIC_URL)).toBe(true);
    expect(isForeignOrigin(post({ "sec-fetch-site": "same-site" }), PUBLIC_URL)).toBe(true);
    expect(isForeignOrigin(post({ "sec-fetch-site": "same-origin" }), PUBLIC_URL)).toBe(false);
    expect(isForeignOrigin(post({ "sec-fetch-site": "none" }), PUBLIC_URL)).toBe(false);
    expect(isForeignOrigin(post({}), PUBLIC_URL)).toBe(false);
  });
});

describe("isActionFromAnotherHost", () => {
  const action = (headers: Record<string, string>) =>
    new Request("http://127.0.0.1:3000/en/meetings/2017/register", { method: "POST", headers });

  it("takes an Origin that names the Host or the first X-Forwarded-Host, and a request without Origin", () => {
    expect(
      isActionFromAnotherHost(action({ origin: "https://meeting.example.org", host: "meeting.example.org" })),
    ).toBe(false);
    expect(
      isActionFromAnotherHost(
        action({
          origin: "https://meeting.example.org",
          host: "app:3000",
          "x-forwarded-host": "meeting.example.org, cdn.example",
        }),
      ),
    ).toBe(false);
    expect(isActionFromAnotherHost(action({ host: "app:3000" }))).toBe(false);
  });

  it("refuses an Origin that names another host, or is not an address", () => {
    expect(
      isActionFromAnotherHost(action({ origin: "https://meeting.example.org", host: "other.example" })),
    ).toBe(true);
    expect(
      isActionFromAnotherHost(
        action({
          origin: "https://meeting.example.org",
          host: "app:3000",
          "x-forwarded-host": "cdn.example, meeting.example.org",
        }),
      ),
    ).toBe(true);
    expect(isActionFromAnotherHost(action({ origin: "null", host: "meeting.example.org" }))).toBe(true);
  });
});
