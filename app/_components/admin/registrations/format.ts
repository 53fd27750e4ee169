import { DateTime } from "luxon";
import { htmlLang, type AppLocale } from "@/app/_lib/i18n/locales";
import { pick, type Translations } from "@/app/_lib/i18n/localized";
import { deskFilterQuery, type DeskFilters, type SortKey } from "@/app/_lib/registration/desk-filters";

/** "24.04.2017, 09:30" / "24 Apr 2017, 09:30" / "2017年4月24日 09:30", in the meeting's zone, 24-hour clock. */
export function shortDateTime(iso: string, zone: string, locale: AppLocale): string {
  return DateTime.fromISO(iso, { zone: "utc" })
    .setZone(zone)
    .setLocale(htmlLang[locale])
    .toLocaleString({ day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
}

/** Where a delegate comes from: the member city in the reader's language, or the town they typed. */
export function placeOf(person: { city: { name: Translations } | null; cityOther: string | null }, locale: AppLocale): string {
  return person.city ? pick(person.city.name, locale) : (person.cityOther ?? "");
}

/** The list's address with other filters, sort or page: the filters stay in the address, so links and reloads keep them. */
export function deskHref(base: string, filters: DeskFilters, page = 1): string {
  const query = deskFilterQuery(filters);
  const params = [query, page > 1 ? `page=${page}` : ""].filter(Boolean).join("&");
  return params ? `${base}?${params}` : base;
}

/** Sorting by a column: ascending first, the other way on the second click. */
export function sortedBy(filters: DeskFilters, key: SortKey): DeskFilters {
  return { ...filters, sort: key, descending: filters.sort === key ? !filters.descending : false };
}
