import { scheduleRunOfShow } from "./run-of-show";

/**
 * A ceremony's show on the day, as every view receives it: the run-of-show with planned, actual and
 * projected times. The server sends a state with `serverNow`; each view recomputes the projections and
 * the countdown from it with its own (corrected) clock, so a screen keeps counting between updates and
 * while its connection is down. Instants are ISO strings in UTC.
 */

export type ShowPhase = "ready" | "running" | "held" | "ended";
export type LiveTitle = { de: string; en: string | null; zh: string | null };
export type LiveSegment = {
  id: string;
  /** Order in the run-of-show, as stored. */
  position: number;
  title: LiveTitle;
  /** The duration now (an adjustment during the show changes it). */
  durationMinutes: number;
  /** From the schedule as planned before the show. */
  plannedStartsAt: string;
  plannedEndsAt: string;
  actualStartedAt: string | null;
  actualEndedAt: string | null;
  /** Actual where known, else projected from the current segment. */
  projectedStartsAt: string;
  projectedEndsAt: string;
  /** A finished segment: actual minus planned length (negative: underrun); null until it ends. */
  overrunSeconds: number | null;
};
export type LiveShow = {
  sessionId: string;
  /** Rises with every accepted command; the SSE event id. */
  version: number;
  phase: ShowPhase;
  /** The running or held segment. */
  currentPosition: number | null;
  /** While held: the clock of the current segment stands still. */
  heldSince: string | null;
  /** Hold time already taken in the current segment (a hold under way not counted). */
  heldSeconds: number;
  startedAt: string | null;
  endedAt: string | null;
  plannedEndsAt: string;
  projectedEndsAt: string;
  /** projectedEndsAt − plannedEndsAt (positive: late). */
  driftSeconds: number;
  /** When this state was sent: viewers correct their clock by it. */
  serverNow: string;
  /** Drift past which the public sees "running N minutes late". */
  lateNoticeMinutes: number;
  /**
   * Started far from the ceremony's planned start (`isRehearsal`): planned times count from the actual
   * start, and the public sees nothing of it.
   */
  rehearsal: boolean;
  segments: LiveSegment[];
};
/** Crew, interpreters and operator see more per segment. */
export type CrewSegment = LiveSegment & {
  internalNotes: string | null;
  description: LiveTitle | null;
  participants: { primary: string; secondary: string | null; speaksIn: "de" | "en" | "zh" | null }[];
};
export type CrewShow = Omit<LiveShow, "segments"> & {
  sessionTitle: LiveTitle;
  /** The meeting's time zone (IANA): the crew's times show in it and in Beijing time. */
  timeZone: string;
  segments: CrewSegment[];
};
/** The confidence monitor: current and next segment only, no notes. */
export type MonitorShow = Omit<LiveShow, "segments"> & {
  current: LiveSegment | null;
  next: LiveSegment | null;
};
/** The public: never an internal note. */
export type PublicLive = {
  sessionId: string;
  version: number;
  phase: ShowPhase;
  /** The running segment's public title. */
  segmentTitle: LiveTitle | null;
  /** Whole minutes late, only when past lateNoticeMinutes; else null. */
  lateMinutes: number | null;
};

/** The organizers' default for the public notice. */
export const DEFAULT_LATE_NOTICE_MINUTES = 5;

const SECOND = 1000;
const MINUTE = 60 * SECOND;

const time = (iso: string) => new Date(iso).getTime();
const iso = (ms: number) => new Date(ms).toISOString();

/** Hold time of the current segment at `now`, the hold under way included. */
function heldMillis(show: Pick<LiveShow, "heldSeconds" | "heldSince">, now: number): number {
  const ongoing = show.heldSince ? Math.max(0, now - time(show.heldSince)) : 0;
  return show.heldSeconds * SECOND + ongoing;
}

/** When the current segment is due to end: its start, its length and the holds (later in overtime: now). */
function currentEndMillis(
  show: Pick<LiveShow, "heldSeconds" | "heldSince">,
  segment: LiveSegment,
  now: number,
): number {
  const due = time(segment.actualStartedAt!) + heldMillis(show, now) + segment.durationMinutes * MINUTE;
  return Math.max(due, now);
}

/**
 * The segments with their projected times at `now`: a finished one keeps its actual times, the running
 * one ends when its time (stopped during holds) is up or now in overtime, each later one starts when the
 * one before ends. Before the start, the first segment starts as planned or now, whichever is later.
 */
