import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/app/_server/db";
import { fileDatabase } from "@/test/integration/databases";
import { DEMO_MEETING_SLUG, seedDemo } from "./seed";

beforeAll(async () => {
  await seedDemo(db);
});

function meetingSession(slug: string) {
  return db.session.findFirstOrThrow({ where: { slug, meeting: { slug: DEMO_MEETING_SLUG } } });
}

/** Row count of every table the migrations created, so that a new table is covered without editing this. */
async function rowCounts(): Promise<Record<string, number>> {
  const database = fileDatabase();
  const tables = await database.query<{ name: string }>(`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
    ORDER BY c.relname`);
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await database.query<{ count: number }>(`SELECT count(*)::int AS count FROM "${name}"`);
    counts[name] = row!.count;
  }
  return counts;
}

describe("seedDemo", () => {
  it("creates the 24 member cities: 10 German, 14 Chinese", async () => {
    expect(await db.city.count()).toBe(24);
    expect(await db.city.count({ where: { country: "DE" } })).toBe(10);
    expect(await db.city.count({ where: { country: "CN" } })).toBe(14);
  });

  it("creates the 2017 meeting on Monday 24 April 2017 in Europe/Berlin", async () => {
    const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: "2017" } });
    expect(meeting.startsOn.toISOString()).toBe("2017-04-24T00:00:00.000Z");
    expect(meeting.endsOn.toISOString()).toBe("2017-04-24T00:00:00.000Z");
    expect(meeting.timeZone).toBe("Europe/Berlin");
  });

  it("admits Köln, joined on 24 April 2017, in the ceremony session", async () => {
    const cologne = await db.city.findUniqueOrThrow({ where: { slug: "cologne" } });
    expect(cologne.nameDe).toBe("Köln");
    expect(cologne.joinedOn?.toISOString()).toBe("2017-04-24T00:00:00.000Z");

    const ceremonies = await db.session.findMany({
      where: { kind: "ceremony", meeting: { slug: DEMO_MEETING_SLUG } },
      include: { inductees: { include: { city: true } } },
    });
    expect(ceremonies).toHaveLength(1);
    expect(ceremonies[0]!.inductees.map((inductee) => inductee.city.slug)).toEqual(["cologne"]);
    // The ceremony is held (marked at its end, 11:45 in Hannover) and admitted Köln.
    expect(ceremonies[0]!.heldAt?.toISOString()).toBe("2017-04-24T09:45:00.000Z");
    expect(cologne).toMatchObject({
      status: "member",
      memberSince: 2017,
      inductedBySessionId: ceremonies[0]!.id,
      aliases: ["Koeln", "Cologne", "Köln", "科隆"],
      regionDe: "Nordrhein-Westfalen",
    });
  });

  it("makes every city a member: founders and the 2016 joiners since 2016, the three admitted in 2017 with their day, no year where the sources give none", async () => {
    const cities = await db.city.findMany({
      select: { slug: true, status: true, memberSince: true, joinedOn: true },
    });
    expect(cities.every((city) => city.status === "member")).toBe(true);
    const since = (year: number | null) =>
      cities
        .filter((city) => city.memberSince === year)
        .map((city) => city.slug)
        .sort();
    expect(since(2016)).toHaveLength(20);
    expect(since(2016)).toEqual(
      expect.arrayContaining(["foshan", "taizhou", "nanchang", "maanshan", "baoan-district", "aachen"]),
    );
    expect(since(null)).toEqual(["bottrop"]);
    expect(since(2017)).toEqual(["cologne", "mainz", "nuremberg"]);
    expect(
      cities
        .filter((city) => city.joinedOn?.toISOString() === "2017-04-24T00:00:00.000Z")
        .map((city) => city.slug)
        .sort(),
    ).toEqual(["cologne", "mainz", "nuremberg"]);
  });

  it("finds cities by their other spellings; Taizhou is the one in Zhejiang", async () => {
    const find = async (alias: string) =>
      (await db.city.findMany({ where: { aliases: { has: alias } }, select: { slug: true } })).map(
        (c) => c.slug,
      );
    expect(await find("佛山市")).toEqual(["foshan"]);
    expect(await find("Nuernberg")).toEqual(["nuremberg"]);
    expect(await find("Ma'anshan")).toEqual(["maanshan"]);
    expect(await find("深圳宝安")).toEqual(["baoan-district"]);
    expect(await find("Taizhou (Zhejiang)")).toEqual(["taizhou"]);
    const foshan = await db.city.findUniqueOrThrow({ where: { slug: "foshan" } });
    expect([foshan.regionDe, foshan.regionEn, foshan.regionZh]).toEqual(["Guangdong", "Guangdong", "广东省"]);
    const taizhou = await db.city.findUniqueOrThrow({ where: { slug: "taizhou" } });
    expect([taizhou.nameZh, taizhou.regionDe, taizhou.regionZh]).toEqual(["台州", "Zhejiang", "浙江省"]);
  });

  it("publishes a program of at least 10 sessions in 3+ rooms and 3+ tracks, some with limited seats", async () => {
    const sessions = await db.session.findMany({
      where: { status: "published", meeting: { slug: DEMO_MEETING_SLUG } },
    });
    expect(sessions.length).toBeGreaterThanOrEqual(10);
    expect(new Set(sessions.map((session) => session.roomId).filter(Boolean)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(sessions.map((session) => session.trackId).filter(Boolean)).size).toBeGreaterThanOrEqual(
      3,
    );
    expect(sessions.map((session) => session.capacity)).toEqual(expect.arrayContaining([30, 20]));
  });

  it("opens at 09:30 in Hannover, which is 07:30 UTC in summer time", async () => {
    const opening = await meetingSession("eroeffnung");
    expect(opening.startsAt.toISOString()).toBe("2017-04-24T07:30:00.000Z");
    expect(DateTime.fromJSDate(opening.startsAt, { zone: "Europe/Berlin" }).toFormat("HH:mm ZZ")).toBe(
      "09:30 +02:00",
    );
  });

  it("fills the ceremony's 45-minute slot exactly with its run-of-show, Ute Berg taking part", async () => {
    const ceremony = await db.session.findFirstOrThrow({
      where: { kind: "ceremony", meeting: { slug: DEMO_MEETING_SLUG } },
      include: {
        segments: { orderBy: { position: "asc" }, include: { participants: { include: { person: true } } } },
      },
    });
    const slotMinutes = (ceremony.endsAt.getTime() - ceremony.startsAt.getTime()) / 60_000;
    expect(slotMinutes).toBe(45);
    expect(ceremony.segments.length).toBeGreaterThan(1);
    expect(ceremony.segments.map((segment) => segment.position)).toEqual(
      ceremony.segments.map((_, index) => index),
    );
    expect(ceremony.segments.reduce((sum, segment) => sum + segment.durationMinutes, 0)).toBe(slotMinutes);

    const participants = ceremony.segments.flatMap((segment) =>
      segment.participants.map(({ person }) => person),
    );
    expect(participants).toContainEqual(
      expect.objectContaining({ slug: "ute-berg", givenName: "Ute", familyName: "Berg" }),
    );
  });

  it("seats Schwanhold, Ost and Berg in that order; all three speak, Ost and Berg sign", async () => {
    const officials = await db.ceremonyOfficial.findMany({
      where: { session: { slug: "aufnahme-koeln", meeting: { slug: DEMO_MEETING_SLUG } } },
      orderBy: { precedence: "asc" },
      select: { precedence: true, speaks: true, signs: true, person: { select: { slug: true } } },
    });
    expect(
      officials.map((official) => [
        official.person.slug,
        official.precedence,
        official.speaks,
        official.signs,
      ]),
    ).toEqual([
      ["ernst-schwanhold", 0, true, false],
      ["friedhelm-ost", 1, true, true],
      ["ute-berg", 2, true, true],
    ]);
  });

  it("changes nothing when run again, and keeps what organizers edited", async () => {
    await db.session.update({
      where: { id: (await meetingSession("panel-forschung")).id },
      data: { titleDe: "Podium (geändert)" },
    });
    await db.city.update({ where: { slug: "yunfu" }, data: { nameEn: "Yunfu (edited)" } });
    const before = await rowCounts();
    // Every table holds seed data, except those that only people fill, by registering.
    const empty = Object.keys(before)
      .filter((table) => before[table] === 0)
      .sort();
    // Accounts come from seedDemoAccounts and delegates from seedDemoDelegates, not from seedDemo; the app's
    // secret from start-up (the test setup reads it, as a server does); setup links from a start without an
    // admin; sessions, second factors and their policies, and messages to delegates from organizers; the
    // calendar UID domain from the first calendar made; the live show and its monitor links on the day.
    expect(empty).toEqual([
      "AccessToken",
      "AuditEntry",
      "CheckIn",
      "CityQuota",
      "DelegateMessage",
      "DelegateMessageRecipient",
      "IdempotencyKey",
      "InstallationSetting",
      "KnownSignInAddress",
      "LiveShow",
      "LiveShowCommand",
      "LiveShowSegment",
      "MonitorToken",
      "OutboxEmail",
      "RateLimit",
      "RecoveryCode",
      "Registration",
      "RolePolicy",
      "SessionSeat",
      "SetupToken",
      "User",
      "UserSession",
      "UserToken",
    ]);

    await seedDemo(db);

    expect(await rowCounts()).toEqual(before);
    expect((await meetingSession("panel-forschung")).titleDe).toBe("Podium (geändert)");
    expect((await db.city.findUniqueOrThrow({ where: { slug: "yunfu" } })).nameEn).toBe("Yunfu (edited)");
  });
});
