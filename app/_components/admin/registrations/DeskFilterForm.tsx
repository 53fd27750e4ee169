import { getTranslations } from "next-intl/server";
import { FilterInput, FilterSelect } from "@/app/_components/admin/FilterFields";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { Link } from "@/app/_lib/i18n/navigation";
import { statusFilters, type DeskFilters } from "@/app/_lib/registration/desk-filters";
import { delegateRoles } from "@/app/_lib/registration/fields";
import { formatDateTime } from "@/app/_lib/time";
import type { DeskCity, DeskSession } from "@/app/_server/desk/desk-queries";

type Props = {
  filters: DeskFilters;
  cities: DeskCity[];
  sessions: DeskSession[];
  locale: AppLocale;
  timeZone: string;
  resetHref: string;
};

/**
 * The desk's filters as a plain GET form: it works without a script, and the address carries the filters,
 * so the list can be bookmarked and the exports and badges take the same ones.
 */
export async function DeskFilterForm({ filters, cities, sessions, locale, timeZone, resetHref }: Props) {
  const [t, tr, tc] = await Promise.all([
    getTranslations("adminRegistrations.desk"),
    getTranslations("roles"),
    getTranslations("countries"),
  ]);
  const byCountry = (country: "DE" | "CN") =>
    cities
      .filter((city) => city.country === country)
      .sort((a, b) => pick(a.name, locale).localeCompare(pick(b.name, locale), locale));
  return (
    <form
      method="get"
      role="search"
      aria-label={t("filters")}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <input type="hidden" name="sort" value={filters.sort} />
      {filters.descending && <input type="hidden" name="dir" value="desc" />}
      <FilterInput
        type="search"
        name="q"
        label={t("search")}
        value={filters.q}
        placeholder={t("searchHint")}
        maxLength={100}
        className="block"
      />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        <FilterSelect name="city" label={t("city")} value={filters.city}>
          <option value="">{t("allCities")}</option>
          {(["DE", "CN"] as const).map((country) => (
            <optgroup key={country} label={tc(country)}>
              {byCountry(country).map((city) => (
                <option key={city.id} value={city.id}>
                  {pick(city.name, locale)}
                </option>
              ))}
            </optgroup>
          ))}
          <option value="other">{t("otherCities")}</option>
        </FilterSelect>
        <FilterSelect name="country" label={t("country")} value={filters.country}>
          <option value="">{t("allCountries")}</option>
          <option value="DE">{tc("DE")}</option>
          <option value="CN">{tc("CN")}</option>
        </FilterSelect>
        <FilterSelect name="role" label={t("role")} value={filters.role}>
          <option value="">{t("allRoles")}</option>
          {delegateRoles.map((role) => (
            <option key={role} value={role}>
              {tr(role)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect name="status" label={t("status")} value={filters.status}>
          <option value="">{t("allStatuses")}</option>
          {statusFilters.map((status) => (
            <option key={status} value={status}>
              {t(`statuses.${status}`)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          name="session"
          label={t("session")}
          value={filters.session}
          className="col-span-2 lg:col-span-1"
        >
          <option value="">{t("allSessions")}</option>
          {sessions.map((session) => (
            <option key={session.id} value={session.id}>
              {formatDateTime(session.startsAt, timeZone, locale)} · {pick(session.title, locale)}
            </option>
          ))}
        </FilterSelect>
      </div>
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
        {(["interpretation", "visaLetter"] as const).map((name) => (
          <label key={name} className="flex items-center gap-2">
            <input
              type="checkbox"
              name={name}
              value="1"
              defaultChecked={filters[name]}
              className="size-4 accent-brand-700"
            />
            {t(name)}
          </label>
        ))}
        <button
          type="submit"
          className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          {t("apply")}
        </button>
        <Link href={resetHref} className="text-brand-700 underline">
          {t("reset")}
        </Link>
      </div>
    </form>
  );
}
