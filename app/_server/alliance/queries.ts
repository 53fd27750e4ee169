import "server-only";
import { cache } from "react";
import { db } from "../db";
import { translatedFields, type Translations } from "@/app/_lib/i18n/localized";
import { translationsOf } from "@/app/_lib/i18n/localized";

export type AllianceDto = {
  name: Translations;
  purpose: Translations;
  foundedYear: number;
  foundedOccasion: string;
  initiators: { id: string; name: string; position: Translations }[];
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
        givenName: true,
        familyName: true,
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
      name: `${person.givenName} ${person.familyName}`,
      position: translationsOf(person, "position"),
    })),
  };
});

export type CityDto = {
  id: string;
  slug: string;
  name: Translations;
  country: "DE" | "CN";
  /** ISO date of admission, where known. */
  joinedOn: string | null;
  reviewNeeded: boolean;
};

const citySelect = {
  id: true,
  slug: true,
  ...translatedFields("name"),
  country: true,
  joinedOn: true,
  reviewNeeded: true,
} as const;

/** Member cities, German first then Chinese, each by German name. */
export async function listCities(): Promise<CityDto[]> {
  const cities = await db.city.findMany({
    select: citySelect,
    orderBy: [{ country: "asc" }, { nameDe: "asc" }],
  });
  return cities.map((city) => ({
    id: city.id,
    slug: city.slug,
    name: translationsOf(city, "name"),
    country: city.country,
    joinedOn: city.joinedOn ? city.joinedOn.toISOString().slice(0, 10) : null,
    reviewNeeded: city.reviewNeeded,
  }));
}
