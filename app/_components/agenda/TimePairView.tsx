import type { AppLocale } from "@/app/_lib/i18n/locales";
import { CHINA_TIME_ZONE, formatTime, formatTimeRange, zoneOffsetLabel } from "@/app/_lib/time";

export type TimePairProps = {
  startsAt: string;
  /** Without an end: one instant ("11:48"), as a projected end. */
  endsAt?: string;
  timeZone: string;
  locale: AppLocale;
  layout?: "stacked" | "inline";
};

/**
 * A time range in the meeting's zone and, beside it, in China, each labelled with its place (`labels`: the
 * places' names, as the "agenda" strings have them). No hooks: the server's TimePair renders it, and so do
 * client components whose times change while they are open (the live run-of-show).
 */
export function TimePairView({
  startsAt,
  endsAt,
  timeZone,
  locale,
  layout = "stacked",
  labels,
}: TimePairProps & { labels: { local: string; china: string } }) {
  const zones = [
    { zone: timeZone, label: labels.local, className: "font-semibold text-slate-900", testId: "time-local" },
    { zone: CHINA_TIME_ZONE, label: labels.china, className: "text-slate-600", testId: "time-china" },
  ];
  return (
    <span className={layout === "stacked" ? "flex flex-col" : "flex flex-wrap gap-x-3"}>
      {zones.map(({ zone, label, className, testId }) => (
        <span key={zone} className={`tabular-nums ${className}`} data-testid={testId}>
          <time dateTime={startsAt}>
            {endsAt ? formatTimeRange(startsAt, endsAt, zone, locale) : formatTime(startsAt, zone, locale)}
          </time>{" "}
          <span className="text-xs font-normal text-slate-500" title={zoneOffsetLabel(startsAt, zone)}>
            {label}
          </span>
        </span>
      ))}
    </span>
  );
}
