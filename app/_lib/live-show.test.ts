import { describe, expect, it } from "vitest";
import {
  liveShowOf,
  mayBeLive,
  monitorShowOf,
  projectShow,
  publicLiveOf,
  remainingSeconds,
  type StoredSegment,
  type StoredShow,
} from "./live-show";

// Köln's induction: 11:00 in Hannover, 09:00 UTC.
const start = new Date("2017-04-24T09:00:00Z");
const at = (clock: string) => new Date(`2017-04-24T${clock}Z`);

function segment(position: number, minutes: number, fields: Partial<StoredSegment> = {}): StoredSegment {
  return {
    id: `s${position}`,
    position,
    title: { de: `Teil ${position}`, en: `Part ${position}`, zh: `第${position}部分` },
    plannedDurationMinutes: minutes,
    adjustedDurationMinutes: null,
    actualStartedAt: null,
    actualEndedAt: null,
    heldSeconds: 0,
    ...fields,
  };
}

const ready: StoredShow = {
  sessionId: "ceremony",
  version: 0,
  phase: "ready",
  currentSegmentId: null,
  heldSince: null,
  startedAt: null,
  endedAt: null,
  lateNoticeMinutes: 5,
};

const plan = [segment(0, 5), segment(1, 10), segment(2, 15)];

/** Started at 09:01, the first segment ran 7 minutes, the second runs since 09:08. */
const running: { show: StoredShow; segments: StoredSegment[] } = {
  show: {
    ...ready,
    version: 2,
    phase: "running",
    currentSegmentId: "s1",
    startedAt: at("09:01:00"),
  },
  segments: [
    segment(0, 5, { actualStartedAt: at("09:01:00"), actualEndedAt: at("09:08:00") }),
    segment(1, 10, { actualStartedAt: at("09:08:00") }),
    segment(2, 15),
  ],
};

const starts = (show: { segments: { projectedStartsAt: string }[] }) =>
  show.segments.map((segment) => segment.projectedStartsAt.slice(11, 19));

