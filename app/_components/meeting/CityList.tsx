import { getTranslations } from "next-intl/server";
import { htmlLang, type AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { formatCalendarDate } from "@/app/_lib/time";
import type { CityDto } from "@/app/_server/alliance/queries";

type Props = { cities: CityDto[]; highlight?: ReadonlySet<string>; locale: AppLocale; showJoined?: boolean };

/** German and Chinese member cities side by side, each list sorted in the reader's language. */
export async function CityList({ cities, highlight = new Set(), locale, showJoined = false }: Props) {
  const [t, tc] = await Promise.all([getTranslations("meeting"), getTranslations("cities")]);
  const collator = new Intl.Collator(htmlLang[locale]);
  const columns = [
    { country: "DE" as const, heading: t("germanCities") },
    { country: "CN" as const, heading: t("chineseCities") },
  ];
  return (
    <div className="mt-4 grid gap-6 md:grid-cols-2">
      {columns.map(({ country, heading }) => {
        const list = cities
          .filter((city) => city.country === country)
          .sort((a, b) => collator.compare(pick(a.name, locale), pick(b.name, locale)));
        return (
          <section
            key={country}
            aria-label={heading}
            className="rounded-lg border border-slate-200 bg-white p-4"
          >
            <h3 className="mb-3 flex items-baseline justify-between font-semibold">
              {heading} <span className="text-sm font-normal text-slate-500">{list.length}</span>
            </h3>
            <ul className="divide-y divide-slate-100">
              {list.map((city) => {
                const isNew = highlight.has(city.id);
                const name = pick(city.name, locale);
                const other = locale === "zh" ? pick(city.name, "de") : city.name.zh;
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
                    {showJoined && (
                      <span className="ml-auto text-sm text-slate-600">
                        {city.joinedOn
                          ? tc("joined", { date: formatCalendarDate(city.joinedOn, locale) })
                          : tc("joinedBefore")}
                      </span>
                    )}
                    {showJoined && city.reviewNeeded && (
                      <span className="w-full text-xs text-amber-800">{tc("reviewNeeded")}</span>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
