import { describe, expect, it } from "vitest";
import { hashToken, newToken, TOKEN_SHAPE } from "./tokens";

describe("link tokens (manage links, personal calendars, set-password links)", () => {
  it("carry 256 random bits as 43 characters of base64url, each one new", () => {
    const tokens = Array.from({ length: 1000 }, newToken);
    for (const token of tokens) {
      expect(token).toMatch(TOKEN_SHAPE);
      // At least 128 bits; these are 256.
      expect(Buffer.from(token, "base64url").length).toBe(32);
    }
    expect(new Set(tokens).size).toBe(1000);
    // Not a counter or a clock: the bytes of a thousand tokens use every value about equally often.
    const counts = new Array<number>(256).fill(0);
    for (const token of tokens) for (const byte of Buffer.from(token, "base64url")) counts[byte]! += 1;
    expect(Math.min(...counts)).toBeGreaterThan(60);
    expect(Math.max(...counts)).toBeLessThan(200);
  });

  it("are stored as their SHA-256, which is not the token", () => {
    const token = newToken();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toContain(token);
    expect(hashToken(newToken())).not.toBe(hashToken(token));
  });
});
