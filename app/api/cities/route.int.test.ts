/**
 * GET /api/cities on the demo's data: every city that is public (members, observers, former members),
 * Köln admitted at the 2017 meeting, candidates and the organizers' notes left out.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/app/_server/db";
import { seedDemo } from "@/prisma/seed";
import { GET } from "./route";

beforeAll(async () => {
  await seedDemo(db);
  await db.city.create({
    data: {
      slug: "taicang",
      nameDe: "Taicang",
      nameEn: "Taicang",
      nameZh: "太仓",
      country: "CN",
      status: "candidate",
      note: "Invitation sent",
    },
  });
  await db.city.update({ where: { slug: "zhaoqing" }, data: { status: "former" } });
});

async function cities() {
  const response = await GET();
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return ((await response.json()) as { cities: Record<string, unknown>[] }).cities;
}

describe("GET /api/cities", () => {
  it("gives Köln as a member since 24 April 2017, admitted at meeting 2017", async () => {
    expect((await cities()).find((city) => city.slug === "cologne")).toEqual({
      slug: "cologne",
      name: { de: "Köln", en: "Cologne", zh: "科隆" },
      country: "DE",
      region: { de: "Nordrhein-Westfalen", en: "North Rhine-Westphalia", zh: "北莱茵-威斯特法伦州" },
      website: null,
      status: "member",
      joinedOn: "2017-04-24",
      memberSince: 2017,
      inductedAt: "2017",
    });
  });

  it("gives founders their year, Taizhou as the one in Zhejiang, former members too, and no candidate", async () => {
    const all = await cities();
    expect(all).toHaveLength(24);
    expect(all.find((city) => city.slug === "foshan")).toMatchObject({
      joinedOn: null,
      memberSince: 2016,
      inductedAt: null,
    });
    expect(all.find((city) => city.slug === "taizhou")).toMatchObject({
      name: { de: "Taizhou", en: "Taizhou", zh: "台州" },
      region: { de: "Zhejiang", en: "Zhejiang", zh: "浙江省" },
    });
    expect(all.find((city) => city.slug === "zhaoqing")).toMatchObject({ status: "former" });
    expect(all.find((city) => city.slug === "mainz")).toMatchObject({
      joinedOn: "2017-04-24",
      memberSince: 2017,
    });
    expect(all.find((city) => city.slug === "bottrop")).toMatchObject({ joinedOn: null, memberSince: null });
    expect(all.some((city) => city.slug === "taicang")).toBe(false);
    // Notes for organizers (Zhuzhou's spelling, Taizhou's two namesakes), other spellings and review flags stay internal.
    expect(JSON.stringify(all)).not.toMatch(
      /Zhuzhouan|namesake|Two Chinese cities|reviewNeeded|"note"|aliases|Koeln/,
    );
  });
});
