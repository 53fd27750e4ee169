import { describe, expect, it } from "vitest";
import { countdownTone, currentAndNext, driftOf, formatClock, nextSpeaker, segmentStage } from "./live-clock";
import type { CrewSegment, CrewShow } from "./live-show";

describe("formatClock", () => {
  it("writes minutes and seconds, hours only when there are any", () => {
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(5)).toBe("0:05");
    expect(formatClock(245)).toBe("4:05");
    expect(formatClock(720)).toBe("12:00");
    expect(formatClock(3723)).toBe("1:02:03");
  });

  it("counts overtime with a minus sign, and never writes −0:00", () => {
    expect(formatClock(-12)).toBe("−0:12");
    expect(formatClock(-3600)).toBe("−1:00:00");
    expect(formatClock(-0.2)).toBe("0:00");
  });
});

describe("countdownTone", () => {
  it("warns in the last minute and turns to overtime once the time is up", () => {
    expect(countdownTone(61)).toBe("normal");
    expect(countdownTone(60)).toBe("lastMinute");
    expect(countdownTone(1)).toBe("lastMinute");
    expect(countdownTone(0)).toBe("overtime");
    expect(countdownTone(-30)).toBe("overtime");
  });
});

describe("driftOf", () => {
  it("says late or early by a clock, and on time at zero", () => {
    expect(driftOf(200)).toEqual({ kind: "late", clock: "3:20", days: null });
    expect(driftOf(-70)).toEqual({ kind: "early", clock: "1:10", days: null });
    expect(driftOf(0.4)).toEqual({ kind: "onTime" });
  });

  it("counts whole days for a plan that far off", () => {
    expect(driftOf(86_399)).toEqual({ kind: "late", clock: "23:59:59", days: null });
    expect(driftOf(3 * 86_400 + 5)).toEqual({ kind: "late", clock: null, days: 3 });
  });
});

const title = (de: string) => ({ de, en: null, zh: null });

function segment(position: number, participants: CrewSegment["participants"] = []): CrewSegment {
  const at = "2017-04-24T09:00:00.000Z";
  return {
    id: `s${position}`,
    position,
    title: title(`Punkt ${position}`),
    durationMinutes: 5,
    plannedStartsAt: at,
    plannedEndsAt: at,
    actualStartedAt: null,
    actualEndedAt: null,
    projectedStartsAt: at,
    projectedEndsAt: at,
    overrunSeconds: null,
    internalNotes: null,
    description: null,
    participants,
  };
}

function show(phase: CrewShow["phase"], currentPosition: number | null, segments: CrewSegment[]): CrewShow {
  const at = "2017-04-24T09:00:00.000Z";
  return {
    sessionId: "c",
    sessionTitle: title("Zeremonie"),
    timeZone: "Europe/Berlin",
    version: 1,
    phase,
    currentPosition,
    heldSince: null,
    heldSeconds: 0,
    startedAt: null,
    endedAt: null,
    plannedEndsAt: at,
    projectedEndsAt: at,
    driftSeconds: 0,
    serverNow: at,
    lateNoticeMinutes: 5,
    rehearsal: false,
    segments,
  };
}

const mayor = { primary: "Henriette Reker", secondary: null, speaksIn: "de" as const };
const guest = { primary: "王伟", secondary: "Wang Wei", speaksIn: "zh" as const };
const photographer = { primary: "Photo", secondary: null, speaksIn: null };

describe("currentAndNext", () => {
  const segments = [segment(1), segment(2), segment(3)];

  it("gives the first segment as next before the start", () => {
    expect(currentAndNext(show("ready", null, segments))).toEqual({ current: null, next: segments[0] });
  });

  it("gives the segment on stage and the one after it, running or held", () => {
    expect(currentAndNext(show("running", 2, segments))).toEqual({ current: segments[1], next: segments[2] });
    expect(currentAndNext(show("held", 3, segments))).toEqual({ current: segments[2], next: null });
  });

  it("gives neither after the end", () => {
    expect(currentAndNext(show("ended", 3, segments))).toEqual({ current: null, next: null });
  });
});

describe("segmentStage", () => {
  it("marks the segment on stage, the finished ones and those to come", () => {
    const running = show("running", 2, []);
    expect(segmentStage(running, { position: 1, actualEndedAt: "2017-04-24T09:05:00.000Z" })).toBe("done");
    expect(segmentStage(running, { position: 2, actualEndedAt: null })).toBe("now");
    expect(segmentStage(running, { position: 3, actualEndedAt: null })).toBe("upcoming");
    const ended = show("ended", 3, []);
    expect(segmentStage(ended, { position: 3, actualEndedAt: "2017-04-24T09:15:00.000Z" })).toBe("done");
  });
});

describe("nextSpeaker", () => {
  it("finds the first participant with a language after the segment on stage, skipping silent segments", () => {
    const segments = [segment(1, [mayor]), segment(2, [photographer]), segment(3, [photographer, guest])];
    expect(nextSpeaker(show("running", 1, segments))).toEqual({ segment: segments[2], speaker: guest });
  });

  it("starts from the first segment before the show, and finds nobody after the last speaker", () => {
    const segments = [segment(1, [mayor]), segment(2, [guest])];
    expect(nextSpeaker(show("ready", null, segments))).toEqual({ segment: segments[0], speaker: mayor });
    expect(nextSpeaker(show("running", 2, segments))).toBeNull();
    expect(nextSpeaker(show("ended", 2, segments))).toBeNull();
  });
});
