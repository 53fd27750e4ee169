import { describe, expect, it } from "vitest";
import { CHECK_IN_ALPHABET, CHECK_IN_CODE_LENGTH } from "@/app/_lib/check-in-code";
import { newCheckInCode } from "./tokens";

describe("check-in codes", () => {
  it("are ten characters of Crockford's base32 (50 bits: they name a delegate to staff, they open nothing)", () => {
    const codes = Array.from({ length: 1000 }, newCheckInCode);
    for (const code of codes) {
      expect(code).toHaveLength(CHECK_IN_CODE_LENGTH);
      expect([...code].every((character) => CHECK_IN_ALPHABET.includes(character))).toBe(true);
    }
    expect(new Set(codes).size).toBe(1000);
  });
});
