"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { adminPaths } from "@/app/_lib/admin-paths";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { currentAndNext, segmentStage } from "@/app/_lib/live-clock";
import type { ShowAction } from "@/app/_lib/live-commands";
import type { CrewShow } from "@/app/_lib/live-show";
import { ConnectionNotice } from "./ConnectionNotice";
import { RehearsalNotice } from "./RehearsalNotice";
import { DriftText } from "./DriftText";
import { LiveTimePair } from "./LiveTimePair";
import { useCountdown } from "./useCountdown";
import { useLiveShow } from "./useLiveShow";

type Props = { meetingSlug: string; sessionId: string; timeZone: string; initial: CrewShow };
type Notice = { tone: "error" | "done"; text: string };

const TONES = {
  normal: "border-slate-300 bg-white text-slate-900",
  lastMinute: "border-amber-500 bg-amber-100 text-amber-950",
  overtime: "border-red-700 bg-red-700 text-white",
  held: "border-slate-400 bg-slate-200 text-slate-900",
  idle: "border-slate-300 bg-white text-slate-900",
} as const;

/**
 * The operator's console: the segment on stage with its countdown, the next one, the drift and the
 * projected end, and the controls. Each press is one command with its own id and the version it was
 * pressed on; while it is under way the controls wait, so a double press sends once. A refusal (another
 * operator moved on first) shows the server's words and the state it answered with.
 */
