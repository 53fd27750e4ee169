import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/app/_server/db";
import { seedDemo } from "@/prisma/seed";
import { agendaVersion } from "./agenda-version";

/** The version the agenda's JSON, feeds and page cache (app/_http/page-cache.ts) trust to see every change. */
describe("the public agenda's data version", () => {
  let meetingId: string;

  beforeAll(async () => {
    await seedDemo(db);
    meetingId = (await db.meeting.findUniqueOrThrow({ where: { slug: "2017" } })).id;
  });

  const current = async () => (await agendaVersion("2017"))!.version;

  it("changes with everything the agenda page shows, and only then", async () => {
    const versions = [await current()];
    const expectChange = async (change: () => Promise<unknown>) => {
      await change();
      const next = await current();
      expect(versions).not.toContain(next);
      versions.push(next);
    };
    const expectSame = async (change: () => Promise<unknown>) => {
      await change();
      expect(await current()).toBe(versions.at(-1));
    };

    const workshop = await db.session.findFirstOrThrow({
      where: { meetingId, kind: "workshop", capacity: { not: null } },
    });
    await expectChange(
      () => db.$executeRaw`UPDATE "Session" SET "seatsTaken" = "seatsTaken" + 1 WHERE "id" = ${workshop.id}`,
    );
    await expectChange(() =>
      db.meeting.update({ where: { id: meetingId }, data: { titleEn: "Annual meeting 2017 (renamed)" } }),
    );
    await expectChange(() =>
      db.alliance.update({
        where: { id: 1 },
        data: { nameEn: "Chinese-German Industrial Cities Alliance (renamed)" },
      }),
    );
    const person = await db.person.findFirstOrThrow({
      where: { sessions: { some: { session: { meetingId, status: "published" } } } },
    });
    await expectChange(() =>
      db.person.update({ where: { id: person.id }, data: { positionEn: "Mayor (renamed)" } }),
    );
    await expectChange(() => db.room.updateMany({ where: { meetingId }, data: { location: "Hall 9" } }));

    // A draft is not on the agenda.
    await expectSame(() =>
      db.session.create({
        data: {
          meetingId,
          slug: "draft-only",
          kind: "panel",
          status: "draft",
          titleDe: "Entwurf",
          titleEn: "Draft",
          titleZh: "草稿",
          startsAt: new Date("2017-04-24T08:00:00Z"),
          endsAt: new Date("2017-04-24T09:00:00Z"),
        },
      }),
    );
    expect(await agendaVersion("1999")).toBeNull();
    expect(await agendaVersion("not a slug")).toBeNull();
  });
});
