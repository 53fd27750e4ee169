import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/app/_server/db";
import { createActor, outcome } from "@/test/integration/actors";
import { createMeetingRow } from "@/test/integration/factories";
import { refusal } from "@/test/integration/refusal";
import type { Actor } from "../authz";
import { publishDrafts } from "./bulk-publish";
import { publishSession } from "./status-mutations";

let organizer: Actor;
beforeAll(async () => {
  organizer = await createActor("organizer");
});

/** A meeting on Monday 23 April 2018 in Hannover with a small room and a large one. */
async function meeting() {
  const row = await createMeetingRow();
  const [small, large] = await Promise.all(
    [
      { slug: "small", capacity: 40 },
      { slug: "large", capacity: 300 },
    ].map((room) =>
      db.room.create({
        data: { ...room, meetingId: row.id, nameDe: room.slug, nameEn: room.slug, nameZh: room.slug },
      }),
    ),
  );
  let hour = 7;
  /** A draft at its own hour (UTC) unless told otherwise: clean unless a test makes it clash. */
  const draft = async (data: { roomId?: string; capacity?: number; hour?: number; title?: string } = {}) => {
    const start = data.hour ?? hour++;
    const session = await db.session.create({
      data: {
        meetingId: row.id,
        slug: `s-${randomUUID().slice(0, 8)}`,
        kind: "workshop",
        titleDe: data.title ?? `Workshop ${start}`,
        startsAt: new Date(Date.UTC(2018, 3, 23, start)),
        endsAt: new Date(Date.UTC(2018, 3, 23, start, 45)),
        roomId: data.roomId ?? null,
        capacity: data.capacity ?? null,
      },
    });
    return session.id;
  };
  return { slug: row.slug, small: small!.id, large: large!.id, draft };
}

const publishEntries = (sessionId: string) =>
  db.auditEntry.findMany({
    where: { entity: "Session", entityId: sessionId, action: "session.publish" },
    select: { reason: true, actorId: true },
  });

