import { describe, expect, it } from "vitest";
import { ceremonyFieldErrors, officialsInput, segmentInput } from "./ceremony-input";

const valid = {
  durationMinutes: "5",
  titleDe: "Begrüßung",
  titleEn: "",
  titleZh: "致欢迎辞",
  participantIds: ["p1", "", "p2"],
};

describe("segmentInput", () => {
  it("reads a form: minutes as a number, blanks as missing, empty participant choices dropped", () => {
    expect(segmentInput.parse(valid)).toEqual({
      durationMinutes: 5,
      titleDe: "Begrüßung",
      titleEn: null,
      titleZh: "致欢迎辞",
      descriptionDe: null,
      descriptionEn: null,
      descriptionZh: null,
      internalNotes: null,
      participantIds: ["p1", "p2"],
    });
    expect(segmentInput.parse({ ...valid, internalNotes: " Two pens " }).internalNotes).toBe("Two pens");
    expect(segmentInput.parse({ ...valid, durationMinutes: 7, participantIds: "p3" }).participantIds).toEqual(
      ["p3"],
    );
  });

  it("says what is wrong with each field", () => {
    const errors = (input: object) => {
      const result = segmentInput.safeParse({ ...valid, ...input });
      return result.success ? {} : ceremonyFieldErrors(result.error);
    };
    expect(errors({ durationMinutes: "" })).toEqual({ durationMinutes: { key: "required" } });
    expect(errors({ durationMinutes: "5 min" })).toEqual({ durationMinutes: { key: "number" } });
    expect(errors({ durationMinutes: "0" })).toEqual({ durationMinutes: { key: "tooSmall" } });
    expect(errors({ durationMinutes: "241" })).toEqual({ durationMinutes: { key: "valueTooLarge" } });
    expect(errors({ titleDe: "  " })).toEqual({ titleDe: { key: "required" } });
    expect(errors({ internalNotes: "x".repeat(2001) })).toEqual({
      internalNotes: { key: "tooLong", values: { max: 2000 } },
    });
    expect(errors({ participantIds: ["p1", "p1"] })).toEqual({ participantIds: { key: "duplicate" } });
    expect(errors({ participantIds: ["bad id!"] })).toEqual({ "participantIds.0": { key: "invalidChoice" } });
  });
});

describe("officialsInput", () => {
  it("takes each person once", () => {
    expect(officialsInput.safeParse([{ personId: "a", speaks: true }, { personId: "b" }]).data).toEqual([
      { personId: "a", speaks: true, signs: false },
      { personId: "b", speaks: false, signs: false },
    ]);
    expect(officialsInput.safeParse([{ personId: "a" }, { personId: "a" }]).success).toBe(false);
  });
});
