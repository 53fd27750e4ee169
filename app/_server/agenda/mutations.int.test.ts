import { beforeAll, describe, expect, it } from "vitest";
import { sessionFields, type SessionInput } from "@/app/_lib/agenda/session-fields";
import type { UserRole } from "@/app/_lib/roles";
import { db } from "@/app/_server/db";
import { seedDemo } from "@/prisma/seed";
import { createActor, outcome } from "@/test/integration/actors";
import { delegate, seatReport } from "@/test/integration/factories";
import type { Actor } from "../authz";
import { register } from "../registration/register";
import { getMeetingProgram, getSessionEditor } from "./admin-queries";
import { createSession, updateSession } from "./mutations";
import { cancelSession, deleteSession, publishSession, unpublishSession } from "./status-mutations";
import { refusal } from "@/test/integration/refusal";

const SLUG = "2017";
let meetingId: string;
let organizer: Actor;
let hall2: string;
let room13: string;
let ostId: string;

beforeAll(async () => {
  await seedDemo(db);
  meetingId = (await db.meeting.findUniqueOrThrow({ where: { slug: SLUG } })).id;
  organizer = await createActor("organizer");
  hall2 = (await db.room.findFirstOrThrow({ where: { meetingId, slug: "saal-2" } })).id;
  room13 = (await db.room.findFirstOrThrow({ where: { meetingId, slug: "raum-13" } })).id;
  ostId = (await db.person.findUniqueOrThrow({ where: { slug: "friedhelm-ost" } })).id;
});

/**
 * The editor's input, parsed as the form's would be. By default in the evening of the meeting's day,
 * without room or people: sessions like that clash with nothing, not even each other.
 */
function input(overrides: Record<string, unknown> = {}): SessionInput {
  return sessionFields.parse({
    titleDe: "Abendgespräch",
    kind: "networking",
    date: "2017-04-24",
    startTime: "20:00",
    endTime: "21:00",
    ...overrides,
  });
}

async function publishedSession(capacity: number): Promise<string> {
  const { id } = await createSession(organizer, SLUG, input({ capacity: String(capacity) }));
  await publishSession(organizer, SLUG, id);
  return id;
}

async function registerFor(sessionId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++)
    ids.push((await register(SLUG, delegate({ sessionIds: [sessionId] }), { locale: "en" })).id);
  return ids;
}

function lastAudit(entityId: string) {
  return db.auditEntry.findFirstOrThrow({ where: { entity: "Session", entityId }, orderBy: { at: "desc" } });
}

describe("who may change the program", () => {
  const operations: Record<string, (actor: Actor | null) => Promise<unknown>> = {
    create: (actor) => createSession(actor, SLUG, input()),
    update: async (actor) =>
      updateSession(
        actor,
        SLUG,
        (await createSession(organizer, SLUG, input())).id,
        input({ titleDe: "Neu" }),
      ),
    publish: async (actor) => publishSession(actor, SLUG, (await createSession(organizer, SLUG, input())).id),
    unpublish: async (actor) => unpublishSession(actor, SLUG, await publishedSession(5)),
    cancel: async (actor) => cancelSession(actor, SLUG, await publishedSession(5)),
    delete: async (actor) => deleteSession(actor, SLUG, (await createSession(organizer, SLUG, input())).id),
  };
  const expected: [UserRole | null, string][] = [
    [null, "unauthenticated"],
    ["checkin", "forbidden"],
    ["organizer", "ok"],
    ["admin", "ok"],
  ];
  for (const [name, operation] of Object.entries(operations)) {
    it(`${name}: anonymous → unauthenticated, check-in → forbidden, organizer and admin → ok`, async () => {
      for (const [role, result] of expected) {
        const actor = role ? await createActor(role) : null;
        expect([role, await outcome(operation(actor))]).toEqual([role, result]);
      }
    });
  }

  it("refuses reading the program without the permission", async () => {
    expect(await outcome(getMeetingProgram(null, SLUG))).toBe("unauthenticated");
    expect(await outcome(getSessionEditor(await createActor("checkin"), SLUG))).toBe("forbidden");
  });
});

