import "server-only";
import type { DeskFilters } from "@/app/_lib/registration/desk-filters";
import type { Prisma } from "../db";

/**
 * The desk's filters as a Prisma query, shared by the list, the exports and the badge sheet. Search
 * words must each match a name (either script), the email address or the organization, ignoring case:
 * "wang ningbo" finds Wang Wei of the Ningbo delegation only if "ningbo" is in one of those fields.
 */
export function deskWhere(meetingId: string, filters: DeskFilters): Prisma.RegistrationWhereInput {
  const and: Prisma.RegistrationWhereInput[] = [{ meetingId }];
  for (const word of filters.q?.split(/\s+/).filter(Boolean) ?? []) {
    const contains = { contains: word, mode: "insensitive" } as const;
    and.push({ OR: [{ givenName: contains }, { familyName: contains }, { nativeName: contains }, { email: contains }, { organization: contains }] });
  }
  if (filters.city === "other") and.push({ cityId: null });
  else if (filters.city) and.push({ cityId: filters.city });
  if (filters.country) and.push({ city: { country: filters.country } });
  if (filters.role) and.push({ role: filters.role });
  if (filters.status === "waitlisted") and.push({ status: { in: ["pending", "confirmed"] }, seats: { some: { status: "waitlisted" } } });
  else if (filters.status) and.push({ status: filters.status });
  if (filters.session) and.push({ seats: { some: { sessionId: filters.session } } });
  if (filters.interpretation) and.push({ NOT: { interpretation: { isEmpty: true } } });
  if (filters.visaLetter) and.push({ visaLetter: true });
  return { AND: and };
}

/** The order of the list; ties end in the id, so that pages and exports agree row for row. */
export function deskOrderBy(filters: DeskFilters): Prisma.RegistrationOrderByWithRelationInput[] {
  const direction = filters.descending ? "desc" : "asc";
  const byName: Prisma.RegistrationOrderByWithRelationInput[] = [{ familyName: direction }, { givenName: direction }];
  const order: Record<DeskFilters["sort"], Prisma.RegistrationOrderByWithRelationInput[]> = {
    name: byName,
    created: [{ createdAt: direction }],
    city: [{ city: { nameEn: direction } }, ...byName],
    status: [{ status: direction }, ...byName],
  };
  return [...order[filters.sort], { id: "asc" }];
}
