import { RECORD_ID } from "../ids";
import { delegateRoles, type DelegateRole } from "./fields";

/**
 * The registration desk's filters, read from the address (`?q=…&city=…`), so that the list, the CSV and
 * XLSX exports and the badge sheet show the same people for the same link. Values that are not valid are
 * dropped, never passed on: a filter can only narrow what the organizer may see anyway.
 */

export const registrationStatuses = ["pending", "confirmed", "cancelled", "rejected"] as const;
/** A registration's own status, or "waitlisted": active and waiting for a seat in at least one session. */
export const statusFilters = [...registrationStatuses, "waitlisted"] as const;
export type StatusFilter = (typeof statusFilters)[number];

const sortKeys = ["name", "created", "city", "status"] as const;
export type SortKey = (typeof sortKeys)[number];

/** "other": delegates from outside the member cities. */
export type CityFilter = string | "other";

export type DeskFilters = {
  q?: string;
  city?: CityFilter;
  country?: "DE" | "CN";
  role?: DelegateRole;
  status?: StatusFilter;
  session?: string;
  /** Only those who need interpretation. */
  interpretation?: true;
  /** Only those who asked for a visa letter. */
  visaLetter?: true;
  sort: SortKey;
  descending: boolean;
};

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function first(params: Params, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  const one = Array.isArray(value) ? value[0] : value;
  return one === null || one === undefined || one === "" ? undefined : one;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

/** Longest search text kept; longer input is cut, not refused (it is a search box). */
const MAX_QUERY = 100;

export function parseDeskFilters(params: Params): DeskFilters {
  const q = first(params, "q")
    ?.replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, MAX_QUERY);
  const city = first(params, "city");
  const session = first(params, "session");
  return {
    q: q || undefined,
    city: city === "other" || (city && RECORD_ID.test(city)) ? city : undefined,
    country: oneOf(first(params, "country"), ["DE", "CN"] as const),
    role: oneOf(first(params, "role"), delegateRoles),
    status: oneOf(first(params, "status"), statusFilters),
    session: session && RECORD_ID.test(session) ? session : undefined,
    interpretation: first(params, "interpretation") === "1" ? true : undefined,
    visaLetter: first(params, "visaLetter") === "1" ? true : undefined,
    sort: oneOf(first(params, "sort"), sortKeys) ?? "name",
    descending: first(params, "dir") === "desc",
  };
}

/** The filters as a query string (without "?"), for links to the exports and the badges of the same list. */
export function deskFilterQuery(filters: DeskFilters): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.city) params.set("city", filters.city);
  if (filters.country) params.set("country", filters.country);
  if (filters.role) params.set("role", filters.role);
  if (filters.status) params.set("status", filters.status);
  if (filters.session) params.set("session", filters.session);
  if (filters.interpretation) params.set("interpretation", "1");
  if (filters.visaLetter) params.set("visaLetter", "1");
  if (filters.sort !== "name") params.set("sort", filters.sort);
  if (filters.descending) params.set("dir", "desc");
  return params.toString();
}
