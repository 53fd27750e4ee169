import { getTranslations } from "next-intl/server";
import { formatJoinedDate, groupByYear, joinedOf } from "@/app/_lib/cities/membership";
import { htmlLang, type AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { localPlaceName } from "@/app/_lib/i18n/place-names";
import type { CityDto } from "@/app/_server/alliance/queries";

type Props = {
  cities: CityDto[];
  highlight?: ReadonlySet<string>;
  locale: AppLocale;
  /** Observers get their own list; members are the default. */
  status?: "member" | "observer";
  /** The heading level of each country's list. */
  level?: 2 | 3;
};

/**
 * German and Chinese cities side by side, members grouped by the year they joined ("Members since 2016"
 * once, not beside each founder), each group sorted in the reader's language; a city admitted on a known
 * day says so. Only the given standing is listed, whatever the caller passes: candidates and former
 * members never reach a public page.
 */
export async function CityList({
  cities,
  highlight = new Set(),
  locale,
  status = "member",
  level = 3,
}: Props) {
  const [t, tc, tg] = await Promise.all([
    getTranslations("meeting"),
    getTranslations("cities"),
    getTranslations("cityGroups"),
  ]);
  const collator = new Intl.Collator(htmlLang[locale]);
  const Heading = `h${level}` as const;
  const GroupHeading = `h${level + 1}` as "h3" | "h4";
  const columns = [
    { country: "DE" as const, heading: t("germanCities") },
    { country: "CN" as const, heading: t("chineseCities") },
  ];
  // The year stands above its group; a city says only a day it was admitted on.
  const joinedText = (city: CityDto): string | null => {
    const joined = status === "member" ? joinedOf(city) : null;
    if (!joined || joined.kind === "year") return null;
    const date = formatJoinedDate(joined.date, locale);
    return joined.kind === "inducted"
      ? tc("joinedAtMeeting", { date, city: localPlaceName(joined.venueCity, locale) })
      : tc("joinedOn", { date });
  };
  return (
    <div className="mt-4 grid gap-6 md:grid-cols-2">
      {columns.map(({ country, heading }) => {
        const list = cities
          .filter((city) => city.country === country && city.status === status)
          .sort((a, b) => collator.compare(pick(a.name, locale), pick(b.name, locale)));
        if (list.length === 0 && status !== "member") return null;
        return (
          <section
            key={country}
            aria-label={heading}
            className="rounded-lg border border-slate-200 bg-white p-4"
          >
            <Heading className="mb-3 flex items-baseline justify-between font-semibold">
              {heading} <span className="text-sm font-normal text-slate-500">{list.length}</span>
            </Heading>
            {(status === "member" ? groupByYear(list) : [{ year: undefined, cities: list }]).map(
              ({ year, cities: group }) => (
                <div key={String(year)} className="mt-2 first:mt-0">
                  {year !== undefined && (
                    <GroupHeading className="border-b border-slate-200 pb-1 text-sm font-semibold text-slate-600">
                      {year === null ? tg("unknown") : tg("since", { year })}
                    </GroupHeading>
                  )}
                  <ul className="divide-y divide-slate-100">
                    {group.map((city) => {
                      const isNew = highlight.has(city.id);
                      const name = pick(city.name, locale);
                      const other = locale === "zh" ? pick(city.name, "de") : city.name.zh;
                      const joined = joinedText(city);
                      return (
                        <li
                          key={city.id}
                          className={`flex flex-wrap items-baseline gap-x-2 py-2 ${isNew ? "-mx-2 rounded bg-brand-50 px-2" : ""}`}
                          data-testid={`city-${city.slug}`}
                        >
                          <span className="font-medium">{name}</span>
                          {other && other !== name && (
                            <span className="text-sm text-slate-600" lang={locale === "zh" ? "de" : "zh-CN"}>
                              {other}
                            </span>
                          )}
                          {isNew && (
                            <span className="rounded bg-brand-700 px-1.5 text-xs font-semibold text-white">
                              {t("newMember")}
                            </span>
                          )}
                          {joined && (
                            <span className="w-full text-sm text-slate-600" data-testid="joined">
                              {joined}
                            </span>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </div>
              ),
            )}
          </section>
        );
      })}
    </div>
  );
}
