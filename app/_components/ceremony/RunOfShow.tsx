import { getTranslations } from "next-intl/server";
import { DataTable } from "@/app/_components/DataTable";
import { TitledSection } from "@/app/_components/layout/TitledSection";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { colon } from "@/app/_lib/i18n/punctuation";
import { displayName } from "@/app/_lib/names";
import { CHINA_TIME_ZONE, formatTime } from "@/app/_lib/time";
import type { RunOfShowDto } from "@/app/_server/ceremonies/queries";

type Props = { runOfShow: RunOfShowDto; timeZone: string; locale: AppLocale };

/** A ceremony's segments with their computed start times, in the meeting's zone and in China. */
export async function RunOfShow({ runOfShow, timeZone, locale }: Props) {
  const [t, ta] = await Promise.all([getTranslations("session"), getTranslations("agenda")]);
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  return (
    <TitledSection id="run-of-show" title={t("runOfShow")}>
      {runOfShow.inductees.length > 0 && (
        <p>
          {t("inductees")}
          {colon(locale)}
          <strong>{list.format(runOfShow.inductees.map((city) => pick(city.name, locale)))}</strong>
        </p>
      )}
      {runOfShow.overrunMinutes > 0 && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">
          {t("overrun", { count: runOfShow.overrunMinutes })}
        </p>
      )}
      <DataTable
        look="boxed"
        columns={[
          {
            key: "start",
            header: ta("timeBerlin"),
            className: "font-semibold tabular-nums",
            cell: (segment) => (
              <time dateTime={segment.startsAt}>{formatTime(segment.startsAt, timeZone, locale)}</time>
            ),
          },
          {
            key: "startChina",
            header: ta("timeChina"),
            className: "tabular-nums text-slate-600",
            cell: (segment) => formatTime(segment.startsAt, CHINA_TIME_ZONE, locale),
          },
          {
            key: "duration",
            header: t("duration"),
            className: "whitespace-nowrap tabular-nums",
            cell: (segment) => t("minutes", { count: segment.durationMinutes }),
          },
          {
            key: "segment",
            header: t("segment"),
            cell: (segment) => {
              const description = pick(segment.description, locale);
              return (
                <>
                  <p className="font-medium">{pick(segment.title, locale)}</p>
                  {description && <p className="text-slate-600">{description}</p>}
                </>
              );
            },
          },
          {
            key: "participants",
            header: t("participants"),
            cell: (segment) =>
              segment.participants.map((person) => displayName(person, locale).primary).join(", "),
          },
        ]}
        rows={runOfShow.segments}
        rowKey={(segment) => segment.id}
        label={t("runOfShow")}
        footer={t("totalDuration", { count: runOfShow.totalMinutes })}
        minWidth="min-w-[36rem]"
        testId="run-of-show"
      />
    </TitledSection>
  );
}
