import { describe, expect, it } from "vitest";
import { newNonce, pageContentSecurityPolicy } from "./content-security-policy";

/** The policy as directive → sources. */
function parse(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split(";").map((directive) => {
      const [name = "", ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("pageContentSecurityPolicy", () => {
  it("lets only scripts with the nonce run, and what they load: no inline script, no eval, in production", () => {
    const policy = parse(pageContentSecurityPolicy("bm9uY2U=", { development: false }));
    expect(policy["script-src"]).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(pageContentSecurityPolicy("bm9uY2U=", { development: false })).not.toContain("unsafe-eval");
  });

  it("allows eval under next dev only", () => {
    expect(parse(pageContentSecurityPolicy("n", { development: true }))["script-src"]).toEqual([
      "'self'",
      "'nonce-n'",
      "'strict-dynamic'",
      "'unsafe-eval'",
    ]);
  });

  it("forbids plugins, framing, foreign base URLs and foreign form targets; allows data: and blob: images", () => {
    const policy = parse(pageContentSecurityPolicy("n", { development: false }));
    expect(policy).toMatchObject({
      "default-src": ["'self'"],
      "style-src": ["'self'", "'unsafe-inline'"],
      "img-src": ["'self'", "data:", "blob:"],
      "object-src": ["'none'"],
      "base-uri": ["'self'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
    });
    // Every directive once; nothing from another host.
    expect(Object.keys(policy)).toHaveLength(pageContentSecurityPolicy("n").split(";").length);
    expect(pageContentSecurityPolicy("n")).not.toMatch(/https?:|\*/);
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    expect([...nonces].every((nonce) => /^[A-Za-z0-9+/]{22}==$/.test(nonce))).toBe(true);
  });
});
