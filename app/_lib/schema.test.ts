import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeFieldErrors } from "./registration/errors";
import { delegateDetails, fieldErrorsOf } from "./registration/fields";
import { limitOf, required } from "./schema";

describe("length limits", () => {
  it("name the limit in every language", () => {
    const result = delegateDetails.safeParse({ givenName: "x".repeat(101), organization: "y".repeat(201) });
    expect(result.success).toBe(false);
    const errors = fieldErrorsOf(result.error!);
    expect(errors.givenName).toEqual({ key: "tooLong", values: { max: 100 } });
    expect(errors.organization).toEqual({ key: "tooLong", values: { max: 200 } });
    expect(describeFieldErrors({ organization: errors.organization! }, "de").organization).toBe(
      "Dieser Text ist zu lang: höchstens 200 Zeichen.",
    );
    expect(describeFieldErrors({ organization: errors.organization! }, "en").organization).toBe(
      "This text is too long: at most 200 characters.",
    );
    expect(describeFieldErrors({ organization: errors.organization! }, "zh").organization).toBe(
      "文字过长：最多 200 个字符。",
    );
  });

  it("take nothing from other problems", () => {
    const issue = required(5).safeParse("").error!.issues[0]!;
    expect(limitOf(issue)).toEqual({});
    expect(limitOf(z.string().max(3).safeParse("abcd").error!.issues[0]!)).toEqual({ values: { max: 3 } });
    expect(limitOf(z.number().max(3).safeParse(4).error!.issues[0]!)).toEqual({});
    expect(limitOf(z.array(z.string()).max(1).safeParse(["a", "b"]).error!.issues[0]!)).toEqual({});
  });
});
