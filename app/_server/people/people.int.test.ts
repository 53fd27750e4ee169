import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/app/_server/db";
import {
  createRoleActors,
  DELETED_BY_ORGANIZER,
  lastAudit,
  outcome,
  PROGRAM_EDITORS,
  roleOutcomes,
} from "@/test/integration/actors";
import { createPerson, deletePerson, updatePerson } from "./mutations";
import { personCityOptions } from "./city-options";
import { getPerson, listPeople } from "./queries";
import { createMeetingRow } from "@/test/integration/factories";
import { refusal } from "@/test/integration/refusal";

const unique = () => randomUUID().slice(0, 8);

const actors = await createRoleActors();
const { organizer, admin, checkin } = actors;
const meetingId = (await createMeetingRow()).id;
const cityId = (
  await db.city.create({
    data: { slug: `c-${unique()}`, nameDe: "Köln", nameEn: "Cologne", nameZh: "科隆", country: "DE" },
  })
).id;

function personForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    givenName: "Wei",
    familyName: "Wang",
    nativeName: "王伟",
    nameOrder: "family_first",
    honorificDe: "",
    honorificEn: "Mr",
    honorificZh: "先生",
    positionDe: "Bürgermeister",
    positionEn: "Mayor",
    positionZh: "市长",
    organization: `Stadtverwaltung ${unique()}`,
    cityId,
    slug: "",
    ...overrides,
  };
}

async function session(slug = `s-${unique()}`) {
  return db.session.create({
    data: {
      meetingId,
      slug,
      kind: "ceremony",
      titleDe: "Aufnahme",
      startsAt: new Date("2017-04-24T08:00:00Z"),
      endsAt: new Date("2017-04-24T09:00:00Z"),
    },
  });
}

