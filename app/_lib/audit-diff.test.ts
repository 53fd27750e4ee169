import { describe, expect, it } from "vitest";
import { auditText, auditValue, changedFields } from "./audit-diff";

describe("changedFields", () => {
  it("lists only the fields that differ, with both values", () => {
    expect(
      changedFields({ title: "A", capacity: 30, room: "hall" }, { title: "B", capacity: 30, room: "hall" }),
    ).toEqual([{ field: "title", before: "A", after: "B" }]);
  });

  it("treats a creation and a deletion as every field changing", () => {
    expect(changedFields(null, { title: "A", track: null })).toEqual([
      { field: "title", before: undefined, after: "A" },
    ]);
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

describe("auditText", () => {
  const reading = {
    locale: "de" as const,
    timeZone: "Europe/Berlin",
    names: { room1: { label: "Saal 2" }, p1: { label: "Li Qiang (李强)" } },
    yes: "ja",
    no: "nein",
  };

  it("names referenced records, shows instants in the entry's zone and joins lists", () => {
    expect(auditText("room1", reading)).toBe("Saal 2");
    expect(auditText("2017-04-24T07:30:00.000Z", reading)).toBe("24. Apr. 2017, 09:30");
    expect(auditText(true, reading)).toBe("ja");
    expect(auditText(["de", "zh"], reading)).toBe("de, zh");
    expect(auditText([{ personId: "p1", role: "moderator" }], reading)).toBe("Li Qiang (李强) · moderator");
    expect(auditText(null, reading)).toBe("—");
    expect(auditText([], reading)).toBe("—");
    expect(auditText(40, reading)).toBe("40");
  });

  it("leaves the record's own keys and the accepted conflicts out of the list of changes", () => {
    expect(
      changedFields(
        { id: "s1", meetingId: "m1", capacity: 30 },
        { id: "s1", meetingId: "m1", capacity: 40, acceptedConflicts: [{ kind: "room" }] },
      ),
    ).toEqual([{ field: "capacity", before: 30, after: 40 }]);
  });
});