describe("publishing drafts at once", () => {
  it("publishes the clean drafts and holds back a conflicting one until it has a reason", async () => {
    const m = await meeting();
    const clean = await m.draft({ roomId: m.large, capacity: 100 });
    // 80 seats with registration in a room for 40: a conflict only this session has.
    const crowded = await m.draft({ roomId: m.small, capacity: 80, title: "Zu voll" });
    const other = await m.draft();

    const first = await publishDrafts(organizer, m.slug, { sessionIds: "all" });
    expect(first).toEqual({
      published: [clean, other],
      withReason: [],
      unchanged: [],
      heldBack: [
        {
          id: crowded,
          title: { de: "Zu voll", en: null, zh: null },
          conflicts: [{ kind: "roomCapacity", capacity: 80, roomCapacity: 40 }],
        },
      ],
    });
    expect(await db.session.findUniqueOrThrow({ where: { id: crowded } })).toMatchObject({
      status: "draft",
      firstPublishedAt: null,
    });
    const published = await db.session.findUniqueOrThrow({ where: { id: clean } });
    expect(published).toMatchObject({ status: "published", conflictNote: null, sequence: 0 });
    expect(published.firstPublishedAt).toBeInstanceOf(Date);
    expect(await publishEntries(clean)).toEqual([{ reason: null, actorId: organizer.id }]);

    // A blank reason is no reason.
    const blank = await publishDrafts(organizer, m.slug, {
      sessionIds: [crowded],
      reasons: { [crowded]: "  " },
    });
    expect(blank.heldBack.map((held) => held.id)).toEqual([crowded]);
    expect(blank.published).toEqual([]);

    const withReason = await publishDrafts(organizer, m.slug, {
      sessionIds: [crowded, clean],
      reasons: { [crowded]: "Zusätzliche Stühle" },
    });
    expect(withReason).toEqual({
      published: [crowded],
      withReason: [crowded],
      unchanged: [clean],
      heldBack: [],
    });
    expect(await db.session.findUniqueOrThrow({ where: { id: crowded } })).toMatchObject({
      status: "published",
      conflictNote: "Zusätzliche Stühle",
    });
    expect(await publishEntries(crowded)).toEqual([{ reason: "Zusätzliche Stühle", actorId: organizer.id }]);
    // Saying it again publishes nothing and logs nothing.
    expect(await publishDrafts(organizer, m.slug, { sessionIds: "all" })).toEqual({
      published: [],
      withReason: [],
      unchanged: [],
      heldBack: [],
    });
    expect(await publishEntries(clean)).toHaveLength(1);
  });

  it("checks against the schedule as it is: a room taken since the draft was saved", async () => {
    const m = await meeting();
    const first = await m.draft({ roomId: m.small, hour: 9 });
    await publishSession(organizer, m.slug, first);
    const second = await m.draft({ roomId: m.small, hour: 9, title: "Doppelt" });
    const refused = await refusal(publishSession(organizer, m.slug, second));
    expect(refused.code).toBe("conflict");
    expect(refused.details.conflicts).toEqual([
      {
        kind: "room",
        with: {
          id: first,
          title: "Workshop 9",
          startsAt: "2018-04-23T09:00:00.000Z",
          endsAt: "2018-04-23T09:45:00.000Z",
        },
        withTitle: { de: "Workshop 9", en: null, zh: null },
      },
    ]);
    expect((await refusal(publishSession(organizer, m.slug, second, { reason: " " }))).code).toBe("conflict");
    expect(await publishEntries(second)).toEqual([]);
    const change = await publishSession(organizer, m.slug, second, { reason: "Geteilter Raum" });
    expect(change).toMatchObject({ status: "published", changed: true, conflictNote: "Geteilter Raum" });
  });

  it("leaves cancelled sessions alone, refuses unknown ones, and is for program editors only", async () => {
    const m = await meeting();
    const cancelled = await m.draft();
    await db.session.update({ where: { id: cancelled }, data: { status: "cancelled" } });
    expect(await publishDrafts(organizer, m.slug, { sessionIds: [cancelled] })).toEqual({
      published: [],
      withReason: [],
      unchanged: [cancelled],
      heldBack: [],
    });
    const other = await meeting();
    const foreign = await other.draft();
    expect(
      (await refusal(publishDrafts(organizer, m.slug, { sessionIds: [foreign] }))).details.fields,
    ).toEqual({
      sessionIds: { key: "invalidChoice" },
    });
    expect((await refusal(publishDrafts(organizer, m.slug, { sessionIds: [] }))).details.fields).toEqual({
      sessionIds: { key: "required" },
    });
    expect(await outcome(publishDrafts(await createActor("checkin"), m.slug, { sessionIds: "all" }))).toBe(
      "forbidden",
    );
    expect(await outcome(publishDrafts(null, m.slug, { sessionIds: "all" }))).toBe("unauthenticated");
  });

  it("publishes each draft once when two organizers publish the same drafts at the same moment", async () => {
    const m = await meeting();
    const drafts = [];
    for (let index = 0; index < 6; index++) drafts.push(await m.draft());
    const other = await createActor("organizer");
    const [a, b] = await Promise.all([
      publishDrafts(organizer, m.slug, { sessionIds: drafts }),
      publishDrafts(other, m.slug, { sessionIds: "all" }),
    ]);
    expect([...a.published, ...b.published].sort()).toEqual([...drafts].sort());
    // Each one by exactly one of them; the other found it published (or, for "all", no longer a draft).
    expect(a.published.filter((id) => b.published.includes(id))).toEqual([]);
    expect([...a.heldBack, ...b.heldBack]).toEqual([]);
    for (const id of drafts) expect(await publishEntries(id)).toHaveLength(1);
    expect(await db.session.count({ where: { id: { in: drafts }, status: "published" } })).toBe(6);
  });
});
