import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/app/_server/db";
import { AppError } from "@/app/_server/errors";
import { getRunOfShow } from "@/app/_server/ceremonies/queries";
import { getMeeting, listInductees, listMeetings } from "@/app/_server/meetings/queries";
import { seedDemo } from "@/prisma/seed";
import { createMeetingRow } from "@/test/integration/factories";
import { getAgenda, getSession } from "./queries";

async function expectNotFound(promise: Promise<unknown>): Promise<void> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("not_found");
}

describe("public agenda queries", () => {
  let meetingId: string;

  beforeAll(async () => {
    await seedDemo(db);
    meetingId = (await db.meeting.findUniqueOrThrow({ where: { slug: "2017" } })).id;
  });

  it("lists the published meeting with its facts", async () => {
    expect((await listMeetings()).map((meeting) => meeting.slug)).toEqual(["2017"]);
    const meeting = await getMeeting("2017");
    expect(meeting).toMatchObject({
      startsOn: "2017-04-24",
      endsOn: "2017-04-24",
      timeZone: "Europe/Berlin",
      exampleProgram: true,
    });
    expect((await listInductees(meetingId)).map((city) => city.slug)).toEqual(["cologne"]);
    await expectNotFound(getMeeting("1999"));
  });

  it("returns published and cancelled sessions in time order, never drafts", async () => {
    const before = await getAgenda("2017");
    expect(before.sessions).toHaveLength(13);
    const starts = before.sessions.map((session) => session.startsAt);
    expect(starts).toEqual([...starts].sort());

    const tour = await db.session.findFirstOrThrow({ where: { meetingId, slug: "messerundgang" } });
    const panel = await db.session.findFirstOrThrow({ where: { meetingId, slug: "panel-forschung" } });
    await db.session.update({ where: { id: tour.id }, data: { status: "draft" } });
    await db.session.update({ where: { id: panel.id }, data: { status: "cancelled" } });
    try {
      const after = await getAgenda("2017");
      expect(after.sessions.map((session) => session.id)).not.toContain(tour.id);
      expect(after.sessions.find((session) => session.id === panel.id)?.status).toBe("cancelled");
      await expectNotFound(getSession("2017", tour.id));
      expect((await getSession("2017", panel.id)).status).toBe("cancelled");
    } finally {
      await db.session.update({ where: { id: tour.id }, data: { status: "published" } });
      await db.session.update({ where: { id: panel.id }, data: { status: "published" } });
    }
  });

  it("counts seats left from the seats taken", async () => {
    const workshop = await db.session.findFirstOrThrow({
      where: { meetingId, slug: "workshop-smart-manufacturing" },
    });
    await db.session.update({ where: { id: workshop.id }, data: { seatsTaken: 28 } });
    try {
      expect(await getSession("2017", workshop.id)).toMatchObject({ capacity: 30, seatsLeft: 2 });
    } finally {
      await db.session.update({ where: { id: workshop.id }, data: { seatsTaken: 0 } });
    }
    const opening = await db.session.findFirstOrThrow({ where: { meetingId, slug: "eroeffnung" } });
    expect(await getSession("2017", opening.id)).toMatchObject({
      capacity: null,
      seatsLeft: null,
      startsAt: "2017-04-24T07:30:00.000Z",
    });
  });

  it("does not show a session under another meeting's slug", async () => {
    const other = await createMeetingRow({ slug: `other-${Date.now()}` });
    const opening = await db.session.findFirstOrThrow({ where: { meetingId, slug: "eroeffnung" } });
    await expectNotFound(getSession(other.slug, opening.id));
    await expectNotFound(getSession("2017", "no-such-id"));
    await db.meeting.delete({ where: { id: other.id } });
  });

  it("computes the ceremony's run-of-show from its start", async () => {
    const ceremony = await db.session.findFirstOrThrow({ where: { meetingId, kind: "ceremony" } });
    const runOfShow = await getRunOfShow(await getSession("2017", ceremony.id));
    expect(runOfShow.segments.map((segment) => segment.startsAt.slice(11, 16))).toEqual([
      "09:00",
      "09:05",
      "09:13",
      "09:23",
      "09:30",
      "09:35",
      "09:40",
    ]);
    expect(runOfShow.totalMinutes).toBe(45);
    expect(runOfShow.overrunMinutes).toBe(0);
    expect(runOfShow.segments[2]!.participants.map((person) => person.familyName)).toEqual(["Berg"]);
    expect(runOfShow.inductees.map((city) => city.name.de)).toEqual(["Köln"]);
  });
});
