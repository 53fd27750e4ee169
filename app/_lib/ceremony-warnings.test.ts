import { describe, expect, it } from "vitest";
import type { ScheduledSession } from "./conflicts";
import { previewRunOfShow, slotFit } from "./ceremony-warnings";

const at = (time: string) => new Date(`2017-04-24T${time}:00Z`);
const slot = { id: "ceremony", startsAt: at("09:00"), endsAt: at("09:45") };

function session(
  id: string,
  from: string,
  to: string,
  personIds: string[],
  status: ScheduledSession["status"] = "published",
): ScheduledSession {
  return { id, title: `Session ${id}`, startsAt: at(from), endsAt: at(to), roomId: null, status, personIds };
}

describe("slotFit", () => {
  it("reports the minutes past the slot, the minutes left, or an exact fit", () => {
    expect(slotFit(slot, 52)).toEqual({ kind: "overrun", minutes: 7 });
    expect(slotFit(slot, 40)).toEqual({ kind: "minutesLeft", minutes: 5 });
    expect(slotFit(slot, 45)).toEqual({ kind: "fits" });
  });
});

describe("previewRunOfShow", () => {
  const segments = [
    { id: "welcome", durationMinutes: 5, participantIds: ["ost"] },
    { id: "speech", durationMinutes: 10, participantIds: ["berg", "ost"] },
  ];

  it("names the participant and the other session that holds them while their segment runs", () => {
    // 09:05–09:15 is the speech; the other session starts at 09:10.
    const others = [session("panel", "09:10", "10:00", ["berg"])];
    const preview = previewRunOfShow(slot, segments, others);
    expect(preview.clashes).toEqual([
      {
        segmentId: "speech",
        personId: "berg",
        with: {
          id: "panel",
          title: "Session panel",
          startsAt: "2017-04-24T09:10:00.000Z",
          endsAt: "2017-04-24T10:00:00.000Z",
        },
      },
    ]);
    expect(preview.fit).toEqual({ kind: "minutesLeft", minutes: 30 });
  });

  it("follows the order: the same people, moved away from the other session, clash no more", () => {
    const others = [session("panel", "09:00", "09:05", ["berg"])];
    expect(previewRunOfShow(slot, segments, others).clashes).toEqual([]);
    const reversed = [segments[1]!, segments[0]!];
    expect(
      previewRunOfShow(slot, reversed, others).clashes.map((clash) => [clash.segmentId, clash.personId]),
    ).toEqual([["speech", "berg"]]);
  });

  it("ignores cancelled sessions, the ceremony itself and sessions that merely touch the segment", () => {
    const others = [
      session("cancelled", "09:00", "09:45", ["ost"], "cancelled"),
      session("ceremony", "09:00", "09:45", ["ost"]),
      session("before", "08:00", "09:00", ["ost"]),
    ];
    expect(previewRunOfShow(slot, segments, others).clashes).toEqual([]);
  });
});
