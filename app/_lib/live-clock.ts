import type { CrewSegment, CrewShow, LiveSegment, ShowPhase } from "./live-show";

/**
 * How the live views read a show: clocks, the countdown's colour, the drift, the segment on stage and the
 * next speaker. Pure, for every view alike.
 */

/** From this many seconds left, the countdown warns (amber): the speaker's last minute. */
export const LAST_MINUTE_SECONDS = 60;
const DAY_SECONDS = 24 * 60 * 60;

const twoDigits = (value: number) => String(value).padStart(2, "0");

/**
 * "4:05", "12:00", "1:02:03": minutes and seconds, hours only when there are any. Negative (a segment
 * in overtime, counting up) with a minus sign: "−0:12".
 */
export function formatClock(seconds: number): string {
  const whole = Math.round(Math.abs(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  const clock =
    hours > 0 ? `${hours}:${twoDigits(minutes)}:${twoDigits(rest)}` : `${minutes}:${twoDigits(rest)}`;
  return seconds < 0 && whole > 0 ? `−${clock}` : clock;
}

/** normal; lastMinute: at most a minute left; overtime: the time is up. Colour and words follow it. */
export type CountdownTone = "normal" | "lastMinute" | "overtime";

export function countdownTone(remainingSeconds: number): CountdownTone {
  if (remainingSeconds <= 0) return "overtime";
  return remainingSeconds <= LAST_MINUTE_SECONDS ? "lastMinute" : "normal";
}

/**
 * The show's drift as words take it: late or early by a clock ("3:20"), or by whole days when the plan is
 * that far off (a ceremony run again long after its day, as the demo's), or on time.
 */
export type Drift =
  | { kind: "onTime" }
  | { kind: "late" | "early"; clock: string; days: null }
  | { kind: "late" | "early"; clock: null; days: number };

export function driftOf(driftSeconds: number): Drift {
  const seconds = Math.round(driftSeconds);
  if (seconds === 0) return { kind: "onTime" };
  const kind = seconds > 0 ? "late" : "early";
  const size = Math.abs(seconds);
  return size >= DAY_SECONDS
    ? { kind, clock: null, days: Math.floor(size / DAY_SECONDS) }
    : { kind, clock: formatClock(size), days: null };
}

type Positioned = { phase: ShowPhase; currentPosition: number | null };

/**
 * The segment on stage (running or held) and the one after it. Before the start the first segment is
 * next; after the end there is neither.
 */
export function currentAndNext<S extends LiveSegment>(
  show: Positioned & { segments: readonly S[] },
): { current: S | null; next: S | null } {
  if (show.phase === "ended") return { current: null, next: null };
  const index = show.segments.findIndex((segment) => segment.position === show.currentPosition);
  if (index < 0) return { current: null, next: show.phase === "ready" ? (show.segments[0] ?? null) : null };
  return { current: show.segments[index]!, next: show.segments[index + 1] ?? null };
}

/** Where a segment stands in the show: done, on stage, or still to come. */
export function segmentStage(
  show: Positioned,
  segment: Pick<LiveSegment, "position" | "actualEndedAt">,
): "done" | "now" | "upcoming" {
  if (show.phase !== "ended" && segment.position === show.currentPosition) return "now";
  return segment.actualEndedAt ? "done" : "upcoming";
}

export type Speaker = CrewSegment["participants"][number] & { speaksIn: "de" | "en" | "zh" };

/**
 * Who speaks next, and in which language, for the interpreters' booth: the first participant with a
 * language in the segments after the one on stage (from the first before the start).
 */
export function nextSpeaker(show: CrewShow): { segment: CrewSegment; speaker: Speaker } | null {
  if (show.phase === "ended") return null;
  const index = show.segments.findIndex((segment) => segment.position === show.currentPosition);
  for (const segment of show.segments.slice(index + 1)) {
    const speaker = segment.participants.find((participant) => participant.speaksIn !== null);
    if (speaker) return { segment, speaker: speaker as Speaker };
  }
  return null;
}
