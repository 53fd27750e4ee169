import "server-only";
import type { DeskFilters } from "@/app/_lib/registration/desk-filters";
import type { Prisma } from "../db";

type Searched = "givenName" | "familyName" | "nativeName" | "email" | "organization";

/** One condition per word of `q`: each word must be in one of the fields, ignoring case. */
function searchWords(q: string | undefined, fields: readonly Searched[]): Prisma.RegistrationWhereInput[] {
  return (q?.split(/\s+/).filter(Boolean) ?? []).map((word) => ({
    OR: fields.map((field) => ({ [field]: { contains: word, mode: "insensitive" } })),
  }));
}

const NAMES = ["givenName", "familyName", "nativeName"] as const;

/**
 * The desk's filters as a Prisma query, shared by the list, the exports and the badge sheet. Search
 * words must each match a name (either script), the email address or the organization, ignoring case:
 * "wang ningbo" finds Wang Wei of the Ningbo delegation only if "ningbo" is in one of those fields.
 */
export function deskWhere(meetingId: string, filters: DeskFilters): Prisma.RegistrationWhereInput {
  const and: Prisma.RegistrationWhereInput[] = [
    { meetingId },
    ...searchWords(filters.q, [...NAMES, "email", "organization"]),
  ];
  if (filters.city === "other") and.push({ cityId: null });
  else if (filters.city) and.push({ cityId: filters.city });
  if (filters.country) and.push({ city: { country: filters.country } });
  if (filters.role) and.push({ role: filters.role });
  if (filters.status === "waitlisted")
    and.push({ status: { in: ["pending", "confirmed"] }, seats: { some: { status: "waitlisted" } } });
  else if (filters.status) and.push({ status: filters.status });
  if (filters.session) and.push({ seats: { some: { sessionId: filters.session } } });
  if (filters.interpretation) and.push({ NOT: { interpretation: { isEmpty: true } } });
  if (filters.visaLetter) and.push({ visaLetter: true });
  return { AND: and };
}

/**
 * The check-in desk's search: names only (either script), every word in one of them. Not the email
 * address or the organization: check-in staff must not learn whether an address is registered.
 */
export function nameSearchWhere(meetingId: string, q: string): Prisma.RegistrationWhereInput {
  return { AND: [{ meetingId }, ...searchWords(q, NAMES)] };
}

/** The order of the list; ties end in the id, so that pages and exports agree row for row. */
export function deskOrderBy(filters: DeskFilters): Prisma.RegistrationOrderByWithRelationInput[] {
  const direction = filters.descending ? "desc" : "asc";
  const byName: Prisma.RegistrationOrderByWithRelationInput[] = [
    { familyName: direction },
    { givenName: direction },
  ];
  const order: Record<DeskFilters["sort"], Prisma.RegistrationOrderByWithRelationInput[]> = {
    name: byName,
    created: [{ createdAt: direction }],
    city: [{ city: { nameEn: direction } }, ...byName],
    status: [{ status: direction }, ...byName],
  };
  return [...order[filters.sort], { id: "asc" }];
}