function projectSegments<S extends LiveSegment>(
  show: Pick<LiveShow, "phase" | "heldSeconds" | "heldSince">,
  segments: readonly S[],
  now: number,
): S[] {
  let cursor: number | null = null;
  return segments.map((segment) => {
    let startsAt: number;
    let endsAt: number;
    let overrunSeconds: number | null = null;
    if (segment.actualStartedAt && segment.actualEndedAt) {
      startsAt = time(segment.actualStartedAt);
      endsAt = time(segment.actualEndedAt);
      const planned = time(segment.plannedEndsAt) - time(segment.plannedStartsAt);
      overrunSeconds = Math.round((endsAt - startsAt - planned) / SECOND);
    } else if (segment.actualStartedAt) {
      startsAt = time(segment.actualStartedAt);
      endsAt = currentEndMillis(show, segment, now);
    } else {
      startsAt = cursor ?? Math.max(time(segment.plannedStartsAt), show.phase === "ready" ? now : 0);
      endsAt = startsAt + segment.durationMinutes * MINUTE;
    }
    cursor = endsAt;
    return {
      ...segment,
      projectedStartsAt: iso(startsAt),
      projectedEndsAt: iso(endsAt),
      overrunSeconds,
    };
  });
}

function withEnd<S extends Omit<LiveShow, "segments">>(show: S, projectedEnd: number): S {
  const end = show.phase === "ended" && show.endedAt ? time(show.endedAt) : projectedEnd;
  return {
    ...show,
    projectedEndsAt: iso(end),
    driftSeconds: Math.round((end - time(show.plannedEndsAt)) / SECOND),
  };
}

/** Recompute projections and the current segment's remaining time from a state at a given local time. */
export function projectShow<S extends LiveShow | CrewShow | MonitorShow>(show: S, now: Date): S {
  const at = now.getTime();
  if ("segments" in show) {
    const segments = projectSegments(show, show.segments as LiveSegment[], at);
    const last = segments.at(-1);
    return withEnd({ ...show, segments }, last ? time(last.projectedEndsAt) : time(show.plannedEndsAt));
  }
  // The monitor knows two segments: the rest of the show follows the later of them rigidly.
  const known = [show.current, show.next].filter((segment) => segment !== null);
  const projected = projectSegments(show, known, at);
  const [current, next] = show.current ? projected : [null, ...projected];
  const before = known.at(-1);
  const after = projected.at(-1);
  const shift = before && after ? time(after.projectedEndsAt) - time(before.projectedEndsAt) : 0;
  return withEnd(
    { ...show, current: current ?? null, next: next ?? null },
    time(show.projectedEndsAt) + shift,
  );
}

/** Seconds left in the current segment at `now` (negative in overtime; frozen while held). */
export function remainingSeconds(show: LiveShow | CrewShow | MonitorShow, now: Date): number | null {
  if (show.phase !== "running" && show.phase !== "held") return null;
  const segment =
    "segments" in show
      ? show.segments.find((candidate) => candidate.position === show.currentPosition)
      : show.current;
  if (!segment?.actualStartedAt) return null;
  const at = now.getTime();
  const due = time(segment.actualStartedAt) + heldMillis(show, at) + segment.durationMinutes * MINUTE;
  // Rounded up: the countdown shows 0 only once the time is up; `+ 0` turns −0 into 0.
  return Math.ceil((due - at) / SECOND) + 0;
}

/** The stored state of a show, as the server reads it. */
export type StoredShow = {
  sessionId: string;
  version: number;
  phase: ShowPhase;
  currentSegmentId: string | null;
  heldSince: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
  lateNoticeMinutes: number;
};
export type StoredSegment = {
  id: string;
  position: number;
  title: LiveTitle;
  /** As planned in the editor before the show. */
  plannedDurationMinutes: number;
  /** Set during the show: the remaining segment now lasts this long. */
  adjustedDurationMinutes: number | null;
  actualStartedAt: Date | null;
  actualEndedAt: Date | null;
  heldSeconds: number;
};

const isoOrNull = (date: Date | null) => date?.toISOString() ?? null;

/**
 * A show started more than this far from the ceremony's planned start is a rehearsal (the day before,
 * or a demo run years later): a real ceremony starts late by minutes, not by half a day.
 */
export const REHEARSAL_DISTANCE_HOURS = 12;

/**
 * Whether the public may find the ceremony live at `now`: only within the rehearsal distance of its slot,
 * since a show started further from it is a rehearsal. Outside it, public pages open no stream at all.
 */
export function mayBeLive(slot: { startsAt: string; endsAt: string }, now: number): boolean {
  const distance = REHEARSAL_DISTANCE_HOURS * 60 * MINUTE;
  return now >= Date.parse(slot.startsAt) - distance && now <= Date.parse(slot.endsAt) + distance;
}