describe("creating and editing", () => {
  it("creates a draft in the meeting's zone, stores missing translations as null, and audits it", async () => {
    const saved = await createSession(
      organizer,
      SLUG,
      input({
        titleDe: "Gespräch über Städte",
        titleEn: "  ",
        speakers: [{ personId: ostId, role: "moderator" }],
        languages: ["de", "zh"],
        capacity: "",
      }),
    );
    const row = await db.session.findUniqueOrThrow({ where: { id: saved.id }, include: { speakers: true } });
    expect(row).toMatchObject({
      status: "draft",
      titleEn: null,
      titleZh: null,
      capacity: null,
      sequence: 0,
      conflictNote: null,
      languages: ["de", "zh"],
    });
    expect(row.slug).toMatch(/^gesprach-uber-stadte(-\d+)?$/);
    expect([row.startsAt.toISOString(), row.endsAt.toISOString()]).toEqual([
      "2017-04-24T18:00:00.000Z",
      "2017-04-24T19:00:00.000Z",
    ]);
    expect(row.speakers).toEqual([
      expect.objectContaining({ personId: ostId, role: "moderator", position: 0 }),
    ]);
    const audit = await lastAudit(saved.id);
    expect(audit).toMatchObject({
      action: "session.create",
      meetingId,
      actorId: organizer.id,
      before: null,
      reason: null,
    });
    expect(audit.after).toMatchObject({ id: saved.id, titleDe: "Gespräch über Städte", status: "draft" });
  });

  it("refuses a room, track or person that does not belong", async () => {
    const error = await refusal(
      createSession(
        organizer,
        SLUG,
        input({ roomId: "nope", speakers: [{ personId: "nobody", role: "speaker" }] }),
      ),
    );
    expect(error.details.fields).toEqual({
      roomId: { key: "invalidChoice" },
      "speakers.0.personId": { key: "invalidChoice" },
    });
  });

  it("raises SEQUENCE exactly on changes of time, room and status once published, not of the title", async () => {
    const { id } = await createSession(organizer, SLUG, input());
    const row = () => db.session.findUniqueOrThrow({ where: { id } });
    const sequence = async () => (await row()).sequence;
    // A draft reached no calendar: whatever changes, the version a calendar first sees is 0.
    await updateSession(organizer, SLUG, id, input({ titleDe: "Anderer Titel", startTime: "20:15" }));
    expect(await sequence()).toBe(0);
    await publishSession(organizer, SLUG, id);
    expect(await row()).toMatchObject({ sequence: 0, firstPublishedAt: expect.any(Date) });
    const { firstPublishedAt } = await row();

    await updateSession(
      organizer,
      SLUG,
      id,
      input({ titleDe: "Anderer Titel", descriptionEn: "More", startTime: "20:15" }),
    );
    expect(await sequence()).toBe(0);
    await updateSession(organizer, SLUG, id, input({ titleDe: "Anderer Titel", startTime: "20:30" }));
    expect(await sequence()).toBe(1);
    const foyer = (await db.room.findFirstOrThrow({ where: { meetingId, slug: "eingang-nord" } })).id;
    await updateSession(
      organizer,
      SLUG,
      id,
      input({ titleDe: "Anderer Titel", startTime: "20:30", roomId: foyer }),
    );
    expect(await sequence()).toBe(2);
    await publishSession(organizer, SLUG, id);
    expect(await sequence()).toBe(2);
    await cancelSession(organizer, SLUG, id);
    expect(await row()).toMatchObject({ sequence: 3, firstPublishedAt });
    const audit = await lastAudit(id);
    expect(audit).toMatchObject({ action: "session.cancel" });
    expect([(audit.before as { status: string }).status, (audit.after as { status: string }).status]).toEqual(
      ["published", "cancelled"],
    );
  });
});

