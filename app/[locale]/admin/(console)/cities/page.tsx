import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DataTable, type Column } from "@/app/_components/DataTable";
import { FilterSelect } from "@/app/_components/admin/FilterFields";
import { ActionLink } from "@/app/_components/layout/ActionLink";
import { PageHeader } from "@/app/_components/layout/PageHeader";
import { adminPaths } from "@/app/_lib/admin-paths";
import { cityStatuses } from "@/app/_lib/cities/fields";
import { formatJoinedDate } from "@/app/_lib/cities/membership";
import { htmlLang, type AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { Link } from "@/app/_lib/i18n/navigation";
import { isCityStatus, listCitiesForAdmin, type AdminCityRow } from "@/app/_server/alliance/admin-queries";
import { pageActor } from "@/app/_server/authz";

type Props = {
  params: Promise<{ locale: AppLocale }>;
  searchParams: Promise<{ status?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "adminCities.list" });
  return { title: t("title") };
}

/** Every city of the alliance, candidates included, with its standing; filtered by standing. */
export default async function CitiesAdminPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "editProgram", adminPaths.cities);
  const { status: typed } = await searchParams;
  const status = isCityStatus(typed) ? typed : undefined;
  const [cities, t, ts, tc] = await Promise.all([
    listCitiesForAdmin(actor, status),
    getTranslations("adminCities.list"),
    getTranslations("adminCities.statuses"),
    getTranslations("countries"),
  ]);
  const columns: Column<AdminCityRow>[] = [
    {
      key: "name",
      header: t("name"),
      rowHeader: true,
      className: "font-medium",
      cell: (city) => {
        const name = pick(city.name, locale);
        const other = locale === "zh" ? pick(city.name, "de") : city.name.zh;
        return (
          <>
            <Link href={adminPaths.city(city.id)} className="text-brand-700 underline">
              {name}
            </Link>
            {other && other !== name && (
              <span className="ml-1 font-normal text-slate-600" lang={locale === "zh" ? "de" : htmlLang.zh}>
                {other}
              </span>
            )}
            {city.reviewNeeded && (
              <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs font-semibold text-amber-900">
                {t("review")}
              </span>
            )}
          </>
        );
      },
    },
    { key: "status", header: t("status"), cell: (city) => ts(city.status) },
    { key: "country", header: t("country"), cell: (city) => tc(city.country) },
    {
      key: "joined",
      header: t("joined"),
      className: "whitespace-nowrap",
      cell: (city) =>
        city.joinedOn
          ? formatJoinedDate(city.joinedOn, locale)
          : city.memberSince != null
            ? t("since", { year: city.memberSince })
            : "",
    },
  ];

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        action={<ActionLink href={adminPaths.newCity}>{t("new")}</ActionLink>}
      />
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("filters")}>
        <FilterSelect name="status" label={t("status")} value={status}>
          <option value="">{t("allStatuses")}</option>
          {cityStatuses.map((option) => (
            <option key={option} value={option}>
              {ts(option)}
            </option>
          ))}
        </FilterSelect>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
          {t("filter")}
        </button>
        {status && (
          <Link href={adminPaths.cities} className="py-2 text-brand-700 underline">
            {t("reset")}
          </Link>
        )}
      </form>
      <p className="font-medium" data-testid="cities-count">
        {t("count", { total: cities.length })}
      </p>
      <DataTable
        columns={columns}
        rows={cities}
        rowKey={(city) => city.id}
        empty={t("empty")}
        testId="cities"
      />
    </div>
  );
}
