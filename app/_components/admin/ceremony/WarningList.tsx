"use client";

import { useTranslations } from "next-intl";
import type { ParticipantClash, SlotFit } from "@/app/_lib/ceremony-warnings";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick, type Translations } from "@/app/_lib/i18n/localized";
import { formatTimeRange } from "@/app/_lib/time";

type Props = {
  fit: SlotFit;
  clashes: ParticipantClash[];
  segments: { id: string; title: Translations }[];
  /** The segments' times in the order shown. */
  times: Record<string, { startsAt: Date; endsAt: Date }>;
  names: Record<string, string>;
  timeZone: string;
  locale: AppLocale;
};

/**
 * The run-of-show's warnings in words (not colour alone): an overrun is an alert, the minutes left and
 * the participants booked elsewhere are a status that screen readers read when it changes.
 */
export function WarningList({ fit, clashes, segments, times, names, timeZone, locale }: Props) {
  const t = useTranslations("adminCeremony.warnings");
  const titles = new Map(segments.map((segment) => [segment.id, pick(segment.title, locale)]));
  return (
    <div className="space-y-2" data-testid="ceremony-warnings">
      {fit.kind === "overrun" ? (
        <p
          role="alert"
          className="rounded border-2 border-red-600 bg-red-50 px-3 py-2 font-semibold text-red-900"
        >
          <span aria-hidden="true">⚠ </span>
          {t("overrun", { count: fit.minutes })}
        </p>
      ) : (
        <p role="status" className="rounded border border-slate-300 bg-slate-50 px-3 py-2 text-slate-800">
          {fit.kind === "minutesLeft" ? t("minutesLeft", { count: fit.minutes }) : t("fits")}
        </p>
      )}
      <div role="status">
        {clashes.length === 0 && <p className="px-3 text-sm text-slate-600">{t("noClashes")}</p>}
        {clashes.length > 0 && (
          <ul className="space-y-1 rounded border-2 border-amber-500 bg-amber-50 px-3 py-2 text-amber-950">
            {clashes.map((clash) => {
              const time = times[clash.segmentId];
              return (
                <li key={`${clash.segmentId}-${clash.personId}-${clash.with.id}`}>
                  <span aria-hidden="true">⚠ </span>
                  {t("clash", {
                    person: names[clash.personId] ?? clash.personId,
                    segment: titles.get(clash.segmentId) ?? "",
                    time: time ? formatTimeRange(time.startsAt, time.endsAt, timeZone, locale) : "",
                    other: clash.with.title,
                    otherTime: formatTimeRange(clash.with.startsAt, clash.with.endsAt, timeZone, locale),
                  })}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}
