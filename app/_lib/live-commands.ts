import { z } from "zod";
import { isRehearsal, type StoredSegment, type StoredShow } from "./live-show";

/**
 * What an operator's command does to a show: a pure transition from the stored state, so that the
 * server only locks, applies and writes (app/_server/ceremonies/live-commands.ts). A command that cannot
 * apply is refused with a code and changes nothing.
 */

export const showActions = ["start", "next", "back", "hold", "resume", "adjust", "reset"] as const;
export type ShowAction = (typeof showActions)[number];

export const showCommandInput = z
  .object({
    commandId: z.uuid(),
    action: z.enum(showActions),
    expectedVersion: z.number().int().min(0),
    segmentId: z.string().max(64).optional(),
    durationMinutes: z.number().int().min(0).max(600).optional(),
  })
  .refine(
    (command) =>
      command.action !== "adjust" ||
      (command.segmentId !== undefined && command.durationMinutes !== undefined),
    { message: "adjust names a segment and its new duration", path: ["durationMinutes"] },
  );
export type ShowCommand = z.output<typeof showCommandInput>;

export type ShowRefusal =
  | "moved"
  | "not_started"
  | "already_started"
  | "after_last"
  | "before_first"
  | "ended"
  | "held"
  | "not_held"
  | "no_segments"
  | "segment_done"
  | "unknown_segment"
  | "kept";

export type Transition =
  { refused: ShowRefusal } | { refused: null; show: StoredShow; segments: StoredSegment[] };

const SECOND = 1000;

/** The hold under way, ended at `now`: its seconds go to the current segment. */
function endHold(show: StoredShow, segments: StoredSegment[], now: Date): StoredSegment[] {
  if (!show.heldSince) return segments;
  const seconds = Math.max(0, Math.round((now.getTime() - show.heldSince.getTime()) / SECOND));
  return segments.map((segment) =>
    segment.id === show.currentSegmentId
      ? { ...segment, heldSeconds: segment.heldSeconds + seconds }
      : segment,
  );
}

function changed(segments: StoredSegment[], id: string, fields: Partial<StoredSegment>): StoredSegment[] {
  return segments.map((segment) => (segment.id === id ? { ...segment, ...fields } : segment));
}

/**
 * The state after `command` at `now`, or why it is refused. `expectedVersion` is checked by the caller
 * on the locked row (a stale one is `moved`), so that every other check reads the state it applies to.
 */
export function applyShowCommand(
  show: StoredShow,
  storedSegments: readonly StoredSegment[],
  command: Pick<ShowCommand, "action" | "segmentId" | "durationMinutes">,
  now: Date,
  ceremonyStartsAt: Date,
): Transition {
  const segments = [...storedSegments].sort((a, b) => a.position - b.position);
  const index = segments.findIndex((segment) => segment.id === show.currentSegmentId);
  const live = show.phase === "running" || show.phase === "held";
  const next = { ...show, version: show.version + 1, heldSince: null };
  switch (command.action) {
    case "start": {
      if (show.phase !== "ready") return { refused: "already_started" };
      const first = segments[0];
      if (!first) return { refused: "no_segments" };
      return {
        refused: null,
        show: { ...next, phase: "running", currentSegmentId: first.id, startedAt: now },
        segments: changed(segments, first.id, { actualStartedAt: now, actualEndedAt: null }),
      };
    }
    case "next": {
      if (show.phase === "ready") return { refused: "not_started" };
      if (show.phase === "ended") return { refused: "after_last" };
      const ended = show.currentSegmentId
        ? changed(endHold(show, segments, now), show.currentSegmentId, { actualEndedAt: now })
        : segments;
      // The current segment deleted in the editor meanwhile: on to the first one that has not run.
      const following =
        index >= 0 ? segments[index + 1] : segments.find((segment) => segment.actualStartedAt === null);
      if (!following)
        return {
          refused: null,
          show: { ...next, phase: "ended", currentSegmentId: null, endedAt: now },
          segments: ended,
        };
      return {
        refused: null,
        show: { ...next, phase: "running", currentSegmentId: following.id },
        segments: changed(ended, following.id, { actualStartedAt: now, actualEndedAt: null, heldSeconds: 0 }),
      };
    }
    case "back": {
      if (show.phase === "ready") return { refused: "not_started" };
      // After the end, "back" reopens the last segment: the end was pressed too early.
      if (show.phase === "ended") {
        const last = segments.at(-1);
        if (!last) return { refused: "before_first" };
        return {
          refused: null,
          show: { ...next, phase: "running", currentSegmentId: last.id, endedAt: null },
          segments: changed(segments, last.id, { actualEndedAt: null }),
        };
      }
      // Undoes the last "next": the segment before runs on from its own start, as if never ended (the
      // last one that ran, when the current one was deleted in the editor meanwhile).
      const previous =
        index >= 0 ? segments[index - 1] : segments.findLast((segment) => segment.actualEndedAt !== null);
      if (!previous) return { refused: "before_first" };
      const undone = changed(endHold(show, segments, now), show.currentSegmentId ?? "", {
        actualStartedAt: null,
        actualEndedAt: null,
        heldSeconds: 0,
      });
      return {
        refused: null,
        show: { ...next, phase: "running", currentSegmentId: previous.id },
        segments: changed(undone, previous.id, { actualEndedAt: null }),
      };
    }
    case "hold": {
      if (show.phase === "held") return { refused: "held" };
      if (!live) return { refused: show.phase === "ready" ? "not_started" : "ended" };
      return { refused: null, show: { ...next, phase: "held", heldSince: now }, segments };
    }
    case "resume": {
      if (show.phase === "running") return { refused: "not_held" };
      if (!live) return { refused: show.phase === "ready" ? "not_started" : "ended" };
      return { refused: null, show: { ...next, phase: "running" }, segments: endHold(show, segments, now) };
    }
    case "adjust": {
      if (show.phase === "ended") return { refused: "ended" };
      const segment = segments.find((candidate) => candidate.id === command.segmentId);
      if (!segment) return { refused: "unknown_segment" };
      if (segment.actualEndedAt) return { refused: "segment_done" };
      return {
        refused: null,
        // A hold under way goes on: adjusting changes no clock.
        show: { ...next, heldSince: show.heldSince },
        segments: changed(segments, segment.id, { adjustedDurationMinutes: command.durationMinutes! }),
      };
    }
    case "reset": {
      // After a rehearsal: back to the plan, every actual time and adjustment forgotten (the audit log
      // keeps them).
      if (show.phase === "ready") return { refused: "not_started" };
      // The ceremony's own record of planned against actual stays once it has ended (a start pressed too
      // early, before the end, may still be taken back).
      if (show.phase === "ended" && !isRehearsal(ceremonyStartsAt, show.startedAt))
        return { refused: "kept" };
      return {
        refused: null,
        show: { ...next, phase: "ready", currentSegmentId: null, startedAt: null, endedAt: null },
        segments: segments.map((segment) => ({
          ...segment,
          actualStartedAt: null,
          actualEndedAt: null,
          adjustedDurationMinutes: null,
          heldSeconds: 0,
        })),
      };
    }
  }
}
