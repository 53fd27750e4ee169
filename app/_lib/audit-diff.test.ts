import { describe, expect, it } from "vitest";
import { auditValue, changedFields } from "./audit-diff";

describe("changedFields", () => {
  it("lists only the fields that differ, with both values", () => {
    expect(
      changedFields({ title: "A", capacity: 30, room: "hall" }, { title: "B", capacity: 30, room: "hall" }),
    ).toEqual([{ field: "title", before: "A", after: "B" }]);
  });

  it("treats a creation and a deletion as every field changing", () => {
    expect(changedFields(null, { title: "A" })).toEqual([{ field: "title", before: undefined, after: "A" }]);
    expect(changedFields({ title: "A" }, undefined)).toEqual([
      { field: "title", before: "A", after: undefined },
    ]);
  });

  it("compares nested values by content", () => {
    expect(changedFields({ languages: ["de", "zh"] }, { languages: ["de", "zh"] })).toEqual([]);
    expect(changedFields({ languages: ["de"] }, { languages: ["de", "zh"] })).toHaveLength(1);
  });
});

describe("auditValue", () => {
  it("shows strings as they are, other values as JSON, nothing as a dash, and cuts long text", () => {
    expect(auditValue("Köln")).toBe("Köln");
    expect(auditValue(["de", "zh"])).toBe('["de","zh"]');
    expect(auditValue(null)).toBe("—");
    expect(auditValue("x".repeat(200), 10)).toBe(`${"x".repeat(9)}…`);
  });
});