describe("people", () => {
  it("are created by organizers and admins, with a unique slug made from the Latin name", async () => {
    const familyName = `Müller-${unique().replace(/\d/g, "x")}`;
    expect(
      await roleOutcomes(actors, (actor) =>
        createPerson(actor, personForm({ givenName: "Jürgen", familyName })),
      ),
    ).toEqual(PROGRAM_EDITORS);
    const people = await db.person.findMany({ where: { familyName }, orderBy: { slug: "asc" } });
    const base = `juergen-${familyName.toLowerCase().replace("ü", "ue")}`;
    expect(people.map((person) => person.slug)).toEqual([base, `${base}-2`]);
    expect(people[0]).toMatchObject({
      nativeName: "王伟",
      nameOrder: "family_first",
      honorificDe: null,
      honorificEn: "Mr",
      cityId,
    });
    const entry = await lastAudit(people[0]!.id);
    expect(entry).toMatchObject({
      action: "person.create",
      entity: "Person",
      before: null,
      after: { slug: base, familyName },
      actorId: expect.any(String),
    });

    const chosen = `chosen-${unique()}`;
    expect((await createPerson(organizer, personForm({ slug: chosen }))).slug).toBe(chosen);
    expect((await refusal(createPerson(organizer, personForm({ slug: chosen })))).details.fields).toEqual({
      slug: { key: "slugTaken" },
    });
    expect(
      (
        await refusal(
          createPerson(organizer, personForm({ familyName: "王", givenName: "", cityId: "nope!" })),
        )
      ).details.fields,
    ).toEqual({
      givenName: { key: "required" },
      familyName: { key: "latinScript" },
      cityId: { key: "invalidChoice" },
    });
    expect(
      (await refusal(createPerson(organizer, personForm({ cityId: "unknown" })))).details.fields,
    ).toEqual({ cityId: { key: "invalidChoice" } });
  });

  it("edits bump the sessions they speak in, are audited with before and after, and keep slugs unique", async () => {
    const person = await createPerson(organizer, personForm());
    const other = await createPerson(organizer, personForm());
    const spoken = await session();
    const elsewhere = await session();
    await db.sessionSpeaker.create({ data: { sessionId: spoken.id, personId: person.id } });

    expect(
      await roleOutcomes(actors, (actor) =>
        updatePerson(actor, person.id, personForm({ positionEn: "Lord Mayor" })),
      ),
    ).toEqual(PROGRAM_EDITORS);
    expect(
      (await db.session.findUniqueOrThrow({ where: { id: spoken.id } })).updatedAt.getTime(),
    ).toBeGreaterThan(spoken.updatedAt.getTime());
    expect((await db.session.findUniqueOrThrow({ where: { id: elsewhere.id } })).updatedAt).toEqual(
      elsewhere.updatedAt,
    );
    // Left empty, the slug stays what it was.
    expect((await db.person.findUniqueOrThrow({ where: { id: person.id } })).slug).toBe(person.slug);

    await updatePerson(organizer, person.id, personForm({ positionEn: "Mayor", cityId: "" }));
    expect(await lastAudit(person.id)).toMatchObject({
      action: "person.update",
      before: { positionEn: "Lord Mayor", cityId },
      after: { positionEn: "Mayor", cityId: null },
    });
    expect(
      (await refusal(updatePerson(organizer, person.id, personForm({ slug: other.slug })))).details.fields,
    ).toEqual({ slug: { key: "slugTaken" } });
    expect(await outcome(updatePerson(organizer, "missing", personForm()))).toBe("not_found");
  });

  it("are not deleted while they speak, take part in a segment or stand in an order of precedence", async () => {
    const uses = {
      speaker: async (personId: string, sessionId: string) =>
        void (await db.sessionSpeaker.create({ data: { sessionId, personId } })),
      // Two segments of one ceremony: listed once.
      segment: async (personId: string, sessionId: string) => {
        for (const position of [1, 2]) {
          await db.ceremonySegment.create({
            data: {
              sessionId,
              position,
              durationMinutes: 5,
              titleDe: "Grußwort",
              participants: { create: { personId } },
            },
          });
        }
      },
      official: async (personId: string, sessionId: string) =>
        void (await db.ceremonyOfficial.create({ data: { sessionId, personId, precedence: 1 } })),
    };
    for (const [as, use] of Object.entries(uses)) {
      const person = await createPerson(organizer, personForm());
      const taken = await session();
      await use(person.id, taken.id);
      expect((await refusal(deletePerson(organizer, person.id))).details.fields).toEqual({
        _: { key: "inUse" },
      });
      expect((await getPerson(organizer, person.id)).uses).toEqual([
        {
          meetingSlug: expect.any(String),
          sessionId: taken.id,
          sessionTitle: { de: "Aufnahme", en: null, zh: null },
          as,
        },
      ]);
      await db.session.delete({ where: { id: taken.id } });
      expect(await roleOutcomes(actors, (actor) => deletePerson(actor, person.id))).toEqual(
        DELETED_BY_ORGANIZER,
      );
      expect(await lastAudit(person.id)).toMatchObject({
        action: "person.delete",
        before: { id: person.id },
        after: null,
      });
    }
    const free = await createPerson(organizer, personForm());
    expect(await outcome(deletePerson(admin, free.id))).toBe("ok");
  });

  it("are listed and found by name in any script and by organization, for organizers only", async () => {
    const marker = unique().replace(/\d/g, "q");
    await createPerson(
      organizer,
      personForm({
        givenName: "Anna",
        familyName: `Zeta${marker}`,
        nativeName: null,
        organization: "IHK Hannover",
      }),
    );
    await createPerson(
      organizer,
      personForm({
        givenName: "Lei",
        familyName: `Li${marker}`,
        nativeName: `李${marker}`,
        organization: "Bureau of Commerce",
      }),
    );
    expect(await outcome(listPeople(checkin))).toBe("forbidden");
    expect(await outcome(listPeople(null))).toBe("unauthenticated");
    const names = async (search: string) =>
      (await listPeople(organizer, search)).map((person) => person.familyName);
    expect(await names(`李${marker}`)).toEqual([`Li${marker}`]);
    expect(await names(`anna zeta${marker}`)).toEqual([`Zeta${marker}`]);
    expect(await names(`commerce ${marker}`)).toEqual([`Li${marker}`]);
    expect((await listPeople(organizer, `zeta${marker}`))[0]).toMatchObject({
      city: { de: "Köln", en: "Cologne", zh: "科隆" },
      position: { en: "Mayor" },
    });
    expect(await outcome(getPerson(checkin, "x"))).toBe("forbidden");
    expect(await outcome(getPerson(organizer, "missing"))).toBe("not_found");
  });
});

describe("city options", () => {
  it("offer every city, a candidate to be admitted included, German first, by name in the visitor's language", async () => {
    const slug = `taicang-${unique()}`;
    const candidate = await db.city.create({
      data: {
        slug,
        nameDe: "Taicang",
        nameEn: "Taicang",
        nameZh: "太仓",
        country: "CN",
        status: "candidate",
      },
    });
    const options = await personCityOptions("zh", { DE: "德国", CN: "中国" });
    expect(options).toContainEqual({ id: candidate.id, label: "太仓 (中国)" });
    expect(options).toContainEqual({ id: cityId, label: "科隆 (德国)" });
    const germanOnes = options.filter((option) => option.label.endsWith("(德国)")).length;
    expect(options.slice(0, germanOnes).every((option) => option.label.endsWith("(德国)"))).toBe(true);
  });
});
