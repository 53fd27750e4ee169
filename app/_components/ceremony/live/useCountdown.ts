"use client";

import { useTranslations } from "next-intl";
import { countdownTone, formatClock, type CountdownTone } from "@/app/_lib/live-clock";
import type { ShowPhase } from "@/app/_lib/live-show";

export type CountdownReading = {
  /** "4:05", "−0:12"; empty when nothing is on stage. */
  clock: string;
  /** held: the clock stands still; idle: nothing on stage (before the start, after the end). */
  tone: CountdownTone | "held" | "idle";
  /** What the clock means, in words, so that its colour is never the only sign. */
  label: string;
};

/** The countdown of the segment on stage as the operator and the monitor show it. */
export function useCountdown(remaining: number | null, phase: ShowPhase): CountdownReading {
  const t = useTranslations("live");
  if (remaining === null) return { clock: "", tone: "idle", label: t(`phase.${phase}`) };
  const clock = formatClock(remaining);
  if (phase === "held") return { clock, tone: "held", label: t("phase.held") };
  const tone = countdownTone(remaining);
  const label =
    tone === "overtime" ? t("overtime") : tone === "lastMinute" ? t("lastMinute") : t("remaining");
  return { clock, tone, label };
}
