import { describe, expect, it } from "vitest";
import { summaryLines } from "./error-summary";

describe("summaryLines", () => {
  it("lists the errors in the order of the form, unknown fields after, in the order reported", () => {
    const errors = { email: "E", visaNumber: "V", givenName: "G", privacyConsent: "P", familyName: "F" };
    const lines = summaryLines(errors, {
      order: ["familyName", "givenName", "email", "privacyConsent"],
      targets: { privacyConsent: "privacyConsent-on" },
    });
    expect(lines).toEqual([
      { field: "familyName", message: "F", target: "familyName" },
      { field: "givenName", message: "G", target: "givenName" },
      { field: "email", message: "E", target: "email" },
      { field: "privacyConsent", message: "P", target: "privacyConsent-on" },
      { field: "visaNumber", message: "V", target: "visaNumber" },
    ]);
  });

  it("points a problem of the whole form at no control", () => {
    expect(summaryLines({ _: "Too many", email: "E" })).toEqual([
      { field: "_", message: "Too many", target: null },
      { field: "email", message: "E", target: "email" },
    ]);
  });

  it("has no lines without errors", () => {
    expect(summaryLines(undefined)).toEqual([]);
    expect(summaryLines({})).toEqual([]);
  });
});