export function OperatorConsole({ meetingSlug, sessionId, timeZone, initial }: Props) {
  const t = useTranslations("adminLiveViews");
  const locale = useLocale() as AppLocale;
  const endpoint = `${adminPaths.liveStream(meetingSlug, sessionId)}?lang=${locale}`;
  const { show, remaining, connection, adopt } = useLiveShow(endpoint, initial);
  const countdown = useCountdown(remaining, show.phase);
  const { current, next } = currentAndNext(show);
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  // The state's guard against a second press before React has re-rendered the disabled buttons.
  const inFlight = useRef(false);

  async function send(action: ShowAction, extra: { segmentId?: string; durationMinutes?: number } = {}) {
    if (inFlight.current) return false;
    inFlight.current = true;
    setPending(true);
    setNotice(null);
    try {
      const response = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          commandId: crypto.randomUUID(),
          action,
          expectedVersion: show.version,
          ...extra,
        }),
      });
      const body = (await response.json().catch(() => null)) as {
        show?: CrewShow;
        error?: { message?: string };
      } | null;
      if (body?.show) adopt(body.show);
      if (!response.ok) setNotice({ tone: "error", text: body?.error?.message ?? t("operator.notSent") });
      return response.ok;
    } catch {
      setNotice({ tone: "error", text: t("operator.notSent") });
      return false;
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  }

  const running = show.phase === "running" || show.phase === "held";
  const isFirst = current !== null && current.position === show.segments[0]?.position;

  // The space bar moves on, except where it types or presses a focused control itself.
  const pressNext = useRef<() => void>(() => {});
  useEffect(() => {
    pressNext.current = () => {
      if (running) void send("next");
    };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== " " || event.repeat || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("button, a, input, select, textarea, summary, [contenteditable=true]")) return;
      event.preventDefault();
      pressNext.current();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <div className="space-y-4">
      <ConnectionNotice
        connection={connection}
        className="rounded bg-amber-100 px-3 text-sm font-medium text-amber-950 empty:hidden"
      />
      <RehearsalNotice rehearsal={show.rehearsal} />
      <div className="grid gap-4 md:grid-cols-[3fr_2fr] md:items-start md:gap-x-6">
        <section
          aria-labelledby="on-stage"
          data-testid="operator-current"
          data-tone={countdown.tone}
          className={`rounded-xl border-2 p-4 md:col-start-1 md:row-start-1 ${TONES[countdown.tone]}`}
        >
          <h2 id="on-stage" className="text-sm font-medium uppercase tracking-wide opacity-80">
            {t("operator.current")}
          </h2>
          <p className="mt-1 text-2xl font-bold leading-tight" data-testid="operator-current-title">
            {current ? pick(current.title, locale) : t("operator.nothingOnStage")}
          </p>
          {current && current.participants.length > 0 && (
            <p className="mt-1 text-sm opacity-90">
              {new Intl.ListFormat(locale, { type: "conjunction" }).format(
                current.participants.map((participant) => participant.primary),
              )}
            </p>
          )}
          <p
            className="mt-3 text-7xl font-bold leading-none tabular-nums sm:text-8xl"
            data-testid="operator-countdown"
          >
            {countdown.clock}
          </p>
          <p className="mt-1 font-semibold" data-testid="operator-countdown-label">
            {countdown.label}
          </p>
        </section>

        <section aria-labelledby="controls" className="space-y-4 md:col-start-2 md:row-span-3 md:row-start-1">
          <h2 id="controls" className="sr-only">
            {t("operator.controls")}
          </h2>
          <p role="status" className="text-sm text-slate-600 empty:hidden">
            {pending ? t("operator.sending") : ""}
          </p>
          {notice && (
            <p
              role={notice.tone === "error" ? "alert" : "status"}
              data-testid="operator-notice"
              className={`rounded border px-3 py-2 ${
                notice.tone === "error"
                  ? "border-red-300 bg-red-50 text-red-900"
                  : "border-emerald-300 bg-emerald-50 text-emerald-900"
              }`}
            >
              {notice.text}
            </p>
          )}
          {show.phase === "ready" && (
            <ControlButton primary disabled={pending} onClick={() => void send("start")}>
              {t("operator.start")}
            </ControlButton>
          )}
          {running && (
            <div className="grid grid-cols-2 gap-3">
              <ControlButton disabled={pending || isFirst} onClick={() => void send("back")}>
                {t("operator.back")}
              </ControlButton>
              <ControlButton
                disabled={pending}
                onClick={() => void send(show.phase === "held" ? "resume" : "hold")}
              >
                {show.phase === "held" ? t("operator.resume") : t("operator.hold")}
              </ControlButton>
              <div className="col-span-2">
                <ControlButton primary disabled={pending} onClick={() => void send("next")}>
                  {next ? t("operator.nextButton") : t("operator.finish")}
                </ControlButton>
              </div>
            </div>
          )}
          {show.phase === "ended" && (
            <ControlButton disabled={pending} onClick={() => void send("back")}>
              {t("operator.back")}
            </ControlButton>
          )}
          {running && <p className="hidden text-sm text-slate-600 md:block">{t("operator.spaceBar")}</p>}
          {show.phase !== "ready" && (
            <ControlButton
              disabled={pending}
              onClick={() => {
                if (window.confirm(t("operator.resetConfirm"))) void send("reset");
              }}
            >
              {t("operator.reset")}
            </ControlButton>
          )}
          {running && (
            <AdjustDuration
              segments={show.segments
                .filter((segment) => segmentStage(show, segment) !== "done")
                .map((segment) => ({
                  id: segment.id,
                  title: pick(segment.title, locale),
                  durationMinutes: segment.durationMinutes,
                }))}
              disabled={pending}
              onAdjust={async (segment, minutes) => {
                const done = await send("adjust", { segmentId: segment.id, durationMinutes: minutes });
                if (done)
                  setNotice({
                    tone: "done",
                    text: t("operator.adjusted", {
                      segment: segment.title,
                      minutes: t("minutes", { count: minutes }),
                    }),
                  });
              }}
            />
          )}
        </section>

        <div className="rounded-xl border border-slate-200 bg-white p-4 md:col-start-1 md:row-start-2">
          <p className="text-lg">
            <DriftText seconds={show.driftSeconds} />
          </p>
          <dl className="mt-2 grid grid-cols-2 gap-3 text-sm">
            <Reading label={t("projectedEnd")}>
              <LiveTimePair startsAt={show.projectedEndsAt} timeZone={timeZone} />
            </Reading>
            <Reading label={t("plannedEnd")}>
              <LiveTimePair startsAt={show.plannedEndsAt} timeZone={timeZone} />
            </Reading>
          </dl>
        </div>

        <section
          aria-labelledby="next-up"
          data-testid="operator-next"
          className="rounded-xl border border-slate-200 bg-white p-4 md:col-start-1 md:row-start-3"
        >
          <h2 id="next-up" className="text-sm font-medium uppercase tracking-wide text-slate-600">
            {t("operator.next")}
          </h2>
          {next ? (
            <>
              <p className="mt-1 text-lg font-semibold" data-testid="operator-next-title">
                {pick(next.title, locale)}
              </p>
              <p className="flex flex-wrap gap-x-3 text-sm text-slate-700">
                <span>{t("minutes", { count: next.durationMinutes })}</span>
                <LiveTimePair startsAt={next.projectedStartsAt} timeZone={timeZone} layout="inline" />
              </p>
            </>
          ) : (
            <p className="mt-1 text-slate-700">{t("operator.nothingNext")}</p>
          )}
        </section>
      </div>
    </div>
  );
}

