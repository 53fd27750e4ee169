import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/app/_server/db";
import {
  createRoleActors,
  lastAudit,
  outcome,
  PROGRAM_EDITORS,
  roleOutcomes,
} from "@/test/integration/actors";
import { refusal } from "@/test/integration/refusal";
import { getCityForEdit, listCitiesForAdmin } from "./admin-queries";
import { createCity, updateCity } from "./mutations";
import { listCities, listCitiesJson } from "./queries";

const actors = await createRoleActors();
const { organizer } = actors;

/**
 * A made-up English name, unique per call, so tests do not meet each other's cities: letters only, each
 * digit its own letter (with every digit an "x", two names agreed often enough to fail a run).
 */
const uniqueName = () =>
  `Testtown ${randomUUID()
    .slice(0, 8)
    .replace(/\d/g, (digit) => "ghijklmnop"[Number(digit)]!)}`;

/** Other spellings of their own per call: an alias that names another city is refused. */
const uniqueAliases = () => `Taicang ${uniqueName().slice(-6)}`;

function cityForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    nameDe: "Taicang",
    nameEn: uniqueName(),
    nameZh: "太仓",
    aliases: uniqueAliases(),
    country: "CN",
    regionDe: "Jiangsu",
    regionEn: "Jiangsu",
    regionZh: "江苏省",
    website: "https://www.taicang.gov.cn/",
    status: "candidate",
    joinedOn: "",
    memberSince: "",
    note: "Delegation arrives on Sunday",
    reviewNeeded: "on",
    ...overrides,
  };
}

describe("adding a city", () => {
  it("is for organizers and admins; the key comes from the English name and stays unique", async () => {
    const nameEn = uniqueName();
    expect(await roleOutcomes(actors, (actor) => createCity(actor, cityForm({ nameEn })))).toEqual(
      PROGRAM_EDITORS,
    );
    const slug = nameEn.toLowerCase().replace(" ", "-");
    const cities = await db.city.findMany({ where: { nameEn }, orderBy: { slug: "asc" } });
    expect(cities.map((city) => city.slug)).toEqual([slug, `${slug}-2`]);
  });

  it("keeps every field, spellings one per line without blanks or repeats, and records it", async () => {
    const { id, slug } = await createCity(
      organizer,
      cityForm({ aliases: "太仓港区\n  Taicang Port \n\n太仓港区" }),
    );
    const city = await db.city.findUniqueOrThrow({ where: { id } });
    expect(city).toMatchObject({
      slug,
      nameZh: "太仓",
      aliases: ["太仓港区", "Taicang Port"],
      regionZh: "江苏省",
      website: "https://www.taicang.gov.cn/",
      status: "candidate",
      joinedOn: null,
      memberSince: null,
      note: "Delegation arrives on Sunday",
      reviewNeeded: true,
    });
    const entry = await lastAudit(id);
    expect(entry).toMatchObject({ action: "city.create", entity: "City", actorId: organizer.id });
    expect(entry.after).toMatchObject({ slug, status: "candidate", aliases: ["太仓港区", "Taicang Port"] });
  });

  it("takes the year from a day of joining, and a year alone", async () => {
    const dated = await createCity(organizer, cityForm({ status: "member", joinedOn: "2018-04-23" }));
    expect(await db.city.findUniqueOrThrow({ where: { id: dated.id } })).toMatchObject({
      joinedOn: new Date("2018-04-23T00:00:00Z"),
      memberSince: 2018,
    });
    const founder = await createCity(organizer, cityForm({ status: "member", memberSince: "2016" }));
    expect(await db.city.findUniqueOrThrow({ where: { id: founder.id } })).toMatchObject({
      joinedOn: null,
      memberSince: 2016,
    });
  });

  it("refuses missing names, an address that is not https, a wrong status, a year before the alliance or beside another year's date", async () => {
    const error = await refusal(
      createCity(
        organizer,
        cityForm({
          nameDe: " ",
          nameEn: "",
          website: "http://example.org",
          status: "member-ish",
          country: "FR",
          joinedOn: "2018-02-30",
        }),
      ),
    );
    expect(error.code).toBe("invalid");
    expect(error.details.fields).toEqual({
      nameDe: { key: "required" },
      nameEn: { key: "required" },
      website: { key: "invalidChoice" },
      status: { key: "invalidChoice" },
      country: { key: "invalidChoice" },
      joinedOn: { key: "date" },
    });
    expect((await refusal(createCity(organizer, cityForm({ memberSince: "2015" })))).details.fields).toEqual({
      memberSince: { key: "tooSmall" },
    });
    expect(
      (await refusal(createCity(organizer, cityForm({ joinedOn: "2018-04-23", memberSince: "2017" }))))
        .details.fields,
    ).toEqual({ memberSince: { key: "invalidChoice" } });
    expect(
      (await refusal(createCity(organizer, cityForm({ website: "taicang.gov.cn" })))).details.fields,
    ).toEqual({ website: { key: "invalidChoice" } });
  });
});