export function isRehearsal(ceremonyStartsAt: Date, startedAt: Date | null): boolean {
  return (
    startedAt !== null &&
    Math.abs(startedAt.getTime() - ceremonyStartsAt.getTime()) > REHEARSAL_DISTANCE_HOURS * 60 * MINUTE
  );
}

/** The show from its stored state and the ceremony's start, projected at `now` (the server's clock). */
export function liveShowOf(
  ceremonyStartsAt: Date,
  stored: StoredShow,
  storedSegments: readonly StoredSegment[],
  now: Date,
): LiveShow {
  const ordered = [...storedSegments].sort((a, b) => a.position - b.position);
  const rehearsal = isRehearsal(ceremonyStartsAt, stored.startedAt);
  // A rehearsal's plan starts when it did, so that its drift measures the run, not the calendar.
  const planStart = rehearsal ? stored.startedAt! : ceremonyStartsAt;
  // The planned schedule needs only a start; the slot's end matters for nothing read here.
  const plan = scheduleRunOfShow(
    { startsAt: planStart, endsAt: planStart },
    ordered.map((segment) => ({ ...segment, durationMinutes: segment.plannedDurationMinutes })),
  );
  const current = ordered.find((segment) => segment.id === stored.currentSegmentId) ?? null;
  const segments = plan.segments.map((segment): LiveSegment => ({
    id: segment.id,
    position: segment.position,
    title: segment.title,
    durationMinutes: segment.adjustedDurationMinutes ?? segment.plannedDurationMinutes,
    plannedStartsAt: segment.startsAt.toISOString(),
    plannedEndsAt: segment.endsAt.toISOString(),
    actualStartedAt: isoOrNull(segment.actualStartedAt),
    actualEndedAt: isoOrNull(segment.actualEndedAt),
    projectedStartsAt: segment.startsAt.toISOString(),
    projectedEndsAt: segment.endsAt.toISOString(),
    overrunSeconds: null,
  }));
  return projectShow(
    {
      sessionId: stored.sessionId,
      version: stored.version,
      phase: stored.phase,
      currentPosition: current?.position ?? null,
      heldSince: isoOrNull(stored.heldSince),
      heldSeconds: current?.heldSeconds ?? 0,
      startedAt: isoOrNull(stored.startedAt),
      endedAt: isoOrNull(stored.endedAt),
      plannedEndsAt: plan.endsAt.toISOString(),
      projectedEndsAt: plan.endsAt.toISOString(),
      driftSeconds: 0,
      serverNow: now.toISOString(),
      lateNoticeMinutes: stored.lateNoticeMinutes,
      rehearsal,
      segments,
    },
    now,
  );
}

/** The confidence monitor's view of a show: the current and the next segment, nothing else. */
export function monitorShowOf(show: LiveShow): MonitorShow {
  const { segments, ...rest } = show;
  const index = segments.findIndex((segment) => segment.position === show.currentPosition);
  const next = show.phase === "ready" ? segments[0] : index >= 0 ? segments[index + 1] : undefined;
  return { ...rest, current: segments[index] ?? null, next: next ?? null };
}

/**
 * What the public sees: the running segment's title and, past the organizers' threshold, the delay;
 * nothing of a rehearsal.
 */
export function publicLiveOf(show: LiveShow, now: Date): PublicLive {
  const projected = projectShow(show, now);
  const live = !projected.rehearsal && (projected.phase === "running" || projected.phase === "held");
  const segment = projected.segments.find((candidate) => candidate.position === projected.currentPosition);
  const late =
    live && projected.driftSeconds >= projected.lateNoticeMinutes * 60 && projected.driftSeconds >= 60;
  return {
    sessionId: projected.sessionId,
    version: projected.version,
    phase: projected.phase,
    segmentTitle: live && segment ? segment.title : null,
    lateMinutes: late ? Math.floor(projected.driftSeconds / 60) : null,
  };
}

/**
 * How far a segment's actual start was from its planned one, in whole minutes (positive: late), for the
 * printout and the feed after the show; null while it has not started.
 */
export function startDelay(segment: {
  startsAt: string;
  actualStartedAt: string | null;
}): { key: "late" | "early" | "onTime"; minutes: number } | null {
  if (!segment.actualStartedAt) return null;
  const minutes = Math.round((time(segment.actualStartedAt) - time(segment.startsAt)) / MINUTE);
  return { key: minutes > 0 ? "late" : minutes < 0 ? "early" : "onTime", minutes: Math.abs(minutes) };
}
