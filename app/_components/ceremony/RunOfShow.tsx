import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { displayName } from "@/app/_lib/names";
import { CHINA_TIME_ZONE, formatTime } from "@/app/_lib/time";
import type { RunOfShowDto } from "@/app/_server/ceremonies/queries";

type Props = { runOfShow: RunOfShowDto; timeZone: string; locale: AppLocale };

/** A ceremony's segments with their computed start times, in the meeting's zone and in China. */
export async function RunOfShow({ runOfShow, timeZone, locale }: Props) {
  const [t, ta] = await Promise.all([getTranslations("session"), getTranslations("agenda")]);
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  return (
    <section aria-labelledby="run-of-show" className="space-y-3">
      <h2 id="run-of-show" className="text-xl font-semibold">
        {t("runOfShow")}
      </h2>
      {runOfShow.inductees.length > 0 && (
        <p>
          {t("inductees")}:{" "}
          <strong>{list.format(runOfShow.inductees.map((city) => pick(city.name, locale)))}</strong>
        </p>
      )}
      {runOfShow.overrunMinutes > 0 && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">
          {t("overrun", { count: runOfShow.overrunMinutes })}
        </p>
      )}
      {/* Scrolls sideways on phones; focusable so keyboard users can scroll it too. */}
      <div
        role="region"
        aria-labelledby="run-of-show"
        tabIndex={0}
        className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
      >
        <table className="w-full min-w-[36rem] text-left text-sm" data-testid="run-of-show">
          <thead className="bg-slate-100 text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                {ta("timeBerlin")}
              </th>
              <th scope="col" className="px-3 py-2">
                {ta("timeChina")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("duration")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("segment")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("participants")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {runOfShow.segments.map((segment) => {
              const notes = pick(segment.notes, locale);
              return (
                <tr key={segment.id} className="align-top">
                  <td className="px-3 py-2 font-semibold tabular-nums">
                    <time dateTime={segment.startsAt}>{formatTime(segment.startsAt, timeZone, locale)}</time>
                  </td>
                  <td className="px-3 py-2 tabular-nums text-slate-600">
                    {formatTime(segment.startsAt, CHINA_TIME_ZONE, locale)}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                    {t("minutes", { count: segment.durationMinutes })}
                  </td>
                  <td className="px-3 py-2">
                    <p className="font-medium">{pick(segment.title, locale)}</p>
                    {notes && <p className="text-slate-600">{notes}</p>}
                  </td>
                  <td className="px-3 py-2">
                    {segment.participants.map((person) => displayName(person, locale).primary).join(", ")}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={5} className="px-3 py-2 text-slate-600">
                {t("totalDuration", { count: runOfShow.totalMinutes })}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
