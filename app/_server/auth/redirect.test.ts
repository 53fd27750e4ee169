import { describe, expect, it } from "vitest";
import { OPEN_REDIRECT_PAYLOADS } from "@/test/open-redirect-payloads";
import { sameSiteRedirect } from "./redirect";

const baseUrl = "http://localhost:3000";

describe("sameSiteRedirect", () => {
  it("keeps a path of this site, given as a path or as an address", () => {
    expect(sameSiteRedirect({ url: "/de/admin?x=1", baseUrl })).toBe(`${baseUrl}/de/admin?x=1`);
    expect(sameSiteRedirect({ url: `${baseUrl}/en/admin/sign-in?signedOut=1`, baseUrl })).toBe(
      `${baseUrl}/en/admin/sign-in?signedOut=1`,
    );
  });

  it.each([
    "http://localhost:30000/en",
    `${baseUrl}//evil.example`,
    `${baseUrl}@evil.example/`,
    `${baseUrl}/..//evil.example`,
    "@evil",
  ])("sends %j to the root", (url) => {
    expect(sameSiteRedirect({ url, baseUrl })).toBe(`${baseUrl}/`);
  });

  it.each(OPEN_REDIRECT_PAYLOADS)("stays on this site with %j", (url) => {
    expect(new URL(sameSiteRedirect({ url, baseUrl })).origin).toBe(baseUrl);
  });
});
