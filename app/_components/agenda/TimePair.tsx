import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { CHINA_TIME_ZONE, formatTimeRange, zoneOffsetLabel } from "@/app/_lib/time";

type Props = {
  startsAt: string;
  endsAt: string;
  timeZone: string;
  locale: AppLocale;
  layout?: "stacked" | "inline";
};

/** A time range in the meeting's zone and, beside it, in China, each labelled with its place. */
export async function TimePair({ startsAt, endsAt, timeZone, locale, layout = "stacked" }: Props) {
  const t = await getTranslations("agenda");
  const zones = [
    {
      zone: timeZone,
      label: t("timeBerlin"),
      className: "font-semibold text-slate-900",
      testId: "time-local",
    },
    { zone: CHINA_TIME_ZONE, label: t("timeChina"), className: "text-slate-600", testId: "time-china" },
  ];
  return (
    <span className={layout === "stacked" ? "flex flex-col" : "flex flex-wrap gap-x-3"}>
      {zones.map(({ zone, label, className, testId }) => (
        <span key={zone} className={`tabular-nums ${className}`} data-testid={testId}>
          <time dateTime={startsAt}>{formatTimeRange(startsAt, endsAt, zone, locale)}</time>{" "}
          <span className="text-xs font-normal text-slate-500" title={zoneOffsetLabel(startsAt, zone)}>
            {label}
          </span>
        </span>
      ))}
    </span>
  );
}
