import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/app/_server/db";
import { DEMO_MEETING_SLUG, seedDemo } from "./seed";
import { seedDemoAccounts } from "./seed-accounts";
import { seedDemoDelegates } from "./seed-delegates";
import { demoDelegates } from "./seed-data/demo-delegates";

let seeded = 0;

beforeAll(async () => {
  await seedDemo(db);
  await seedDemoAccounts(db);
  seeded = await seedDemoDelegates(db);
}, 60_000);

describe("seedDemoDelegates", () => {
  it("registers every invented delegate once, each with a check-in code and the email of their state", async () => {
    expect(seeded).toBe(demoDelegates.length);
    const registrations = await db.registration.findMany({
      where: { meeting: { slug: DEMO_MEETING_SLUG } },
      select: { status: true, checkInCode: true, cityId: true, cityOther: true },
    });
    expect(registrations).toHaveLength(demoDelegates.length);
    expect(new Set(registrations.map((row) => row.checkInCode)).size).toBe(registrations.length);
    expect(registrations.every((row) => row.cityId !== null || row.cityOther !== null)).toBe(true);
    const count = (status: string) => registrations.filter((row) => row.status === status).length;
    expect({ pending: count("pending"), cancelled: count("cancelled"), rejected: count("rejected") }).toEqual(
      { pending: 4, cancelled: 1, rejected: 1 },
    );
    expect(await db.outboxEmail.count({ where: { status: "queued" } })).toBe(demoDelegates.length);
  });

  it("sends a delegation from each of the 24 member cities, heads first, within the demo quota", async () => {
    const heads = await db.registration.groupBy({
      by: ["cityId"],
      where: { role: "head_of_delegation", cityId: { not: null } },
      _count: true,
    });
    expect(heads).toHaveLength(24);
    const perCity = await db.registration.groupBy({
      by: ["cityId"],
      where: { cityId: { not: null } },
      _count: true,
    });
    expect(Math.max(...perCity.map((row) => row._count))).toBeLessThanOrEqual(6);
    expect(await db.cityQuota.count()).toBe(24);
  });

  it("keeps the seat invariant: counters equal seat rows, never above capacity, a numbered waiting list for the investment workshop", async () => {
    const sessions = await db.session.findMany({
      where: { meeting: { slug: DEMO_MEETING_SLUG } },
      select: {
        slug: true,
        capacity: true,
        seatsTaken: true,
        _count: { select: { seats: { where: { status: "confirmed" } } } },
      },
    });
    for (const session of sessions) {
      expect(session.seatsTaken, session.slug).toBe(session._count.seats);
      if (session.capacity !== null)
        expect(session.seatsTaken, session.slug).toBeLessThanOrEqual(session.capacity);
    }
    const workshop = await db.session.findFirstOrThrow({
      where: { slug: "workshop-investitionen" },
      select: { id: true, capacity: true, seatsTaken: true },
    });
    expect(workshop.seatsTaken).toBe(workshop.capacity);
    const waiting = await db.sessionSeat.findMany({
      where: { sessionId: workshop.id, status: "waitlisted" },
      orderBy: { waitlistNumber: "asc" },
      select: { waitlistNumber: true },
    });
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.map((seat) => seat.waitlistNumber)).toEqual(waiting.map((_, index) => index + 1));
    expect(
      await db.sessionSeat.count({ where: { registration: { status: { in: ["cancelled", "rejected"] } } } }),
    ).toBe(0);
  });

  it("checks in only confirmed delegates, on the meeting's morning, by the demo's check-in account", async () => {
    const checkIns = await db.checkIn.findMany({
      select: { at: true, staffEmail: true, registration: { select: { status: true } } },
    });
    expect(checkIns.length).toBeGreaterThan(0);
    for (const checkIn of checkIns) {
      expect(checkIn.registration.status).toBe("confirmed");
      expect(checkIn.staffEmail).toBe("checkin@demo.example");
      expect(checkIn.at.toISOString().slice(0, 10)).toBe("2017-04-24");
    }
  });

  it("does nothing a second time: the meeting has registrations", async () => {
    expect(await seedDemoDelegates(db)).toBe(0);
    expect(await db.registration.count()).toBe(demoDelegates.length);
  });
});