describe("scheduling conflicts", () => {
  const cases: [string, Record<string, unknown>, string[]][] = [
    ["room double-booked", { roomId: "hall2", startTime: "09:45", endTime: "10:15" }, ["room", "room"]],
    [
      "person double-booked",
      { startTime: "09:40", endTime: "09:50", speakers: [{ personId: "ost", role: "speaker" }] },
      ["person"],
    ],
    ["outside the meeting's days", { date: "2017-04-25" }, ["outsideDays"]],
    [
      "capacity above the room's",
      { roomId: "room13", startTime: "07:00", endTime: "07:45", capacity: "50" },
      ["roomCapacity"],
    ],
  ];
  const resolve = (overrides: Record<string, unknown>) => ({
    ...overrides,
    ...(overrides.roomId === "hall2" && { roomId: hall2 }),
    ...(overrides.roomId === "room13" && { roomId: room13 }),
    ...(overrides.speakers ? { speakers: [{ personId: ostId, role: "speaker" }] } : {}),
  });

  for (const [name, overrides, kinds] of cases) {
    it(`refuses ${name} with the conflicts listed`, async () => {
      const error = await refusal(createSession(organizer, SLUG, input(resolve(overrides))));
      expect(error.code).toBe("conflict");
      expect((error.details.conflicts as { kind: string }[]).map((conflict) => conflict.kind)).toEqual(kinds);
    });
  }

  it("names what clashes: the other session's titles and the person", async () => {
    const error = await refusal(createSession(organizer, SLUG, input(resolve(cases[1]![1]))));
    expect(error.details.conflicts).toEqual([
      expect.objectContaining({
        kind: "person",
        personId: ostId,
        person: expect.objectContaining({ givenName: "Friedhelm", familyName: "Ost" }),
        withTitle: expect.objectContaining({ de: expect.any(String) }),
        with: expect.objectContaining({
          startsAt: "2017-04-24T07:30:00.000Z",
          endsAt: "2017-04-24T08:00:00.000Z",
        }),
      }),
    ]);
    const outside = await refusal(createSession(organizer, SLUG, input({ date: "2017-04-25" })));
    expect(outside.details.conflicts).toEqual([
      { kind: "outsideDays", startsOn: "2017-04-24", endsOn: "2017-04-24" },
    ]);
  });

  it("saves anyway with a reason, keeps it on the session and in the audit entry, and clears it once resolved", async () => {
    const missing = await refusal(
      createSession(organizer, SLUG, input({ date: "2017-04-25", override: true })),
    );
    expect([missing.code, missing.details.fields]).toEqual([
      "invalid",
      { reason: { key: "reasonRequired" } },
    ]);

    const saved = await createSession(
      organizer,
      SLUG,
      input({ date: "2017-04-25", override: true, reason: "Vorabend-Treffen" }),
    );
    expect(saved.conflictNote).toBe("Vorabend-Treffen");
    expect((await db.session.findUniqueOrThrow({ where: { id: saved.id } })).conflictNote).toBe(
      "Vorabend-Treffen",
    );
    expect((await lastAudit(saved.id)).reason).toBe("Vorabend-Treffen");
    const program = await getMeetingProgram(organizer, SLUG);
    expect(
      program.sessions.find((session) => session.id === saved.id)?.conflicts.map((conflict) => conflict.kind),
    ).toEqual(["outsideDays"]);
    expect(program.days).toEqual(["2017-04-24", "2017-04-25"]);

    // Editing it again with the conflict still there needs the decision again.
    expect(
      (await refusal(updateSession(organizer, SLUG, saved.id, input({ date: "2017-04-25", titleDe: "X" }))))
        .code,
    ).toBe("conflict");

    await updateSession(organizer, SLUG, saved.id, input({ override: true, reason: "not needed" }));
    const resolved = await db.session.findUniqueOrThrow({ where: { id: saved.id } });
    expect(resolved.conflictNote).toBeNull();
    expect((await lastAudit(saved.id)).reason).toBeNull();
  });

  it("lets a cancelled session free its room", async () => {
    const first = await createSession(
      organizer,
      SLUG,
      input({ roomId: room13, startTime: "08:00", endTime: "08:30" }),
    );
    expect(
      (
        await refusal(
          createSession(organizer, SLUG, input({ roomId: room13, startTime: "08:15", endTime: "08:45" })),
        )
      ).code,
    ).toBe("conflict");
    await cancelSession(organizer, SLUG, first.id);
    expect(
      await outcome(
        createSession(organizer, SLUG, input({ roomId: room13, startTime: "08:15", endTime: "08:45" })),
      ),
    ).toBe("ok");
  });
});

