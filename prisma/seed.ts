/**
 * Two loads, both idempotent (every row is keyed by a slug and only created when missing, so a second run
 * changes nothing and never overwrites what organizers have edited since):
 * - the alliance's facts, which every installation needs: the alliance, its 24 member cities and the two
 *   initiators (`seedAllianceFacts`, run by `db:migrate` and by the embedded start);
 * - the demo: those facts plus the 2017 meeting at Hannover Messe with Köln's induction (`seedDemo`).
 */
import { DateTime } from "luxon";
import type { Db } from "../app/_server/db";
import alliance from "./seed-data/alliance.json" with { type: "json" };
import { ceremony } from "./seed-data/ceremony-2017";
import { rooms, sessions, tracks } from "./seed-data/program-2017";

export const DEMO_MEETING_SLUG = "2017";
const TIME_ZONE = alliance.meeting2017.timezone;

export function citySlug(englishName: string): string {
  return englishName
    .normalize("NFKD")
    .replace(/\u0308/g, "e") // ü → ue: NFKD splits the umlaut off as U+0308
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’']/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

type SeedPerson = {
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

/** Köln's representative at the 2017 induction: part of the demo meeting. */
const demoPeople: SeedPerson[] = [
  {
    slug: "ute-berg",
    givenName: "Ute",
    familyName: "Berg",
    initiator: false,
    city: "cologne",
    position: {
      de: alliance.meeting2017.induction.representative.role.de,
      en: alliance.meeting2017.induction.representative.role.en,
      zh: "科隆市经济与房地产局局长",
    },
  },
];

function berlin(time: string): Date {
  return DateTime.fromISO(`${alliance.meeting2017.date}T${time}`, { zone: TIME_ZONE }).toJSDate();
}

type SlugIds = Map<string, string>;

/** The alliance, its member cities and its initiators, created where missing: "24 cities, 2 people". */
export async function seedAllianceFacts(db: Db): Promise<string> {
  const { cityIds, personIds } = await loadAllianceFacts(db);
  return `${cityIds.size} cities, ${personIds.size} people`;
}

async function loadAllianceFacts(db: Db): Promise<{ cityIds: SlugIds; personIds: SlugIds }> {
  const facts = alliance.alliance;
  await db.alliance.upsert({
    where: { id: 1 },
    update: {},
    create: {
      nameDe: facts.name.de,
      nameEn: facts.name.en,
      nameZh: facts.name.zh,
      purposeDe: facts.purpose.de,
      purposeEn: facts.purpose.en,
      purposeZh:
        "围绕工业4.0与中国制造2025，联结中德企业、行业和科研机构；推动经济、贸易、科学和研究领域的合作；补充现有的友好城市关系。",
      foundedYear: facts.founded.year,
      foundedOccasion: facts.founded.occasion,
    },
  });

  const cityIds: SlugIds = new Map();
  for (const city of alliance.memberCities) {
    const slug = citySlug(city.name.en);
    const joinedAt = "joinedAt" in city ? city.joinedAt : undefined;
    const row = await db.city.upsert({
      where: { slug },
      update: {},
      create: {
        slug,
        nameDe: city.name.de,
        nameEn: city.name.en,
        nameZh: city.name.zh,
        country: city.country as "DE" | "CN",
        joinedOn: joinedAt ? new Date(`${joinedAt}T00:00:00Z`) : null,
        reviewNeeded: "reviewNeeded" in city && city.reviewNeeded === true,
        note: "note" in city ? city.note : null,
      },
      select: { id: true },
    });
    cityIds.set(slug, row.id);
  }
  return { cityIds, personIds: await seedPeople(db, initiators, cityIds) };
}

async function seedPeople(db: Db, people: SeedPerson[], cityIds: SlugIds): Promise<SlugIds> {
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
        positionDe: person.position.de,
        positionEn: person.position.en,
        positionZh: person.position.zh,
        cityId: person.city ? cityIds.get(person.city) : null,
      },
      select: { id: true },
    });
    personIds.set(person.slug, row.id);
  }
  return personIds;
}