describe("editing a city", () => {
  it("is for organizers and admins, keeps the key when the English name changes, and records before and after", async () => {
    const { id, slug } = await createCity(organizer, cityForm());
    const renamed = uniqueName();
    expect(
      await roleOutcomes(actors, (actor) =>
        updateCity(actor, id, cityForm({ nameEn: renamed, status: "observer" })),
      ),
    ).toEqual(PROGRAM_EDITORS);
    const city = await db.city.findUniqueOrThrow({ where: { id } });
    expect(city).toMatchObject({ slug, nameEn: renamed, status: "observer" });
    const [first] = await db.auditEntry.findMany({
      where: { entityId: id, action: "city.update" },
      orderBy: { at: "asc" },
    });
    expect(first).toMatchObject({ entity: "City", actorId: organizer.id });
    expect(first!.before).toMatchObject({ status: "candidate" });
    expect(first!.after).toMatchObject({ status: "observer", nameEn: renamed });
  });

  it("answers not_found for a city that does not exist", async () => {
    expect(await outcome(updateCity(organizer, "no-such-city", cityForm()))).toBe("not_found");
    expect(await outcome(getCityForEdit(organizer, "no-such-city"))).toBe("not_found");
  });

  it("shows the form its values back, the check-in account nothing", async () => {
    const { id } = await createCity(
      organizer,
      cityForm({ status: "member", joinedOn: "2018-04-23", aliases: "浏河\nLiuhe" }),
    );
    expect((await getCityForEdit(organizer, id)).defaults).toMatchObject({
      aliases: "浏河\nLiuhe",
      joinedOn: "2018-04-23",
      memberSince: "2018",
      reviewNeeded: "on",
      status: "member",
    });
    expect(await outcome(getCityForEdit(actors.checkin, id))).toBe("forbidden");
    expect(await outcome(listCitiesForAdmin(actors.checkin))).toBe("forbidden");
  });
});

describe("other spellings", () => {
  it("refuses an alias that names another city, naming it in the organizer's language, and records nothing", async () => {
    const tag = uniqueName().slice(-6);
    const cologne = await createCity(
      organizer,
      cityForm({ nameDe: `Köln ${tag}`, nameEn: `Cologne ${tag}`, nameZh: `科隆${tag}`, aliases: "" }),
    );
    const other = await createCity(organizer, cityForm());
    const before = await lastAudit(other.id);

    // The other city's German name as it is typed, its Chinese name with 市, its English name: all refused.
    for (const [alias, locale, city] of [
      [`Koeln ${tag}`, "de", `Köln ${tag} 科隆${tag}`],
      [`科隆${tag}市`, "zh", `科隆${tag} Köln ${tag}`],
      [`COLOGNE-${tag}`, "en", `Cologne ${tag} 科隆${tag}`],
    ] as const) {
      const error = await refusal(
        updateCity(organizer, other.id, cityForm({ aliases: `Foo\n${alias}` }), locale),
      );
      expect(error.details.fields).toEqual({ aliases: { key: "aliasTaken", values: { alias, city } } });
    }
    expect(await lastAudit(other.id)).toEqual(before);
    expect(
      (await refusal(createCity(organizer, cityForm({ aliases: `Köln ${tag}` })))).details.fields,
    ).toMatchObject({ aliases: { key: "aliasTaken" } });

    // A city may repeat its own names among its aliases, and another city's alias is free once removed.
    await updateCity(
      organizer,
      cologne.id,
      cityForm({
        nameDe: `Köln ${tag}`,
        nameEn: `Cologne ${tag}`,
        nameZh: `科隆${tag}`,
        aliases: `Koeln ${tag}\nKöln ${tag}`,
      }),
    );
    expect(await db.city.findUniqueOrThrow({ where: { id: cologne.id } })).toMatchObject({
      aliases: [`Koeln ${tag}`, `Köln ${tag}`],
    });
    expect(await lastAudit(cologne.id)).toMatchObject({
      action: "city.update",
      before: { aliases: [] },
      after: { aliases: [`Koeln ${tag}`, `Köln ${tag}`] },
    });
  });
});

describe("who sees which city", () => {
  it("lists members publicly, observers when asked, never candidates or former members; the back office lists all, by status", async () => {
    const made = Object.fromEntries(
      await Promise.all(
        (["candidate", "member", "observer", "former"] as const).map(async (status) => [
          status,
          (await createCity(organizer, cityForm({ status, memberSince: status === "member" ? "2016" : "" })))
            .id,
        ]),
      ),
    ) as Record<"candidate" | "member" | "observer" | "former", string>;
    const ids = (cities: { id: string }[]) =>
      cities.map((city) => city.id).filter((id) => Object.values(made).includes(id));

    expect(ids(await listCities())).toEqual([made.member]);
    expect(ids(await listCities(["member", "observer"])).sort()).toEqual([made.member, made.observer].sort());
    expect(ids(await listCitiesForAdmin(organizer, "candidate"))).toEqual([made.candidate]);
    expect(ids(await listCitiesForAdmin(organizer)).sort()).toEqual(Object.values(made).sort());

    const json = await listCitiesJson();
    const slugs = await db.city.findMany({
      where: { id: { in: Object.values(made) } },
      select: { id: true, slug: true },
    });
    const slugOf = (id: string) => slugs.find((city) => city.id === id)!.slug;
    expect(
      json
        .map((city) => city.slug)
        .filter((slug) => slugs.some((city) => city.slug === slug))
        .sort(),
    ).toEqual([made.member, made.observer, made.former].map(slugOf).sort());
    const member = json.find((city) => city.slug === slugOf(made.member))!;
    expect(member).toEqual({
      slug: slugOf(made.member),
      name: { de: "Taicang", en: expect.any(String), zh: "太仓" },
      country: "CN",
      region: { de: "Jiangsu", en: "Jiangsu", zh: "江苏省" },
      website: "https://www.taicang.gov.cn/",
      status: "member",
      joinedOn: null,
      memberSince: 2016,
      inductedAt: null,
    });
    // The organizers' note and review flag stay in the back office.
    expect(JSON.stringify([json, await listCities(["member", "observer"])])).not.toMatch(
      /Delegation arrives|reviewNeeded|note/,
    );
  });
});
