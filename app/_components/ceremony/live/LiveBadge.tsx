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
    <p role="status" data-testid="live-badge" className="empty:hidden">
      {show && segment && (
        <span className="inline-flex flex-wrap items-center gap-x-2 rounded-full bg-red-700 px-3 py-1 text-sm font-semibold text-white">
          <span aria-hidden="true" className="size-2 rounded-full bg-white motion-safe:animate-pulse" />
          <span>{t("liveNow", { segment: pick(segment, locale) })}</span>
          {show.phase === "held" && <span className="font-normal">· {t("held")}</span>}
          {show.lateMinutes !== null && (
            <span className="font-normal">· {t("late", { count: show.lateMinutes })}</span>
          )}
        </span>
      )}
    </p>
  );
}
