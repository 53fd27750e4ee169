import "server-only";
import { cache } from "react";
import type { CityStatus } from "@/app/_lib/cities/fields";
import { isoDate, type Membership } from "@/app/_lib/cities/membership";
import { translatedFields, translationsOf, type Translations } from "@/app/_lib/i18n/localized";
import { nameFields, type PersonName } from "@/app/_lib/names";
import { db, type Prisma } from "../db";

export type AllianceDto = {
  name: Translations;
  purpose: Translations;
  foundedYear: number;
  foundedOccasion: string;
  initiators: ({ id: string; position: Translations } & PersonName)[];
};

/** Cached per request: the layout, its metadata and pages all ask for it. */
export const getAlliance = cache(async (): Promise<AllianceDto | null> => {
  const [alliance, initiators] = await Promise.all([
    db.alliance.findUnique({ where: { id: 1 } }),
    db.person.findMany({
      where: { initiator: true },
      orderBy: { familyName: "asc" },
      select: {
        id: true,
        ...nameFields,
        ...translatedFields("position"),
      },
    }),
  ]);
  if (!alliance) return null;
  return {
    name: translationsOf(alliance, "name"),
    purpose: translationsOf(alliance, "purpose"),
    foundedYear: alliance.foundedYear,
    foundedOccasion: alliance.foundedOccasion,
    initiators: initiators.map((person) => ({
      id: person.id,
      givenName: person.givenName,
      familyName: person.familyName,
      nativeName: person.nativeName,
      nameOrder: person.nameOrder,
      position: translationsOf(person, "position"),
    })),
  };
});

/** Who a city is and how it stands in the alliance: what every list of cities shows, public or not. */
export type CityBasics = {
  id: string;
  slug: string;
  name: Translations;
  country: "DE" | "CN";
  status: CityStatus;
  /** yyyy-mm-dd. */
  joinedOn: string | null;
  memberSince: number | null;
};

export const cityBasicsSelect = {
  id: true,
  slug: true,
  ...translatedFields("name"),
  country: true,
  status: true,
  joinedOn: true,
  memberSince: true,
} as const satisfies Prisma.CitySelect;

export function toCityBasics(city: Prisma.CityGetPayload<{ select: typeof cityBasicsSelect }>): CityBasics {
  return {
    id: city.id,
    slug: city.slug,
    name: translationsOf(city, "name"),
    country: city.country,
    status: city.status,
    joinedOn: isoDate(city.joinedOn),
    memberSince: city.memberSince,
  };
}

export type CityDto = CityBasics & Membership;

/**
 * What pages and the API may show of a city. Never the organizers' note or whether the spelling is still
 * under review: those stay in the back office.
 */
const citySelect = {
  ...cityBasicsSelect,
  inductedBySession: { select: { meeting: { select: { slug: true, venueCity: true, published: true } } } },
} as const satisfies Prisma.CitySelect;

type CityRow = Prisma.CityGetPayload<{ select: typeof citySelect }>;

function toCityDto(city: CityRow): CityDto {
  const meeting = city.inductedBySession?.meeting;
  return {
    ...toCityBasics(city),
    // A meeting that is not (or no longer) published is not named.
    inductedAt: meeting?.published ? { meetingSlug: meeting.slug, venueCity: meeting.venueCity } : null,
  };
}

/**
 * Cities of the given standing (members unless told), German first then Chinese, each by German name:
 * the public pages' lists. Candidates are never public.
 */
export async function listCities(
  statuses: readonly Exclude<CityStatus, "candidate">[] = ["member"],
): Promise<CityDto[]> {
  const cities = await db.city.findMany({
    where: { status: { in: [...statuses] } },
    select: citySelect,
    orderBy: [{ country: "asc" }, { nameDe: "asc" }],
  });
  return cities.map(toCityDto);
}

/** A city as `GET /api/cities` gives it. */
export type CityJson = {
  slug: string;
  name: { de: string; en: string; zh: string | null };
  country: "DE" | "CN";
  region: { de: string | null; en: string | null; zh: string | null } | null;
  website: string | null;
  status: Exclude<CityStatus, "candidate">;
  joinedOn: string | null;
  memberSince: number | null;
  /** The slug of the meeting whose ceremony admitted the city. */
  inductedAt: string | null;
};

/** Members, observers and former members for the public API (candidates are not public), by slug. */
export async function listCitiesJson(): Promise<CityJson[]> {
  const cities = await db.city.findMany({
    where: { status: { not: "candidate" } },
    select: { ...citySelect, ...translatedFields("region"), website: true },
    orderBy: { slug: "asc" },
  });
  return cities.map((city) => {
    const dto = toCityDto(city);
    const region = translationsOf(city, "region");
    return {
      slug: dto.slug,
      name: { de: city.nameDe, en: city.nameEn, zh: city.nameZh },
      country: dto.country,
      region:
        region.de || region.en || region.zh
          ? { de: city.regionDe, en: city.regionEn, zh: city.regionZh }
          : null,
      website: city.website,
      status: dto.status as CityJson["status"],
      joinedOn: dto.joinedOn,
      memberSince: dto.memberSince,
      inductedAt: dto.inductedAt?.meetingSlug ?? null,
    };
  });
}
