"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import type { MonitorShow } from "@/app/_lib/live-show";
import { ConnectionNotice } from "./ConnectionNotice";
import { useCountdown } from "./useCountdown";
import { useLiveShow } from "./useLiveShow";

/** The whole screen changes colour, and the words above the clock say why. */
const TONES = {
  normal: "bg-black text-white",
  idle: "bg-black text-white",
  held: "bg-slate-700 text-white",
  lastMinute: "bg-amber-400 text-black",
  overtime: "bg-red-700 text-white",
} as const;

/**
 * The speaker's confidence monitor: a laptop facing the stage, read from a distance. The segment on stage
 * in the page's language, a very large countdown (amber in the last minute, red and counting on in
 * overtime, with words as well as colour), and the next segment small. It covers the site's header and
 * footer, and goes full screen on request (browsers allow that only after a press).
 */
export function ConfidenceMonitor({ streamUrl, initial }: { streamUrl: string; initial: MonitorShow }) {
  const t = useTranslations("live");
  const locale = useLocale() as AppLocale;
  const { show, remaining, connection } = useLiveShow(streamUrl, initial);
  const countdown = useCountdown(remaining, show.phase);
  if (connection === "gone")
    return (
      <div
        data-testid="monitor"
        className="fixed inset-0 z-50 flex flex-col items-center justify-center bg-black p-[5vw] text-center text-white"
      >
        <h1 className="text-[5vh] font-bold">{t("monitor.notFoundTitle")}</h1>
        <p className="mt-4 text-[3vh]">{t("monitor.notFoundText")}</p>
      </div>
    );
  const title =
    show.phase === "ended"
      ? t("monitor.ended")
      : show.current
        ? pick(show.current.title, locale)
        : t("monitor.notStarted");

  return (
    <div
      data-testid="monitor"
      data-tone={countdown.tone}
      className={`fixed inset-0 z-50 flex flex-col px-[3vw] py-[3vh] ${TONES[countdown.tone]}`}
    >
      <div className="flex items-start justify-between gap-6">
        <p className="text-[4vh] font-bold uppercase tracking-wide" data-testid="monitor-label">
          {countdown.label}
        </p>
        <div className="flex items-center gap-4">
          <ConnectionNotice
            connection={connection}
            className="rounded bg-black/40 px-3 py-1 text-[2vh] text-white empty:hidden"
          />
          <FullscreenButton />
        </div>
      </div>
      <div className="flex flex-1 flex-col items-center justify-center text-center">
        <h1 className="line-clamp-2 text-[6vh] font-semibold leading-tight" data-testid="monitor-title">
          {title}
        </h1>
        {countdown.clock && (
          <p
            className="font-bold leading-none tabular-nums text-[min(24vw,45vh)]"
            data-testid="monitor-countdown"
          >
            {countdown.clock}
          </p>
        )}
      </div>
      {show.next && (
        <p className="truncate text-[3.5vh] opacity-80" data-testid="monitor-next">
          {t(show.current ? "nextLine" : "firstLine", { segment: pick(show.next.title, locale) })}
        </p>
      )}
      {show.current && !show.next && show.phase !== "ended" && (
        <p className="text-[3.5vh] opacity-80">{t("lastSegment")}</p>
      )}
    </div>
  );
}

function FullscreenButton() {
  const t = useTranslations("live.monitor");
  const [fullscreen, setFullscreen] = useState(false);
  useEffect(() => {
    const follow = () => setFullscreen(document.fullscreenElement !== null);
    document.addEventListener("fullscreenchange", follow);
    return () => document.removeEventListener("fullscreenchange", follow);
  }, []);
  return (
    <button
      type="button"
      onClick={() =>
        // A browser that refuses (a policy, an embedded frame) leaves the page as it is: nothing to do.
        void (fullscreen ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(
          () => undefined,
        )
      }
      className="rounded border border-current px-3 py-1 text-[2vh] opacity-60 hover:opacity-100 focus:opacity-100"
    >
      {fullscreen ? t("leaveFullscreen") : t("fullscreen")}
    </button>
  );
}
