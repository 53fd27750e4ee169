"use client";

import { useTranslations } from "next-intl";
import { driftOf } from "@/app/_lib/live-clock";

/** "+3:20 late", "1:10 early", "on time": how far the show's projected end is from the plan. */
export function DriftText({ seconds, className = "" }: { seconds: number; className?: string }) {
  const t = useTranslations("adminLiveViews.drift");
  const drift = driftOf(seconds);
  const text =
    drift.kind === "onTime"
      ? t("onTime")
      : drift.days !== null
        ? t(drift.kind === "late" ? "lateDays" : "earlyDays", { count: drift.days })
        : t(drift.kind, { clock: drift.clock });
  const tone =
    drift.kind === "late" ? "text-red-800" : drift.kind === "early" ? "text-emerald-800" : "text-slate-700";
  return (
    <span data-testid="live-drift" className={`font-semibold tabular-nums ${tone} ${className}`}>
      {text}
    </span>
  );
}