describe("seats", () => {
  it("refuses a capacity below the seats taken", async () => {
    const id = await publishedSession(3);
    await registerFor(id, 2);
    const error = await refusal(updateSession(organizer, SLUG, id, input({ capacity: "1" })));
    expect([error.code, error.details.fields]).toEqual([
      "invalid",
      { capacity: { key: "capacityBelowTaken", values: { taken: 2 } } },
    ]);
    expect(await outcome(updateSession(organizer, SLUG, id, input({ capacity: "2" })))).toBe("ok");
  });

  it("moves the waiting list up when the capacity rises, and queues their emails", async () => {
    const id = await publishedSession(1);
    const [first, second, third] = await registerFor(id, 3);
    const saved = await updateSession(organizer, SLUG, id, input({ capacity: "2" }));
    expect(saved.promoted).toEqual([second]);
    const report = await seatReport(id);
    expect([report.seatsTaken, report.confirmed.map((seat) => seat.registrationId).sort()]).toEqual([
      2,
      [first, second].sort(),
    ]);
    expect(report.waitlisted.map((seat) => seat.registrationId)).toEqual([third]);
    expect(
      await db.outboxEmail.count({ where: { registrationId: second, kind: "registration.promoted" } }),
    ).toBe(1);

    // No limit at all: everyone waiting gets a seat.
    expect((await updateSession(organizer, SLUG, id, input({ capacity: "" }))).promoted).toEqual([third]);
  });

  it("fills free seats when a session is published again, keeps seats when it is cancelled, and deletes only unbooked drafts", async () => {
    const id = await publishedSession(1);
    const [, waiting] = await registerFor(id, 2);
    await unpublishSession(organizer, SLUG, id);
    expect((await updateSession(organizer, SLUG, id, input({ capacity: "2" }))).promoted).toEqual([]);
    expect((await publishSession(organizer, SLUG, id)).promoted).toEqual([waiting]);

    await cancelSession(organizer, SLUG, id);
    expect((await seatReport(id)).confirmed).toHaveLength(2);

    const notDraft = await refusal(deleteSession(organizer, SLUG, id));
    expect(notDraft.details.fields).toEqual({ confirm: { key: "sessionNotDraft" } });
    await unpublishSession(organizer, SLUG, id);
    const booked = await refusal(deleteSession(organizer, SLUG, id));
    expect(booked.details.fields).toEqual({ confirm: { key: "sessionHasBookings", values: { count: 2 } } });

    const { id: draft } = await createSession(organizer, SLUG, input());
    await deleteSession(organizer, SLUG, draft);
    expect(await db.session.count({ where: { id: draft } })).toBe(0);
    const audit = await lastAudit(draft);
    expect(audit).toMatchObject({
      action: "session.delete",
      after: null,
      before: expect.objectContaining({ id: draft, status: "draft" }),
    });
  });

  it("answers not_found for a session of another meeting or an unknown id", async () => {
    expect(await outcome(updateSession(organizer, SLUG, "unknown", input()))).toBe("not_found");
    expect(await outcome(publishSession(organizer, "no-such-meeting", "x"))).toBe("not_found");
  });
});
