import { describe, expect, it } from "vitest";
import { agendaHref, groupBy, parseAgendaQuery } from "./agenda-view";

const known = { kinds: ["keynote", "workshop"], tracks: ["plenum", "staedte"] };

describe("agenda query", () => {
  it("reads known filters and ignores unknown ones", () => {
    expect(parseAgendaQuery({ kind: "workshop", track: "plenum", view: "room" }, known)).toEqual({
      kind: "workshop",
      track: "plenum",
      view: "room",
    });
    expect(parseAgendaQuery({ kind: "dance", track: ["staedte", "plenum"], view: "grid" }, known)).toEqual({
      kind: null,
      track: "staedte",
      view: "time",
    });
    expect(parseAgendaQuery({ kind: "x".repeat(100) }, known).kind).toBeNull();
  });

  it("builds links that change one part and drop defaults", () => {
    const query = { kind: "workshop", track: null, view: "time" as const };
    expect(agendaHref("/a", query, { track: "plenum" })).toBe("/a?kind=workshop&track=plenum");
    expect(agendaHref("/a", query, { kind: null })).toBe("/a");
    expect(agendaHref("/a", query, { view: "track" })).toBe("/a?kind=workshop&view=track");
  });

  it("groups in first-seen order", () => {
    expect(groupBy(["b1", "a1", "b2"], (item) => item[0]!)).toEqual([
      { key: "b", items: ["b1", "b2"] },
      { key: "a", items: ["a1"] },
    ]);
  });
});
