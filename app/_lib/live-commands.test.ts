import { describe, expect, it } from "vitest";
import { applyShowCommand, showCommandInput, type Transition } from "./live-commands";
import type { StoredSegment, StoredShow } from "./live-show";

const at = (clock: string) => new Date(`2017-04-24T${clock}Z`);

/** The ceremony begins at 09:00, when the runs below start: each is the ceremony itself, not a rehearsal. */
const ceremonyStartsAt = at("09:00:00");
const apply = (
  show: StoredShow,
  storedSegments: readonly StoredSegment[],
  command: Parameters<typeof applyShowCommand>[2],
  now: Date,
) => applyShowCommand(show, storedSegments, command, now, ceremonyStartsAt);

const segments: StoredSegment[] = [0, 1, 2].map((position) => ({
  id: `s${position}`,
  position,
  title: { de: `Teil ${position}`, en: null, zh: null },
  plannedDurationMinutes: 5,
  adjustedDurationMinutes: null,
  actualStartedAt: null,
  actualEndedAt: null,
  heldSeconds: 0,
}));

const ready: StoredShow = {
  sessionId: "c",
  version: 0,
  phase: "ready",
  currentSegmentId: null,
  heldSince: null,
  startedAt: null,
  endedAt: null,
  lateNoticeMinutes: 5,
};

type State = { show: StoredShow; segments: StoredSegment[] };

function run(state: State, ...steps: [Parameters<typeof applyShowCommand>[2], string][]): State {
  return steps.reduce((current, [command, clock]) => {
    const result = apply(current.show, current.segments, command, at(clock));
    if (result.refused !== null) throw new Error(`refused: ${result.refused}`);
    return { show: result.show, segments: result.segments };
  }, state);
}

const refusal = (result: Transition) => result.refused;
const begun = run({ show: ready, segments }, [{ action: "start" }, "09:00:00"]);

