import { describe, expect, it } from "vitest";
import { db } from "@/app/_server/db";
import { seedAllianceFacts, seedDemo } from "./seed";

// One fresh database for the file: the steps build on each other, as on an installation.
describe("seedAllianceFacts", () => {
  it("loads the alliance, its 24 member cities and its two initiators, and no meeting", async () => {
    expect(await seedAllianceFacts(db)).toBe("24 cities, 2 people");
    expect(await db.alliance.count()).toBe(1);
    expect(await db.city.count()).toBe(24);
    const people = await db.person.findMany({
      select: { slug: true, initiator: true },
      orderBy: { slug: "asc" },
    });
    expect(people).toEqual([
      { slug: "ernst-schwanhold", initiator: true },
      { slug: "friedhelm-ost", initiator: true },
    ]);
    expect(await db.meeting.count()).toBe(0);
    expect(await db.session.count()).toBe(0);
  });

  it("changes nothing when run again, and keeps what organizers edited", async () => {
    await db.city.update({ where: { slug: "yunfu" }, data: { nameEn: "Yunfu (edited)" } });
    await db.person.update({ where: { slug: "friedhelm-ost" }, data: { positionEn: "edited" } });
    expect(await seedAllianceFacts(db)).toBe("24 cities, 2 people");
    expect(await db.city.count()).toBe(24);
    expect(await db.person.count()).toBe(2);
    expect((await db.city.findUniqueOrThrow({ where: { slug: "yunfu" } })).nameEn).toBe("Yunfu (edited)");
    expect((await db.person.findUniqueOrThrow({ where: { slug: "friedhelm-ost" } })).positionEn).toBe(
      "edited",
    );
  });

  it("leaves the demo to add the 2017 meeting and Köln's representative on top", async () => {
    expect(await seedDemo(db)).toMatch(/^24 cities, 3 people, \d+ sessions \(\d+ new\)$/);
    expect(await db.meeting.count()).toBe(1);
    expect(await db.city.count()).toBe(24);
    const berg = await db.person.findUniqueOrThrow({
      where: { slug: "ute-berg" },
      select: { initiator: true, city: { select: { slug: true } } },
    });
    expect(berg).toEqual({ initiator: false, city: { slug: "cologne" } });
  });
});
