/**
 * Two loads, both idempotent (every row is keyed by a slug and only created when missing, so a second run
 * changes nothing and never overwrites what organizers have edited since):
 * - the alliance's facts, which every installation needs: the alliance, its 24 member cities and the two
 *   initiators (`seedAllianceFacts`, run by `db:migrate` and by the embedded start);
 * - the demo: those facts plus the 2017 meeting at Hannover Messe with Köln's induction (`seedDemo`).
 * The facts are loaded by seed-alliance.ts, the 2017 program by seed-program.ts.
 */
import { DateTime } from "luxon";
import type { Db } from "../app/_server/db";
import { translatedColumns } from "../app/_lib/i18n/localized";
import { loadAllianceFacts, seedPeople, type SeedPerson } from "./seed-alliance";
import alliance from "./seed-data/alliance.json" with { type: "json" };
import { practical2017 } from "./seed-data/practical-2017";
import { sessions } from "./seed-data/program-2017";
import { seedProgram, TIME_ZONE } from "./seed-program";

export { citySlug } from "./seed-alliance";

export const DEMO_MEETING_SLUG = "2017";

/** The alliance, its member cities and its initiators, created where missing: "24 cities, 2 people". */
export async function seedAllianceFacts(db: Db): Promise<string> {
  const { cityIds, personIds } = await loadAllianceFacts(db);
  return `${cityIds.size} cities, ${personIds.size} people`;
}

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
      ...translatedColumns("title", {
        de: "Jahrestreffen 2017",
        en: "Annual meeting 2017",
        zh: "2017年年会",
      }),
      ...translatedColumns("summary", {
        de: `${m.what.de} auf der ${m.venue.name}, mit der feierlichen Aufnahme Kölns.`,
        en: `${m.what.en} at ${m.venue.name}, with the ceremony admitting Cologne.`,
        zh: "中德工业城市联盟在汉诺威工业博览会期间举行年会，并隆重举行科隆加入联盟的仪式。",
      }),
      venueName: m.venue.name,
      venueCity: m.venue.city,
      venueCountry: "DE",
      timeZone: TIME_ZONE,
      startsOn: new Date(`${m.date}T00:00:00Z`),
      endsOn: new Date(`${m.date}T00:00:00Z`),
      registrationOpensAt: DateTime.fromISO("2017-02-01T00:00", { zone: TIME_ZONE }).toJSDate(),
      // The demo's meeting lies in the past, and without a closing date registration closes when a
      // meeting ends. So that the demo can be tried end to end, its deadline is the end of the year after
      // the one the demo data is loaded in: a date an organizer could have set, shown as "registration
      // until 31 December …", that stays ahead for at least a year.
      registrationClosesAt: DateTime.now().setZone(TIME_ZONE).plus({ years: 2 }).startOf("year").toJSDate(),
      exampleProgram: true,
    },
    select: { id: true },
  });

  await db.meetingPracticalInfo.upsert({
    where: { meetingId: meeting.id },
    update: {},
    create: { meetingId: meeting.id, ...practical2017 },
    select: { meetingId: true },
  });
  const created = await seedProgram(db, meeting.id, { cityIds, personIds });
  return `${cityIds.size} cities, ${personIds.size} people, ${sessions.length} sessions (${created} new)`;
}