describe("applyShowCommand", () => {
  it("start, next, next, next: each segment's actual times, then the end", () => {
    const done = run(
      begun,
      [{ action: "next" }, "09:06:00"],
      [{ action: "next" }, "09:10:00"],
      [{ action: "next" }, "09:16:00"],
    );
    expect(done.show).toMatchObject({ phase: "ended", currentSegmentId: null, version: 4 });
    expect(done.show.endedAt).toEqual(at("09:16:00"));
    expect(
      done.segments.map((s) => [s.actualStartedAt?.toISOString(), s.actualEndedAt?.toISOString()]),
    ).toEqual([
      ["2017-04-24T09:00:00.000Z", "2017-04-24T09:06:00.000Z"],
      ["2017-04-24T09:06:00.000Z", "2017-04-24T09:10:00.000Z"],
      ["2017-04-24T09:10:00.000Z", "2017-04-24T09:16:00.000Z"],
    ]);
  });

  it("refuses what cannot apply, changing nothing", () => {
    const ended = run(
      begun,
      [{ action: "next" }, "09:05"],
      [{ action: "next" }, "09:10"],
      [{ action: "next" }, "09:15"],
    );
    expect(refusal(apply(begun.show, begun.segments, { action: "start" }, at("09:01")))).toBe(
      "already_started",
    );
    expect(refusal(apply(ready, segments, { action: "next" }, at("09:01")))).toBe("not_started");
    expect(refusal(apply(ready, segments, { action: "back" }, at("09:01")))).toBe("not_started");
    expect(refusal(apply(begun.show, begun.segments, { action: "back" }, at("09:01")))).toBe("before_first");
    expect(refusal(apply(ended.show, ended.segments, { action: "next" }, at("09:20")))).toBe("after_last");
    expect(refusal(apply(ready, [], { action: "start" }, at("09:01")))).toBe("no_segments");
    expect(refusal(apply(begun.show, begun.segments, { action: "resume" }, at("09:01")))).toBe("not_held");
    expect(refusal(apply(ended.show, ended.segments, { action: "hold" }, at("09:20")))).toBe("ended");
    const held = run(begun, [{ action: "hold" }, "09:01:00"]);
    expect(refusal(apply(held.show, held.segments, { action: "hold" }, at("09:02")))).toBe("held");
    const adjustDone = { action: "adjust" as const, segmentId: "s0", durationMinutes: 3 };
    const second = run(begun, [{ action: "next" }, "09:05"]);
    expect(refusal(apply(second.show, second.segments, adjustDone, at("09:06")))).toBe("segment_done");
    expect(
      refusal(apply(second.show, second.segments, { ...adjustDone, segmentId: "other" }, at("09:06"))),
    ).toBe("unknown_segment");
  });

  it("back undoes a next; back after the end reopens the last segment", () => {
    const back = run(begun, [{ action: "next" }, "09:05:00"], [{ action: "back" }, "09:05:10"]);
    expect(back.show).toMatchObject({ phase: "running", currentSegmentId: "s0", version: 3 });
    expect(back.segments[0]).toMatchObject({ actualStartedAt: at("09:00:00"), actualEndedAt: null });
    expect(back.segments[1]).toMatchObject({ actualStartedAt: null, actualEndedAt: null });
    const ended = run(
      begun,
      [{ action: "next" }, "09:05"],
      [{ action: "next" }, "09:10"],
      [{ action: "next" }, "09:15"],
    );
    const reopened = run(ended, [{ action: "back" }, "09:15:05"]);
    expect(reopened.show).toMatchObject({ phase: "running", currentSegmentId: "s2", endedAt: null });
    expect(reopened.segments[2]!.actualEndedAt).toBeNull();
  });

  it("hold and resume add the hold's seconds to the current segment; next while held ends the hold", () => {
    const resumed = run(begun, [{ action: "hold" }, "09:01:00"], [{ action: "resume" }, "09:02:30"]);
    expect(resumed.show).toMatchObject({ phase: "running", heldSince: null });
    expect(resumed.segments[0]!.heldSeconds).toBe(90);
    const moved = run(resumed, [{ action: "hold" }, "09:03:00"], [{ action: "next" }, "09:03:20"]);
    expect(moved.segments[0]!.heldSeconds).toBe(110);
    expect(moved.show).toMatchObject({ phase: "running", heldSince: null, currentSegmentId: "s1" });
  });

  it("a current segment deleted in the editor meanwhile: next goes on, back returns to the last that ran", () => {
    const second = run(begun, [{ action: "next" }, "09:05:00"]);
    const without = second.segments.filter((segment) => segment.id !== "s1");
    const onward = apply(second.show, without, { action: "next" }, at("09:07:00"));
    expect(onward.refused === null && onward.show).toMatchObject({
      phase: "running",
      currentSegmentId: "s2",
    });
    const backward = apply(second.show, without, { action: "back" }, at("09:07:00"));
    expect(backward.refused === null && backward.show).toMatchObject({ currentSegmentId: "s0" });
    const last = run(
      { show: second.show, segments: without },
      [{ action: "next" }, "09:07"],
      [{ action: "next" }, "09:09"],
    );
    expect(last.show.phase).toBe("ended");
  });

  it("adjust changes a remaining segment's duration and keeps a hold going", () => {
    const held = run(begun, [{ action: "hold" }, "09:01:00"]);
    const adjusted = run(held, [{ action: "adjust", segmentId: "s2", durationMinutes: 2 }, "09:01:30"]);
    expect(adjusted.segments[2]!.adjustedDurationMinutes).toBe(2);
    expect(adjusted.show).toMatchObject({ phase: "held", heldSince: at("09:01:00"), version: 3 });
  });

  it("reset after a rehearsal: back to the plan with nothing of the run kept; refused before a start", () => {
    const rehearsed = run(
      begun,
      [{ action: "adjust", segmentId: "s2", durationMinutes: 2 }, "09:01:00"],
      [{ action: "hold" }, "09:02:00"],
      [{ action: "next" }, "09:03:00"],
    );
    const reset = run(rehearsed, [{ action: "reset" }, "09:04:00"]);
    expect(reset.show).toEqual({ ...ready, version: 5 });
    expect(reset.segments).toEqual(segments);
    expect(refusal(apply(ready, segments, { action: "reset" }, at("09:00:00")))).toBe("not_started");
    // Once the ceremony itself has ended, its record stays; an ended rehearsal (a day early) may go.
    const ended = run(
      begun,
      [{ action: "next" }, "09:05:00"],
      [{ action: "next" }, "09:10:00"],
      [{ action: "next" }, "09:15:00"],
    );
    expect(refusal(apply(ended.show, ended.segments, { action: "reset" }, at("09:20:00")))).toBe("kept");
    const dayEarly = { ...ended.show, startedAt: new Date("2017-04-23T09:00:00Z") };
    expect(refusal(apply(dayEarly, ended.segments, { action: "reset" }, at("09:20:00")))).toBeNull();
    // The real show starts afresh after it.
    expect(run(reset, [{ action: "start" }, "09:05:00"]).show).toMatchObject({
      phase: "running",
      version: 6,
    });
  });
});

describe("showCommandInput", () => {
  const id = "0b7f8a1e-3c2d-4f5e-9a6b-1c2d3e4f5a6b";
  it("takes a command and refuses malformed ones", () => {
    expect(showCommandInput.safeParse({ commandId: id, action: "next", expectedVersion: 3 }).success).toBe(
      true,
    );
    expect(showCommandInput.safeParse({ commandId: "x", action: "next", expectedVersion: 3 }).success).toBe(
      false,
    );
    expect(showCommandInput.safeParse({ commandId: id, action: "jump", expectedVersion: 3 }).success).toBe(
      false,
    );
    expect(showCommandInput.safeParse({ commandId: id, action: "next", expectedVersion: -1 }).success).toBe(
      false,
    );
    expect(showCommandInput.safeParse({ commandId: id, action: "adjust", expectedVersion: 1 }).success).toBe(
      false,
    );
    expect(
      showCommandInput.safeParse({
        commandId: id,
        action: "adjust",
        expectedVersion: 1,
        segmentId: "s",
        durationMinutes: 4,
      }).success,
    ).toBe(true);
  });
});
