import { beforeAll, describe, expect, it } from "vitest";
import { parseDeskFilters } from "@/app/_lib/registration/desk-filters";
import { db } from "@/app/_server/db";
import { listDeskRegistrations } from "@/app/_server/desk/desk-queries";
import { createActor } from "@/test/integration/actors";
import { DEMO_MEETING_SLUG, seedDemo } from "@/prisma/seed";
import { seedDemoDelegates } from "@/prisma/seed-delegates";
import { listMeetingsForAdmin } from "./admin-queries";

beforeAll(async () => {
  await seedDemo(db);
  await seedDemoDelegates(db);
}, 60_000);

describe("the back office's meeting card", () => {
  it("counts the demo's registrations as the desk's list does, split by status", async () => {
    const organizer = await createActor("organizer");
    const demo = (await listMeetingsForAdmin(organizer)).find((item) => item.slug === DEMO_MEETING_SLUG)!;
    expect(demo.registrations).toEqual({ confirmed: 51, pending: 4, cancelled: 1, rejected: 1 });
    const desk = await listDeskRegistrations(organizer, demo.id, parseDeskFilters({}));
    expect(desk.total).toBe(57);
    expect(Object.values(demo.registrations).reduce((sum, count) => sum + count, 0)).toBe(desk.total);
  });
});