function Reading({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ControlButton({
  primary = false,
  disabled,
  onClick,
  children,
}: {
  primary?: boolean;
  disabled: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      disabled={disabled}
      // The second click of a double click (detail 2) is the same press, however fast the answer came.
      onClick={(event) => {
        if (event.detail <= 1) onClick();
      }}
      className={`w-full rounded-xl px-4 font-semibold shadow-sm disabled:cursor-not-allowed disabled:opacity-50 ${
        primary
          ? "min-h-20 bg-brand-700 text-2xl text-white hover:bg-brand-800"
          : "min-h-14 border border-slate-300 bg-white text-lg text-slate-900 hover:bg-slate-50"
      }`}
    >
      {children}
    </button>
  );
}

type AdjustableSegment = { id: string; title: string; durationMinutes: number };

/** Changing the duration of the segment on stage or one still to come; what was typed stays on a refusal. */
function AdjustDuration({
  segments,
  disabled,
  onAdjust,
}: {
  segments: AdjustableSegment[];
  disabled: boolean;
  onAdjust: (segment: AdjustableSegment, minutes: number) => Promise<void>;
}) {
  const t = useTranslations("adminLiveViews.operator");
  const [segmentId, setSegmentId] = useState(segments[0]?.id ?? "");
  const [minutes, setMinutes] = useState("");
  const chosen = segments.find((segment) => segment.id === segmentId) ?? segments[0];
  if (!chosen) return null;
  const typed = minutes === "" ? String(chosen.durationMinutes) : minutes;
  return (
    <details className="rounded-xl border border-slate-200 bg-white p-4">
      <summary className="cursor-pointer font-medium text-brand-700">{t("adjust")}</summary>
      <form
        className="mt-3 space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          void onAdjust(chosen, Number(typed));
        }}
      >
        <label className="block text-sm font-medium" htmlFor="adjust-segment">
          {t("adjustSegment")}
        </label>
        <select
          id="adjust-segment"
          value={chosen.id}
          onChange={(event) => {
            setSegmentId(event.target.value);
            setMinutes("");
          }}
          className="w-full rounded border border-slate-300 bg-white px-2 py-2"
        >
          {segments.map((segment) => (
            <option key={segment.id} value={segment.id}>
              {segment.title}
            </option>
          ))}
        </select>
        <label className="block text-sm font-medium" htmlFor="adjust-minutes">
          {t("adjustMinutes")}
        </label>
        <input
          id="adjust-minutes"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          required
          value={typed}
          onChange={(event) => setMinutes(event.target.value)}
          className="w-32 rounded border border-slate-300 px-2 py-2 tabular-nums"
        />
        <button
          type="submit"
          disabled={disabled}
          className="block rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-50"
        >
          {t("adjustSave")}
        </button>
      </form>
    </details>
  );
}
