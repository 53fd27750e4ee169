import { beforeAll, describe, expect, it } from "vitest";
import { sessionFields } from "@/app/_lib/agenda/session-fields";
import { db } from "@/app/_server/db";
import { seedDemo } from "@/prisma/seed";
import { createActor } from "@/test/integration/actors";
import type { Actor } from "../authz";
import { createSession, updateSession } from "../agenda/mutations";
import { publishSession } from "../agenda/status-mutations";
import { recordAudit } from "./record";
import { listAuditEntries } from "./queries";

const SLUG = "2017";
let organizer: Actor;
let admin: Actor;
let hall2: string;
let opening: { id: string; titleDe: string; titleZh: string | null };

beforeAll(async () => {
  await seedDemo(db);
  organizer = await createActor("organizer");
  admin = await createActor("admin");
  const meetingId = (await db.meeting.findUniqueOrThrow({ where: { slug: SLUG } })).id;
  hall2 = (await db.room.findFirstOrThrow({ where: { meetingId, slug: "saal-2" } })).id;
  // The demo's opening in Saal 2, 09:30–10:00 in Berlin: the session below takes the same hall.
  opening = await db.session.findFirstOrThrow({
    where: { meetingId, roomId: hall2, startsAt: { lte: new Date("2017-04-24T07:45:00Z") } },
    orderBy: { startsAt: "asc" },
    select: { id: true, titleDe: true, titleZh: true },
  });
});

describe("the audit log, readable", () => {
  it("names the session, its meeting's zone, the reason and the accepted conflicts, linking the session", async () => {
    const saved = await createSession(
      organizer,
      SLUG,
      sessionFields.parse({
        titleDe: "Pressegespräch",
        titleZh: "媒体见面会",
        kind: "panel",
        date: "2017-04-24",
        startTime: "09:40",
        endTime: "09:55",
        roomId: hall2,
        override: true,
        reason: "Saal 2 ist groß genug für beide",
      }),
    );
    // Publishing checks the conflicts again, and takes the reason again.
    await publishSession(organizer, SLUG, saved.id, { reason: "Saal 2 ist groß genug für beide" });
    const page = await listAuditEntries(
      organizer,
      { meetingSlug: SLUG, action: "session." },
      undefined,
      "zh",
    );
    const [published, created] = page.entries;
    expect(published).toMatchObject({
      action: "session.publish",
      actor: { label: `Test organizer (${organizer.email})`, href: null },
      timeZone: "Europe/Berlin",
      target: { label: "媒体见面会", href: `/admin/meetings/${SLUG}/sessions/${saved.id}` },
      reason: "Saal 2 ist groß genug für beide",
    });
    expect(published!.acceptedConflicts).toEqual([
      expect.objectContaining({ kind: "room", with: expect.objectContaining({ id: opening.id }) }),
    ]);
    expect(created).toMatchObject({
      action: "session.create",
      reason: "Saal 2 ist groß genug für beide",
      target: { label: "媒体见面会", href: `/admin/meetings/${SLUG}/sessions/${saved.id}` },
    });
    expect(created!.acceptedConflicts).toEqual([
      expect.objectContaining({
        kind: "room",
        with: expect.objectContaining({ id: opening.id }),
        withTitle: expect.objectContaining({ de: opening.titleDe, zh: opening.titleZh }),
      }),
    ]);
    // The ids in the records read as names: the room of the session.
    expect(page.names[hall2]).toEqual({ label: "2号厅", href: `/admin/meetings/${SLUG}/rooms` });
  });

  it("records the conflicts an update accepts, and none once they are gone", async () => {
    const { id } = await createSession(
      organizer,
      SLUG,
      sessionFields.parse({
        titleDe: "Abend",
        kind: "networking",
        date: "2017-04-24",
        startTime: "20:00",
        endTime: "21:00",
      }),
    );
    const moved = { titleDe: "Abend", kind: "networking", startTime: "20:00", endTime: "21:00" };
    await updateSession(
      organizer,
      SLUG,
      id,
      sessionFields.parse({ ...moved, date: "2017-04-25", override: true, reason: "Vorabend" }),
    );
    const [entry] = (await listAuditEntries(organizer, { action: "session.update" }, undefined, "de"))
      .entries;
    expect(entry!.acceptedConflicts).toEqual([
      { kind: "outsideDays", startsOn: "2017-04-24", endsOn: "2017-04-24" },
    ]);
    expect(entry!.reason).toBe("Vorabend");
    await updateSession(organizer, SLUG, id, sessionFields.parse({ ...moved, date: "2017-04-24" }));
    const [cleared] = (await listAuditEntries(organizer, { action: "session.update" }, undefined, "de"))
      .entries;
    expect([cleared!.acceptedConflicts, cleared!.reason]).toEqual([[], null]);
  });

  it("names people in their order, the account of an admin with a link, and entries without a meeting in Berlin time", async () => {
    const person = await db.person.create({
      data: {
        slug: "li-qiang-audit",
        givenName: "Qiang",
        familyName: "Li",
        nativeName: "李强",
        nameOrder: "family_first",
      },
    });
    await db.$transaction((tx) =>
      recordAudit(tx, admin, {
        action: "person.update",
        entity: "Person",
        entityId: person.id,
        before: {},
        after: {},
      }),
    );
    const [entry] = (await listAuditEntries(admin, { action: "person." }, undefined, "de")).entries;
    expect(entry).toMatchObject({
      actor: { label: `Test admin (${admin.email})`, href: `/admin/accounts/${admin.id}` },
      target: { label: "Li Qiang (李强)", href: `/admin/people/${person.id}` },
      timeZone: "Europe/Berlin",
    });
  });
});
