import { withQuery } from "@/app/_lib/admin-paths";
import { deskFilterQuery, type DeskFilters, type SortKey } from "@/app/_lib/registration/desk-filters";

/** The list's address with other filters, sort or page: the filters stay in the address, so links and reloads keep them. */
export function deskHref(base: string, filters: DeskFilters, page = 1): string {
  return withQuery(base, deskFilterQuery(filters), page > 1 ? `page=${page}` : "");
}

/** Sorting by a column: ascending first, the other way on the second click. */
export function sortedBy(filters: DeskFilters, key: SortKey): DeskFilters {
  return { ...filters, sort: key, descending: filters.sort === key ? !filters.descending : false };
}
