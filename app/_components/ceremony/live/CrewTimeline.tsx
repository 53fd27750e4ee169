"use client";

import { useLocale, useTranslations } from "next-intl";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { currentAndNext, formatClock, nextSpeaker, segmentStage } from "@/app/_lib/live-clock";
import type { CrewSegment, CrewShow } from "@/app/_lib/live-show";
import { ConnectionNotice } from "./ConnectionNotice";
import { RehearsalNotice } from "./RehearsalNotice";
import { DriftText } from "./DriftText";
import { LiveTimePair } from "./LiveTimePair";
import { useCountdown } from "./useCountdown";
import { useLiveShow } from "./useLiveShow";

type Props = { streamUrl: string; timeZone: string; initial: CrewShow };

const STAGE_STYLE = {
  done: "border-slate-200 bg-slate-50 text-slate-600",
  now: "border-brand-700 bg-white ring-2 ring-brand-700",
  upcoming: "border-slate-200 bg-white",
} as const;

/**
 * The crew's and interpreters' view: the whole run-of-show with a marker at the segment on stage, planned
 * and projected times, participants and internal notes, and who speaks next in which language. Read-only.
 */
export function CrewTimeline({ streamUrl, timeZone, initial }: Props) {
  const t = useTranslations("adminLiveViews");
  const tl = useTranslations("live");
  const languages = useTranslations("languages");
  const locale = useLocale() as AppLocale;
  const { show, remaining, connection } = useLiveShow(streamUrl, initial);
  const countdown = useCountdown(remaining, show.phase);
  const { current } = currentAndNext(show);
  const upcoming = nextSpeaker(show);

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <span
          data-testid="crew-phase"
          className="rounded-full bg-slate-800 px-3 py-1 text-sm font-semibold text-white"
        >
          {tl(`phase.${show.phase}`)}
        </span>
        <DriftText seconds={show.driftSeconds} />
        <span className="flex flex-wrap items-baseline gap-x-2 text-sm">
          <span className="text-slate-600">{t("projectedEnd")}</span>
          <LiveTimePair startsAt={show.projectedEndsAt} timeZone={timeZone} layout="inline" />
        </span>
        <ConnectionNotice
          connection={connection}
          className="rounded bg-amber-100 px-3 py-1 text-sm font-medium text-amber-950 empty:hidden"
        />
      </div>
      <RehearsalNotice rehearsal={show.rehearsal} />

      <div className="grid gap-3 md:grid-cols-2">
        <section aria-labelledby="crew-now" className="rounded-xl border-2 border-brand-700 bg-white p-4">
          <h2 id="crew-now" className="text-sm font-medium uppercase tracking-wide text-brand-700">
            {t("crew.now")}
          </h2>
          <p className="text-xl font-bold" data-testid="crew-now-title">
            {current ? pick(current.title, locale) : tl(`phase.${show.phase}`)}
          </p>
          {countdown.clock && (
            <p className="tabular-nums" data-testid="crew-countdown">
              <span className="text-2xl font-bold">{countdown.clock}</span>{" "}
              <span className="text-sm text-slate-700">{countdown.label}</span>
            </p>
          )}
        </section>
        <section
          aria-live="polite"
          data-testid="crew-next-speaker"
          className="rounded-xl border-2 border-amber-500 bg-amber-50 p-4 text-lg font-semibold text-amber-950"
        >
          {upcoming
            ? t("crew.nextSpeaker", {
                name: nameOf(upcoming.speaker),
                language: languages(upcoming.speaker.speaksIn),
              })
            : t("crew.noSpeakerAhead")}
          {upcoming && (
            <span className="block text-sm font-normal">{pick(upcoming.segment.title, locale)}</span>
          )}
        </section>
      </div>

      <section aria-labelledby="crew-timeline" className="space-y-2">
        <h2 id="crew-timeline" className="text-xl font-semibold">
          {t("crew.timeline")}
        </h2>
        <ol className="space-y-2">
          {show.segments.map((segment) => (
            <SegmentRow
              key={segment.id}
              segment={segment}
              stage={segmentStage(show, segment)}
              timeZone={timeZone}
            />
          ))}
        </ol>
      </section>
    </div>
  );
}

function nameOf(participant: CrewSegment["participants"][number]): string {
  return participant.secondary ? `${participant.primary} (${participant.secondary})` : participant.primary;
}

function SegmentRow({
  segment,
  stage,
  timeZone,
}: {
  segment: CrewSegment;
  stage: "done" | "now" | "upcoming";
  timeZone: string;
}) {
  const t = useTranslations("adminLiveViews");
  const languages = useTranslations("languages");
  const locale = useLocale() as AppLocale;
  const description = segment.description ? pick(segment.description, locale) : "";
  const moved =
    segment.projectedStartsAt !== segment.plannedStartsAt ||
    segment.projectedEndsAt !== segment.plannedEndsAt;
  return (
    <li
      data-testid="crew-segment"
      data-stage={stage}
      aria-current={stage === "now" ? "step" : undefined}
      className={`grid gap-x-4 gap-y-2 rounded-lg border p-3 sm:grid-cols-[13rem_1fr] ${STAGE_STYLE[stage]}`}
    >
      <div className="space-y-1 text-sm">
        {stage === "now" && (
          <span className="inline-block rounded bg-brand-700 px-2 py-0.5 text-xs font-bold uppercase text-white">
            ▶ {t("crew.now")}
          </span>
        )}
        {stage === "done" && (
          <span className="inline-block rounded bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-700">
            ✓ {t("crew.done")}
            {segment.overrunSeconds !== null &&
              segment.overrunSeconds !== 0 &&
              ` · ${t(segment.overrunSeconds > 0 ? "crew.overrun" : "crew.underrun", {
                clock: formatClock(Math.abs(segment.overrunSeconds)),
              })}`}
          </span>
        )}
        <div>
          <span className="text-xs text-slate-500">{t("crew.planned")}</span>
          <LiveTimePair
            startsAt={segment.plannedStartsAt}
            endsAt={segment.plannedEndsAt}
            timeZone={timeZone}
          />
        </div>
        {moved && (
          <div data-testid="crew-projected">
            <span className="text-xs text-slate-500">
              {stage === "done" ? t("crew.actual") : t("crew.projected")}
            </span>
            <LiveTimePair
              startsAt={segment.projectedStartsAt}
              endsAt={segment.projectedEndsAt}
              timeZone={timeZone}
            />
          </div>
        )}
      </div>
      <div className="space-y-1">
        <p className="font-semibold">
          {pick(segment.title, locale)}{" "}
          <span className="text-sm font-normal text-slate-600">
            · {t("minutes", { count: segment.durationMinutes })}
          </span>
        </p>
        {description && <p className="text-sm text-slate-700">{description}</p>}
        {segment.participants.length > 0 && (
          <p className="text-sm">
            <span className="text-slate-600">{t("crew.participantsLine")}</span>
            {new Intl.ListFormat(locale, { type: "conjunction" }).format(
              segment.participants.map((participant) =>
                participant.speaksIn
                  ? t("crew.withLanguage", {
                      name: nameOf(participant),
                      language: languages(participant.speaksIn),
                    })
                  : nameOf(participant),
              ),
            )}
          </p>
        )}
        {segment.internalNotes && (
          <p className="whitespace-pre-line rounded border border-amber-300 bg-amber-50 px-2 py-1 text-sm text-amber-950">
            <span className="font-semibold">{t("crew.internalNotesLine")}</span>
            {segment.internalNotes}
          </p>
        )}
      </div>
    </li>
  );
}
