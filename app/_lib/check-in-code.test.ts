import { describe, expect, it } from "vitest";
import { CHECK_IN_ALPHABET, formatCheckInCode, normalizeCheckInCode } from "./check-in-code";

describe("check-in codes", () => {
  it("has 32 distinct symbols without I, L, O and U", () => {
    expect(new Set(CHECK_IN_ALPHABET).size).toBe(32);
    expect(CHECK_IN_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it("formats in two groups of five", () => {
    expect(formatCheckInCode("7K3MQ9XW2F")).toBe("7K3MQ-9XW2F");
  });

  it("reads what staff type, forgiving case, dashes, spaces and look-alike letters", () => {
    expect(normalizeCheckInCode("7k3mq-9xw2f")).toBe("7K3MQ9XW2F");
    expect(normalizeCheckInCode(" 7K3MQ 9XW2F ")).toBe("7K3MQ9XW2F");
    expect(normalizeCheckInCode("ABCDE-FGHIO")).toBe("ABCDEFGH10");
    expect(normalizeCheckInCode("l0000-00000")).toBe("1000000000");
  });

  it("takes the code out of a scanned check-in address", () => {
    expect(normalizeCheckInCode("https://meeting.example/admin/meetings/2017/check-in?code=7K3MQ9XW2F")).toBe(
      "7K3MQ9XW2F",
    );
    expect(
      normalizeCheckInCode("https://x.example/de/admin/meetings/2017/check-in?lang=de&code=7k3mq-9xw2f#top"),
    ).toBe("7K3MQ9XW2F");
  });

  it("refuses anything that cannot be a code", () => {
    for (const input of [
      "",
      "7K3MQ9XW2",
      "7K3MQ9XW2FF",
      "7K3MQ9XW2U",
      "'; DROP TABLE",
      "７K3MQ9XW2F",
      "7K3MQ\u00009XW2F",
    ]) {
      expect(normalizeCheckInCode(input), input).toBeNull();
    }
  });
});
