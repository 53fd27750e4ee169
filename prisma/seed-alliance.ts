/** The alliance's facts, which every installation needs: the alliance, its member cities, its initiators. */
import type { Db } from "../app/_server/db";
import { translatedColumns } from "../app/_lib/i18n/localized";
import { citySlug } from "../app/_lib/slugs";
import alliance from "./seed-data/alliance.json" with { type: "json" };
import { cityFacts } from "./seed-data/alliance-cities";

/** Seeded rows by slug: what later rows refer to. */
export type SlugIds = Map<string, string>;

export { citySlug };

export type SeedPerson = {
  slug: string;
  givenName: string;
  familyName: string;
  initiator: boolean;
  city?: string;
  position: Record<"de" | "en" | "zh", string>;
};

/** The founders of the alliance: facts, not demo. */
const initiators: SeedPerson[] = [
  {
    slug: "friedhelm-ost",
    givenName: "Friedhelm",
    familyName: "Ost",
    initiator: true,
    position: {
      de: alliance.alliance.initiators[0]!.role.de,
      en: alliance.alliance.initiators[0]!.role.en,
      zh: "前国务秘书，德国联邦议院经济委员会前主席",
    },
  },
  {
    slug: "ernst-schwanhold",
    givenName: "Ernst",
    familyName: "Schwanhold",
    initiator: true,
    position: {
      de: alliance.alliance.initiators[1]!.role.de,
      en: alliance.alliance.initiators[1]!.role.en,
      zh: "北莱茵-威斯特法伦州前经济、中小企业、技术和交通部长",
    },
  },
];

export async function loadAllianceFacts(db: Db): Promise<{ cityIds: SlugIds; personIds: SlugIds }> {
  const facts = alliance.alliance;
  await db.alliance.upsert({
    where: { id: 1 },
    update: {},
    create: {
      ...translatedColumns("name", facts.name),
      ...translatedColumns("purpose", {
        ...facts.purpose,
        zh: "围绕工业4.0与中国制造2025，联结中德企业、行业和科研机构；推动经济、贸易、科学和研究领域的合作；补充现有的友好城市关系。",
      }),
      foundedYear: facts.founded.year,
      foundedOccasion: facts.founded.occasion,
    },
  });

  const cityIds: SlugIds = new Map();
  for (const city of alliance.memberCities) {
    const slug = citySlug(city.name.en);
    const facts = cityFacts[slug];
    if (!facts) throw new Error(`seed-data/alliance-cities.ts has nothing on ${slug}`);
    const joinedAt = "joinedAt" in city ? city.joinedAt : facts.joinedOn;
    const row = await db.city.upsert({
      where: { slug },
      update: {},
      create: {
        slug,
        ...translatedColumns("name", city.name),
        aliases: facts.aliases,
        country: city.country as "DE" | "CN",
        ...translatedColumns("region", facts.region),
        // Every city of the list was a member by the 2017 meeting (Köln admitted there).
        status: "member",
        joinedOn: joinedAt ? new Date(`${joinedAt}T00:00:00Z`) : null,
        memberSince: facts.memberSince ?? null,
        reviewNeeded: "reviewNeeded" in city && city.reviewNeeded === true,
        note: "note" in city ? city.note : null,
      },
      select: { id: true },
    });
    cityIds.set(slug, row.id);
  }
  return { cityIds, personIds: await seedPeople(db, initiators, cityIds) };
}

export async function seedPeople(db: Db, people: SeedPerson[], cityIds: SlugIds): Promise<SlugIds> {
  const personIds: SlugIds = new Map();
  for (const person of people) {
    const row = await db.person.upsert({
      where: { slug: person.slug },
      update: {},
      create: {
        slug: person.slug,
        givenName: person.givenName,
        familyName: person.familyName,
        initiator: person.initiator,
        ...translatedColumns("position", person.position),
        cityId: person.city ? cityIds.get(person.city) : null,
      },
      select: { id: true },
    });
    personIds.set(person.slug, row.id);
  }
  return personIds;
}
