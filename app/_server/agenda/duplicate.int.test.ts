import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/app/_server/db";
import { createActor, outcome } from "@/test/integration/actors";
import { createMeetingRow } from "@/test/integration/factories";
import { refusal } from "@/test/integration/refusal";
import type { Actor } from "../authz";
import { duplicateSession } from "./duplicate";
import { publishSession } from "./status-mutations";

let organizer: Actor;
beforeAll(async () => {
  organizer = await createActor("organizer");
});

/** A published ceremony with its run-of-show, people and an inductee, in a meeting of its own. */
async function ceremony() {
  const meeting = await createMeetingRow();
  const room = await db.room.create({
    data: { meetingId: meeting.id, slug: "forum", nameDe: "Forum", nameEn: "Forum", nameZh: "论坛" },
  });
  const person = await db.person.create({
    data: { slug: `p-${randomUUID().slice(0, 8)}`, givenName: "Anna", familyName: "Keller" },
  });
  const city = await db.city.create({
    data: { slug: `c-${randomUUID().slice(0, 8)}`, nameDe: "Zhuzhou", nameEn: "Zhuzhou", country: "CN" },
  });
  const session = await db.session.create({
    data: {
      meetingId: meeting.id,
      slug: "aufnahmefeier",
      kind: "ceremony",
      status: "published",
      firstPublishedAt: new Date("2018-03-01T00:00:00Z"),
      sequence: 2,
      conflictNote: "Absprache mit der Messe",
      titleDe: "Aufnahmefeier",
      titleZh: "入盟仪式",
      descriptionEn: "The ceremony",
      startsAt: new Date("2018-04-23T09:00:00Z"),
      endsAt: new Date("2018-04-23T10:00:00Z"),
      roomId: room.id,
      capacity: 150,
      languages: ["de", "zh"],
      interpretation: ["en"],
      internalNotes: "Flaggen",
      speakers: { create: [{ personId: person.id, role: "host", position: 0 }] },
      segments: {
        create: [
          {
            position: 1,
            durationMinutes: 15,
            titleDe: "Unterzeichnung",
            descriptionDe: "Die Urkunde wird unterzeichnet.",
            internalNotes: "Tisch, zwei Stifte",
            participants: { create: [{ personId: person.id }] },
          },
        ],
      },
      officials: { create: [{ personId: person.id, precedence: 1 }] },
      inductees: { create: [{ cityId: city.id }] },
    },
  });
  return { slug: meeting.slug, meetingId: meeting.id, id: session.id, roomId: room.id, personId: person.id };
}

describe("duplicating a session", () => {
  it("makes a draft with a new slug, the same title, time, room, speakers and run-of-show, without people of the ceremony", async () => {
    const original = await ceremony();
    const { id } = await duplicateSession(organizer, original.slug, original.id);
    expect(id).not.toBe(original.id);
    const copy = await db.session.findUniqueOrThrow({
      where: { id },
      include: {
        speakers: { select: { personId: true, role: true, position: true } },
        segments: { include: { participants: true } },
        officials: true,
        inductees: true,
      },
    });
    expect(copy).toMatchObject({
      meetingId: original.meetingId,
      slug: "aufnahmefeier-2",
      status: "draft",
      kind: "ceremony",
      titleDe: "Aufnahmefeier",
      titleEn: null,
      titleZh: "入盟仪式",
      descriptionEn: "The ceremony",
      startsAt: new Date("2018-04-23T09:00:00Z"),
      endsAt: new Date("2018-04-23T10:00:00Z"),
      roomId: original.roomId,
      capacity: 150,
      seatsTaken: 0,
      languages: ["de", "zh"],
      interpretation: ["en"],
      internalNotes: "Flaggen",
      sequence: 0,
      firstPublishedAt: null,
      conflictNote: null,
      speakers: [{ personId: original.personId, role: "host", position: 0 }],
      officials: [],
      inductees: [],
    });
    expect(copy.segments.map(({ id: _id, sessionId: _sessionId, ...segment }) => segment)).toEqual([
      {
        position: 1,
        durationMinutes: 15,
        titleDe: "Unterzeichnung",
        titleEn: null,
        titleZh: null,
        descriptionDe: "Die Urkunde wird unterzeichnet.",
        descriptionEn: null,
        descriptionZh: null,
        internalNotes: "Tisch, zwei Stifte",
        participants: [],
      },
    ]);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { entity: "Session", entityId: id } });
    expect(entry).toMatchObject({
      action: "session.duplicate",
      actorId: organizer.id,
      meetingId: original.meetingId,
      after: { duplicateOf: original.id, segments: 1, slug: "aufnahmefeier-2", status: "draft" },
    });
    // A second duplicate gets the next free slug.
    const again = await duplicateSession(organizer, original.slug, original.id);
    expect((await db.session.findUniqueOrThrow({ where: { id: again.id } })).slug).toBe("aufnahmefeier-3");
  });

  it("is published only once its clash with the original is resolved or explained", async () => {
    const original = await ceremony();
    const { id } = await duplicateSession(organizer, original.slug, original.id);
    const refused = await refusal(publishSession(organizer, original.slug, id));
    expect(refused.code).toBe("conflict");
    expect((refused.details.conflicts as { kind: string }[]).map((conflict) => conflict.kind)).toEqual([
      "room",
      "person",
    ]);
  });

  it("is for program editors only, and only for a session of the meeting", async () => {
    const original = await ceremony();
    const other = await ceremony();
    expect(await outcome(duplicateSession(await createActor("checkin"), original.slug, original.id))).toBe(
      "forbidden",
    );
    expect(await outcome(duplicateSession(organizer, original.slug, other.id))).toBe("not_found");
    expect(await outcome(duplicateSession(organizer, original.slug, "nope"))).toBe("not_found");
    expect(await db.session.count({ where: { meetingId: original.meetingId } })).toBe(1);
  });
});