/** The alliance's facts and the 2017 meeting: program, rooms, tracks, the ceremony and its people. */
export async function seedDemo(db: Db): Promise<string> {
  const { cityIds, personIds: initiatorIds } = await loadAllianceFacts(db);
  const personIds = new Map([...initiatorIds, ...(await seedPeople(db, demoPeople, cityIds))]);

  const m = alliance.meeting2017;
  const meeting = await db.meeting.upsert({
    where: { slug: DEMO_MEETING_SLUG },
    update: {},
    create: {
      slug: DEMO_MEETING_SLUG,
      titleDe: "Jahrestreffen 2017",
      titleEn: "Annual meeting 2017",
      titleZh: "2017年年会",
      summaryDe: `${m.what.de} auf der ${m.venue.name}, mit der feierlichen Aufnahme Kölns.`,
      summaryEn: `${m.what.en} at ${m.venue.name}, with the ceremony admitting Köln.`,
      summaryZh: "中德工业城市联盟在汉诺威工业博览会期间举行年会，并隆重举行科隆加入联盟的仪式。",
      venueName: m.venue.name,
      venueCity: m.venue.city,
      venueCountry: "DE",
      timeZone: TIME_ZONE,
      startsOn: new Date(`${m.date}T00:00:00Z`),
      endsOn: new Date(`${m.date}T00:00:00Z`),
      registrationOpensAt: DateTime.fromISO("2017-02-01T00:00", { zone: TIME_ZONE }).toJSDate(),
      // Left open so that the demo can be tried end to end; organizers set the real deadline.
      registrationClosesAt: null,
      exampleProgram: true,
    },
    select: { id: true },
  });

  const roomIds = new Map<string, string>();
  for (const [index, room] of rooms.entries()) {
    const row = await db.room.upsert({
      where: { meetingId_slug: { meetingId: meeting.id, slug: room.slug } },
      update: {},
      create: {
        meetingId: meeting.id,
        slug: room.slug,
        nameDe: room.name.de,
        nameEn: room.name.en,
        nameZh: room.name.zh,
        location: room.location,
        capacity: room.capacity,
        sortOrder: index,
      },
      select: { id: true },
    });
    roomIds.set(room.slug, row.id);
  }

  const trackIds = new Map<string, string>();
  for (const [index, track] of tracks.entries()) {
    const row = await db.track.upsert({
      where: { meetingId_slug: { meetingId: meeting.id, slug: track.slug } },
      update: {},
      create: {
        meetingId: meeting.id,
        slug: track.slug,
        nameDe: track.name.de,
        nameEn: track.name.en,
        nameZh: track.name.zh,
        color: track.color,
        sortOrder: index,
      },
      select: { id: true },
    });
    trackIds.set(track.slug, row.id);
  }

  let created = 0;
  for (const session of sessions) {
    const key = { meetingId_slug: { meetingId: meeting.id, slug: session.slug } };
    if (await db.session.findUnique({ where: key, select: { id: true } })) continue;
    created += 1;
    const row = await db.session.create({
      data: {
        meetingId: meeting.id,
        slug: session.slug,
        kind: session.kind,
        status: "published",
        titleDe: session.title.de,
        titleEn: session.title.en,
        titleZh: session.title.zh,
        descriptionDe: session.description?.de,
        descriptionEn: session.description?.en,
        descriptionZh: session.description?.zh,
        startsAt: berlin(session.start),
        endsAt: berlin(session.end),
        roomId: roomIds.get(session.room),
        trackId: session.track ? trackIds.get(session.track) : null,
        capacity: session.capacity ?? null,
        languages: session.languages,
        interpretation: session.interpretation,
        speakers: {
          create: (session.speakers ?? []).map((speaker, position) => ({
            personId: personIds.get(speaker.person)!,
            role: speaker.role,
            position,
          })),
        },
      },
      select: { id: true },
    });
    if (session.slug === ceremony.session) {
      await db.ceremonyInductee.createMany({
        data: ceremony.inductees.map((city) => ({ sessionId: row.id, cityId: cityIds.get(city)! })),
      });
      for (const [position, segment] of ceremony.segments.entries()) {
        const notes = "notes" in segment ? segment.notes : undefined;
        await db.ceremonySegment.create({
          data: {
            sessionId: row.id,
            position,
            durationMinutes: segment.minutes,
            titleDe: segment.title.de,
            titleEn: segment.title.en,
            titleZh: segment.title.zh,
            notesDe: notes?.de,
            notesEn: notes?.en,
            notesZh: notes?.zh,
            participants: {
              create: segment.participants.map((person, order) => ({
                personId: personIds.get(person)!,
                position: order,
              })),
            },
          },
        });
      }
    }
  }
  await seedOfficials(db, meeting.id, personIds);
  return `${cityIds.size} cities, ${personIds.size} people, ${sessions.length} sessions (${created} new)`;
}

/**
 * The ceremony's order of precedence, created once: a ceremony that has officials (the seed's or an
 * organizer's) keeps them as they are.
 */
async function seedOfficials(db: Db, meetingId: string, personIds: SlugIds): Promise<void> {
  const session = await db.session.findUnique({
    where: { meetingId_slug: { meetingId, slug: ceremony.session } },
    select: { id: true, _count: { select: { officials: true } } },
  });
  if (!session || session._count.officials > 0) return;
  await db.ceremonyOfficial.createMany({
    data: ceremony.officials.map((official, precedence) => ({
      sessionId: session.id,
      personId: personIds.get(official.person)!,
      precedence,
      speaks: official.speaks,
      signs: official.signs,
    })),
    skipDuplicates: true,
  });
}
