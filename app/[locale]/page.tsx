import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_lib/i18n/navigation";
import { pick } from "@/app/_lib/i18n/localized";
import { nameLine } from "@/app/_lib/names";
import { localPlaceName } from "@/app/_lib/i18n/place-names";
import { joinParts } from "@/app/_lib/meetings/practical-info";
import { formatCalendarDate } from "@/app/_lib/time";
import { getAlliance, listCities } from "@/app/_server/alliance/queries";
import { listMeetings } from "@/app/_server/meetings/queries";
import { pageLocale } from "@/app/_server/pages";

export default async function HomePage() {
  const locale = await pageLocale();
  const [t, alliance, meetings, cities] = await Promise.all([
    getTranslations("home"),
    getAlliance(),
    listMeetings(),
    listCities(),
  ]);
  const otherNames = alliance
    ? (["de", "en", "zh"] as const).filter((l) => l !== locale).map((l) => alliance.name[l])
    : [];
  return (
    <div className="space-y-10">
      {alliance && (
        <section aria-labelledby="alliance-name" className="space-y-4">
          <h1 id="alliance-name" className="text-3xl font-bold tracking-tight sm:text-4xl">
            {pick(alliance.name, locale)}
          </h1>
          <p className="text-slate-600">{otherNames.join(" · ")}</p>
          <p className="max-w-3xl text-lg leading-relaxed">{pick(alliance.purpose, locale)}</p>
          <p className="text-sm text-slate-600">
            {t("founded", {
              year: alliance.foundedYear,
              occasion: localPlaceName(alliance.foundedOccasion, locale),
            })}{" "}
            ·{" "}
            <Link href="/cities" className="text-brand-700 underline">
              {t("memberCount", {
                german: cities.filter((city) => city.country === "DE").length,
                chinese: cities.filter((city) => city.country === "CN").length,
              })}
            </Link>
          </p>
          {alliance.initiators.length > 0 && (
            <div>
              <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">
                {t("initiators")}
              </h2>
              <ul className="mt-2 grid gap-2 sm:grid-cols-2">
                {alliance.initiators.map((person) => (
                  <li key={person.id} className="rounded border border-slate-200 bg-white p-3">
                    <p className="font-medium">{nameLine(person, locale)}</p>
                    <p className="text-sm text-slate-600">{pick(person.position, locale)}</p>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      )}
      <section aria-labelledby="meetings">
        <h2 id="meetings" className="text-2xl font-semibold">
          {t("meetings")}
        </h2>
        {meetings.length === 0 && <p className="mt-4 text-slate-600">{t("noMeetings")}</p>}
        <ul className="mt-4 grid gap-4 md:grid-cols-2">
          {meetings.map((meeting) => (
            <li key={meeting.id} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <h3 className="text-xl font-semibold">{pick(meeting.title, locale, meeting.defaultLocale)}</h3>
              <p className="mt-1 text-slate-600">
                {formatCalendarDate(meeting.startsOn, locale)} ·{" "}
                {joinParts(
                  [localPlaceName(meeting.venue.name, locale), localPlaceName(meeting.venue.city, locale)],
                  locale,
                )}
              </p>
              <p className="mt-3">{pick(meeting.summary, locale, meeting.defaultLocale)}</p>
              <Link
                href={`/meetings/${meeting.slug}`}
                className="mt-4 inline-block rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
              >
                {t("toMeeting")}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
