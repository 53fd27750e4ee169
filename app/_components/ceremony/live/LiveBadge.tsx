"use client";

import { useLocale, useTranslations } from "next-intl";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import type { PublicLive } from "@/app/_lib/live-show";
import { useLiveStream } from "./useLiveShow";

/**
 * "Live now: {segment}", and "running N minutes late" past the organizers' threshold, on the public
 * session page and the agenda while the ceremony runs; nothing otherwise. It follows the public stream,
 * which carries no internal note, so the page needs no reload (and the agenda's cached page stays valid).
 */
export function LiveBadge({ streamUrl }: { streamUrl: string }) {
  const t = useTranslations("live.badge");
  const locale = useLocale() as AppLocale;
  const { show, connection } = useLiveStream<PublicLive>(streamUrl, null);
  const running = show && connection !== "gone" && (show.phase === "running" || show.phase === "held");
  const segment = running ? show.segmentTitle : null;
  return (
    <p
      role="status"
      data-testid="live-badge"
      className="flex flex-wrap gap-2 text-sm font-semibold empty:hidden"
    >
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
    </p>
  );
}
