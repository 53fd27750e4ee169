import { describe, expect, it } from "vitest";
import { scrubAuditRecord } from "./audit-scrub";

describe("an audit record after anonymization", () => {
  it("keeps what happened and empties who it was", () => {
    const before = {
      givenName: "Wei",
      email: "wei@example.org",
      dietaryNeeds: "halal",
      role: "delegate",
      cityId: "c1",
      interpretation: ["de"],
    };
    expect(scrubAuditRecord(before)).toEqual({
      givenName: null,
      email: null,
      dietaryNeeds: null,
      role: "delegate",
      cityId: "c1",
      interpretation: ["de"],
    });
  });

  it("looks into seat lists and drops a message to the delegate", () => {
    const after = {
      status: "rejected",
      message: "Sorry, Mr Wang",
      seats: [{ sessionId: "s1", status: "waitlisted", waitlistNumber: 2, note: "x" }],
    };
    expect(scrubAuditRecord(after)).toEqual({
      status: "rejected",
      message: null,
      seats: [{ sessionId: "s1", status: "waitlisted", waitlistNumber: 2, note: null }],
    });
  });

  it("changes nothing the second time", () => {
    const once = scrubAuditRecord({ organization: "Stadt Köln", status: "confirmed" });
    expect(scrubAuditRecord(once)).toEqual(once);
    expect(scrubAuditRecord(null)).toBeNull();
  });
});