describe("liveShowOf", () => {
  it("before the start: the planned schedule, no drift, nothing current", () => {
    const show = liveShowOf(start, ready, plan, at("08:50:00"));
    expect(show.phase).toBe("ready");
    expect(show.currentPosition).toBeNull();
    expect(show.segments.map((s) => s.plannedStartsAt.slice(11, 19))).toEqual([
      "09:00:00",
      "09:05:00",
      "09:15:00",
    ]);
    expect(starts(show)).toEqual(["09:00:00", "09:05:00", "09:15:00"]);
    expect(show.plannedEndsAt).toBe("2017-04-24T09:30:00.000Z");
    expect(show.projectedEndsAt).toBe("2017-04-24T09:30:00.000Z");
    expect(show.driftSeconds).toBe(0);
    expect(show.serverNow).toBe("2017-04-24T08:50:00.000Z");
    expect(remainingSeconds(show, at("08:50:00"))).toBeNull();
  });

  it("a show not started at its time is late by the wait", () => {
    const show = liveShowOf(start, ready, plan, at("09:02:30"));
    expect(starts(show)).toEqual(["09:02:30", "09:07:30", "09:17:30"]);
    expect(show.driftSeconds).toBe(150);
  });

  it("running: actual times of the finished segment, its overrun, the rest projected from the current", () => {
    const show = liveShowOf(start, running.show, running.segments, at("09:10:00"));
    expect(show.currentPosition).toBe(1);
    expect(show.segments[0]!.overrunSeconds).toBe(120);
    expect(show.segments[1]!.overrunSeconds).toBeNull();
    expect(starts(show)).toEqual(["09:01:00", "09:08:00", "09:18:00"]);
    expect(show.projectedEndsAt).toBe("2017-04-24T09:33:00.000Z");
    expect(show.driftSeconds).toBe(180);
    expect(remainingSeconds(show, at("09:10:00"))).toBe(480);
  });

  it("overtime pushes everything after the current segment on, and the countdown goes negative", () => {
    const show = liveShowOf(start, running.show, running.segments, at("09:19:30"));
    expect(remainingSeconds(show, at("09:19:30"))).toBe(-90);
    expect(starts(show)[2]).toBe("09:19:30");
    expect(show.driftSeconds).toBe(270);
  });

  it("an underrun is negative", () => {
    const segments = [
      segment(0, 5, { actualStartedAt: at("09:00:00"), actualEndedAt: at("09:03:20") }),
      segment(1, 10, { actualStartedAt: at("09:03:20") }),
    ];
    const show = liveShowOf(start, { ...running.show, startedAt: at("09:00:00") }, segments, at("09:04:00"));
    expect(show.segments[0]!.overrunSeconds).toBe(-100);
    expect(show.driftSeconds).toBe(-100);
  });

  it("an adjusted duration moves everything after it; planned times stay as planned", () => {
    const segments = running.segments.map((s) => (s.id === "s1" ? { ...s, adjustedDurationMinutes: 4 } : s));
    const show = liveShowOf(start, running.show, segments, at("09:10:00"));
    expect(show.segments[1]!.durationMinutes).toBe(4);
    expect(show.segments[1]!.plannedEndsAt).toBe("2017-04-24T09:15:00.000Z");
    expect(starts(show)[2]).toBe("09:12:00");
    expect(show.projectedEndsAt).toBe("2017-04-24T09:27:00.000Z");
    expect(show.driftSeconds).toBe(-180);
    expect(remainingSeconds(show, at("09:10:00"))).toBe(120);
  });

  it("a hold stops the countdown and pushes the end on while it lasts", () => {
    const held: StoredShow = { ...running.show, phase: "held", heldSince: at("09:10:00") };
    const segments = running.segments.map((s) => (s.id === "s1" ? { ...s, heldSeconds: 30 } : s));
    const show = liveShowOf(start, held, segments, at("09:12:00"));
    expect(show.heldSeconds).toBe(30);
    expect(remainingSeconds(show, at("09:10:00"))).toBe(510);
    expect(remainingSeconds(show, at("09:12:00"))).toBe(510);
    expect(remainingSeconds(show, at("09:40:00"))).toBe(510);
    // 09:08 + 10 min + 30 s earlier hold + 2 min of this one.
    expect(show.segments[1]!.projectedEndsAt).toBe("2017-04-24T09:20:30.000Z");
    expect(show.driftSeconds).toBe(330);
    // After resuming, the hold taken counts and the clock runs again.
    const resumed = liveShowOf(
      start,
      { ...held, phase: "running", heldSince: null },
      segments.map((s) => (s.id === "s1" ? { ...s, heldSeconds: 150 } : s)),
      at("09:12:00"),
    );
    expect(remainingSeconds(resumed, at("09:12:00"))).toBe(510);
    expect(remainingSeconds(resumed, at("09:13:00"))).toBe(450);
  });

  it("ended: every segment at its actual times, the end as it happened", () => {
    const ended: StoredShow = {
      ...running.show,
      phase: "ended",
      currentSegmentId: null,
      endedAt: at("09:29:00"),
    };
    const segments = [
      segment(0, 5, { actualStartedAt: at("09:01:00"), actualEndedAt: at("09:08:00") }),
      segment(1, 10, { actualStartedAt: at("09:08:00"), actualEndedAt: at("09:16:00") }),
      segment(2, 15, { actualStartedAt: at("09:16:00"), actualEndedAt: at("09:29:00") }),
    ];
    const show = liveShowOf(start, ended, segments, at("10:00:00"));
    expect(show.segments.map((s) => s.overrunSeconds)).toEqual([120, -120, -120]);
    expect(show.projectedEndsAt).toBe("2017-04-24T09:29:00.000Z");
    expect(show.driftSeconds).toBe(-60);
    expect(remainingSeconds(show, at("10:00:00"))).toBeNull();
    expect(monitorShowOf(show).current).toBeNull();
    expect(monitorShowOf(show).next).toBeNull();
  });

  it("orders the segments by position whatever order they come in", () => {
    const show = liveShowOf(start, ready, [...plan].reverse(), at("08:00:00"));
    expect(show.segments.map((s) => s.id)).toEqual(["s0", "s1", "s2"]);
  });

  it("an empty run-of-show plans nothing", () => {
    const show = liveShowOf(start, ready, [], at("08:00:00"));
    expect(show.segments).toEqual([]);
    expect(show.plannedEndsAt).toBe(start.toISOString());
    expect(show.driftSeconds).toBe(0);
  });
});

