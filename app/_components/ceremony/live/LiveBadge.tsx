"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState, type ReactNode } from "react";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { mayBeLive, type PublicLive } from "@/app/_lib/live-show";
import { useLiveStream } from "./useLiveShow";

/**
 * "Live now: {segment}", and "running N minutes late" past the organizers' threshold, on the public
 * session page and the agenda while the ceremony runs; nothing otherwise. It follows the public stream,
 * which carries no internal note, so the page needs no reload (and the agenda's cached page stays valid).
 * Only near the ceremony's slot (`mayBeLive`) does it open the stream: on any other day nobody's visit
 * holds a connection.
 */
export function LiveBadge({
  streamUrl,
  slot,
}: {
  streamUrl: string;
  slot: { startsAt: string; endsAt: string };
}) {
  // Decided in the browser, and again each minute: the page may come from a cache, or stay open for days.
  const [due, setDue] = useState(false);
  useEffect(() => {
    const check = () => setDue(mayBeLive(slot, Date.now()));
    check();
    const timer = setInterval(check, 60_000);
    return () => clearInterval(timer);
  }, [slot]);
  return due ? <FollowedBadge streamUrl={streamUrl} /> : <BadgeFrame />;
}

function FollowedBadge({ streamUrl }: { streamUrl: string }) {
  const t = useTranslations("live.badge");
  const locale = useLocale() as AppLocale;
  const { show, connection } = useLiveStream<PublicLive>(streamUrl, null);
  const running = show && connection !== "gone" && (show.phase === "running" || show.phase === "held");
  const segment = running ? show.segmentTitle : null;
  return (
    <BadgeFrame>
      {show && segment && (
        <>
          <span className="inline-flex items-center gap-2 rounded-full bg-red-700 px-3 py-1 text-white">
            <span
              aria-hidden="true"
              className="size-2 shrink-0 rounded-full bg-white motion-safe:animate-pulse"
            />
            {t("liveNow", { segment: pick(segment, locale) })}
            {show.phase === "held" && <span className="font-normal">{t("held")}</span>}
          </span>
          {show.lateMinutes !== null && (
            <span className="rounded-full bg-amber-100 px-3 py-1 text-amber-950">
              {t("late", { count: show.lateMinutes })}
            </span>
          )}
        </>
      )}
    </BadgeFrame>
  );
}

/** Always in the page, empty while nothing is live, so that screen readers hear the change. */
function BadgeFrame({ children }: { children?: ReactNode }) {
  return (
    <p
      role="status"
      data-testid="live-badge"
      className="flex flex-wrap gap-2 text-sm font-semibold empty:hidden"
    >
      {children}
    </p>
  );
}