describe("projectShow", () => {
  const sent = liveShowOf(start, running.show, running.segments, at("09:10:00"));

  it("a view recomputes the projections with its own clock, keeping the state it was sent", () => {
    const later = projectShow(sent, at("09:20:00"));
    expect(later.version).toBe(sent.version);
    expect(later.serverNow).toBe(sent.serverNow);
    expect(later.driftSeconds).toBe(300);
    expect(later.segments[2]!.projectedStartsAt).toBe("2017-04-24T09:20:00.000Z");
    expect(remainingSeconds(later, at("09:20:00"))).toBe(-120);
  });

  it("is the same at the same instant as the server's projection", () => {
    expect(projectShow(sent, at("09:10:00"))).toEqual(sent);
  });

  it("keeps the crew's fields", () => {
    const crew = {
      ...sent,
      sessionTitle: { de: "Aufnahme", en: null, zh: null },
      segments: sent.segments.map((s) => ({
        ...s,
        internalNotes: "Mikrofon",
        description: null,
        participants: [],
      })),
    };
    const later = projectShow(crew, at("09:20:00"));
    expect(later.sessionTitle.de).toBe("Aufnahme");
    expect(later.segments[0]!.internalNotes).toBe("Mikrofon");
    expect(later.driftSeconds).toBe(300);
  });

  it("the monitor's two segments follow, and the show's end moves with them", () => {
    const monitor = monitorShowOf(sent);
    expect(monitor.current?.id).toBe("s1");
    expect(monitor.next?.id).toBe("s2");
    expect(monitor).not.toHaveProperty("segments");
    const later = projectShow(monitor, at("09:20:00"));
    expect(later.next?.projectedStartsAt).toBe("2017-04-24T09:20:00.000Z");
    expect(later.projectedEndsAt).toBe("2017-04-24T09:35:00.000Z");
    expect(later.driftSeconds).toBe(300);
    expect(remainingSeconds(later, at("09:20:00"))).toBe(-120);
  });

  it("the monitor before the start shows the first segment as next, late when the start is", () => {
    const monitor = monitorShowOf(liveShowOf(start, ready, plan, at("08:59:00")));
    expect(monitor.current).toBeNull();
    expect(monitor.next?.id).toBe("s0");
    const late = projectShow(monitor, at("09:03:00"));
    expect(late.next?.projectedStartsAt).toBe("2017-04-24T09:03:00.000Z");
    expect(late.driftSeconds).toBe(180);
  });
});

describe("publicLiveOf", () => {
  it("names the running segment and says nothing of a small delay", () => {
    const show = liveShowOf(start, running.show, running.segments, at("09:10:00"));
    expect(publicLiveOf(show, at("09:10:00"))).toEqual({
      sessionId: "ceremony",
      version: 2,
      phase: "running",
      segmentTitle: { de: "Teil 1", en: "Part 1", zh: "第1部分" },
      lateMinutes: null,
    });
  });

  it("past the organizers' threshold, whole minutes late", () => {
    const show = liveShowOf(start, running.show, running.segments, at("09:10:00"));
    // 09:20:59: the current segment is 2:59 in overtime on top of 3 minutes of drift.
    expect(publicLiveOf(show, at("09:20:59")).lateMinutes).toBe(5);
    expect(publicLiveOf(show, at("09:19:59")).lateMinutes).toBeNull();
    expect(publicLiveOf({ ...show, lateNoticeMinutes: 2 }, at("09:10:00")).lateMinutes).toBe(3);
  });

  it("a rehearsal, started a day early: planned times count from its start, the public sees nothing", () => {
    const dayBefore = (clock: string) => new Date(`2017-04-23T${clock}Z`);
    const stored = { ...running.show, startedAt: dayBefore("15:00:00") };
    const rehearsal = liveShowOf(
      start,
      stored,
      [
        segment(0, 5, { actualStartedAt: dayBefore("15:00:00"), actualEndedAt: dayBefore("15:07:00") }),
        segment(1, 10, { actualStartedAt: dayBefore("15:07:00") }),
        segment(2, 15),
      ],
      dayBefore("15:10:00"),
    );
    expect(rehearsal.rehearsal).toBe(true);
    expect(rehearsal.segments[0]!.plannedStartsAt).toBe("2017-04-23T15:00:00.000Z");
    // Two minutes over in the first segment, as in a real run; not a day early.
    expect(rehearsal.driftSeconds).toBe(120);
    expect(publicLiveOf(rehearsal, dayBefore("15:10:00"))).toMatchObject({
      segmentTitle: null,
      lateMinutes: null,
    });
    // Twelve hours late is still the ceremony itself.
    const late = liveShowOf(
      start,
      { ...running.show, startedAt: at("21:00:00") },
      running.segments,
      at("21:00:00"),
    );
    expect(late.rehearsal).toBe(false);
  });

  it("before and after the show: no segment, no delay", () => {
    expect(publicLiveOf(liveShowOf(start, ready, plan, at("09:30:00")), at("09:30:00"))).toMatchObject({
      phase: "ready",
      segmentTitle: null,
      lateMinutes: null,
    });
  });
});

describe("mayBeLive", () => {
  it("only within twelve hours of the ceremony's slot, where a show is not a rehearsal", () => {
    const slot = { startsAt: "2017-04-24T09:00:00Z", endsAt: "2017-04-24T09:45:00Z" };
    expect(mayBeLive(slot, Date.parse("2017-04-23T21:00:00Z"))).toBe(true);
    expect(mayBeLive(slot, Date.parse("2017-04-23T20:59:59Z"))).toBe(false);
    expect(mayBeLive(slot, Date.parse("2017-04-24T21:45:00Z"))).toBe(true);
    expect(mayBeLive(slot, Date.parse("2017-04-24T21:45:01Z"))).toBe(false);
  });
});
