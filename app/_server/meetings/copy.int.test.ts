import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/app/_server/db";
import { createActor, outcome } from "@/test/integration/actors";
import { createMeetingRow } from "@/test/integration/factories";
import type { Actor } from "../authz";
import { getCopySummary } from "./copy";
import { createMeeting } from "./mutations";

let organizer: Actor;
beforeAll(async () => {
  organizer = await createActor("organizer");
});

const unique = () => randomUUID().slice(0, 8);
const ALL = {
  "copy-rooms": "on",
  "copy-tracks": "on",
  "copy-program": "on",
  "copy-ceremonies": "on",
  "copy-visaLetters": "on",
  "copy-quotas": "on",
  "copy-practicalInfo": "on",
};

/** Last year's contact and venue, which the next meeting keeps until an organizer corrects them. */
const practicalInfo = {
  contactName: "Dr. Mara Feld",
  contactEmail: "jahrestreffen@example.org",
  contactPhone: "+49 511 555 0142",
  venueAddress: "Messegelände\n30521 Hannover",
  latitude: 52.3225,
  longitude: 9.8066,
  directionsUrl: null,
  arrivalDe: "S-Bahn bis Hannover Messe/Laatzen",
  arrivalEn: null,
  arrivalZh: "乘城铁至汉诺威展览中心站",
  badgePickupDe: null,
  badgePickupEn: "At the registration desk in Hall 2 from 8:00",
  badgePickupZh: null,
  dressCodeDe: "Geschäftskleidung",
  dressCodeEn: "Business attire",
  dressCodeZh: "商务正装",
  interpretationDe: null,
  interpretationEn: null,
  interpretationZh: null,
};

/**
 * Last year's meeting: Monday 20 and Tuesday 21 March 2017 in Hannover, still in winter time, with a
 * keynote, a ceremony with its run-of-show, people and an inductee, and a cancelled workshop.
 */
async function lastYear() {
  const meeting = await createMeetingRow({
    startsOn: new Date("2017-03-20T00:00:00Z"),
    endsOn: new Date("2017-03-21T00:00:00Z"),
    visaLetterDe: "Sehr geehrte {name}",
    visaLetterZh: "尊敬的{name}",
  });
  const [hall, forum] = await Promise.all(
    [
      { slug: "hall-2", nameDe: "Saal 2", nameEn: "Hall 2", nameZh: "2号厅", capacity: 300, sortOrder: 1 },
      { slug: "forum", nameDe: "Forum", nameEn: "Forum", nameZh: "论坛", capacity: null, sortOrder: 2 },
    ].map((room) => db.room.create({ data: { ...room, meetingId: meeting.id } })),
  );
  const track = await db.track.create({
    data: {
      meetingId: meeting.id,
      slug: "industry",
      nameDe: "Industrie",
      nameEn: "Industry",
      nameZh: "工业",
    },
  });
  const [mayor, host] = await Promise.all(
    ["mayor", "host"].map((name) =>
      db.person.create({ data: { slug: `${name}-${unique()}`, givenName: name, familyName: "Test" } }),
    ),
  );
  const [aachen, zhuzhou] = await Promise.all(
    ["DE", "CN"].map((country) =>
      db.city.create({
        data: { slug: `c-${unique()}`, nameDe: "Stadt", nameEn: "City", country: country as "DE" | "CN" },
      }),
    ),
  );
  await db.cityQuota.createMany({
    data: [
      { meetingId: meeting.id, cityId: aachen!.id, delegates: 5 },
      { meetingId: meeting.id, cityId: zhuzhou!.id, delegates: 8 },
    ],
  });
  const published = { status: "published" as const, firstPublishedAt: new Date("2017-03-01T10:00:00Z") };
  const keynote = await db.session.create({
    data: {
      meetingId: meeting.id,
      slug: "keynote",
      kind: "keynote",
      ...published,
      titleDe: "Eröffnung",
      titleEn: "Opening",
      titleZh: "开幕",
      descriptionDe: "Begrüßung",
      descriptionZh: "致辞",
      // 09:00 in Hannover, winter time.
      startsAt: new Date("2017-03-20T08:00:00Z"),
      endsAt: new Date("2017-03-20T09:00:00Z"),
      roomId: hall!.id,
      trackId: track.id,
      capacity: 120,
      seatsTaken: 3,
      waitlistIssued: 2,
      languages: ["de", "zh"],
      interpretation: ["en"],
      sequence: 4,
      conflictNote: "Saal geteilt",
      internalNotes: "Zwei Mikrofone",
      speakers: {
        create: [
          { personId: mayor!.id, role: "speaker", position: 0 },
          { personId: host!.id, role: "moderator", position: 1 },
        ],
      },
    },
  });
  const ceremony = await db.session.create({
    data: {
      meetingId: meeting.id,
      slug: "ceremony",
      kind: "ceremony",
      ...published,
      heldAt: new Date("2017-03-21T11:00:00Z"),
      titleDe: "Aufnahmefeier",
      // Tuesday 11:00–11:45 in Hannover.
      startsAt: new Date("2017-03-21T10:00:00Z"),
      endsAt: new Date("2017-03-21T10:45:00Z"),
      roomId: forum!.id,
      languages: ["de"],
      speakers: { create: [{ personId: host!.id, role: "host", position: 0 }] },
      segments: {
        create: [
          {
            position: 1,
            durationMinutes: 10,
            titleDe: "Begrüßung",
            titleZh: "欢迎",
            descriptionDe: "Der Gastgeber begrüßt.",
            internalNotes: "Musik: Streichquartett",
            participants: { create: [{ personId: host!.id }] },
          },
          {
            position: 2,
            durationMinutes: 20,
            titleDe: "Unterzeichnung",
            descriptionEn: "The mayors sign.",
            internalNotes: "Tisch, zwei Stifte",
            participants: { create: [{ personId: mayor!.id }] },
          },
        ],
      },
      officials: { create: [{ personId: mayor!.id, precedence: 1, speaks: true, signs: true }] },
      inductees: { create: [{ cityId: zhuzhou!.id }] },
    },
  });
  await db.session.create({
    data: {
      meetingId: meeting.id,
      slug: "cancelled",
      kind: "workshop",
      status: "cancelled",
      titleDe: "Abgesagt",
      startsAt: new Date("2017-03-20T13:00:00Z"),
      endsAt: new Date("2017-03-20T14:00:00Z"),
    },
  });
  await db.meetingPracticalInfo.create({ data: { meetingId: meeting.id, ...practicalInfo } });
  return { meeting, keynote, ceremony, mayor: mayor!, host: host!, aachen: aachen!, zhuzhou: zhuzhou! };
}

function nextYearForm(copyFrom: string, parts: Record<string, string>) {
  return {
    slug: `n-${unique()}`,
    titleDe: "Jahrestreffen 2018",
    venueName: "Hannover Messe",
    venueCity: "Hannover",
    venueCountry: "DE",
    timeZone: "Europe/Berlin",
    // Monday 26 and Tuesday 27 March 2018: summer time since the night before.
    startsOn: "2018-03-26",
    endsOn: "2018-03-27",
    defaultLocale: "de",
    copyFrom,
    ...parts,
  };
}

const sessionsOf = (meetingId: string) =>
  db.session.findMany({
    where: { meetingId },
    orderBy: { startsAt: "asc" },
    include: {
      room: { select: { slug: true, meetingId: true } },
      track: { select: { slug: true, meetingId: true } },
      speakers: { select: { personId: true, role: true, position: true }, orderBy: { position: "asc" } },
      segments: { include: { participants: true }, orderBy: { position: "asc" } },
      officials: true,
      inductees: true,
    },
  });

describe("copying a meeting", () => {
  it("copies everything chosen in one go: the program as drafts at the new dates, no people of last year", async () => {
    const source = await lastYear();
    const created = await createMeeting(organizer, nextYearForm(source.meeting.id, ALL));
    expect(created.copied).toEqual({
      rooms: 2,
      tracks: 1,
      sessions: 2,
      ceremonies: 1,
      segments: 2,
      visaLetters: 2,
      quotas: 2,
      practicalInfo: 1,
    });
    expect(
      await db.meetingPracticalInfo.findUniqueOrThrow({
        where: { meetingId: created.id },
        omit: { meetingId: true, updatedAt: true },
      }),
    ).toEqual(practicalInfo);

    const sessions = await sessionsOf(created.id);
    expect(sessions.map((session) => session.slug)).toEqual(["keynote", "ceremony"]);
    const [keynote, ceremony] = sessions;
    expect(keynote).toMatchObject({
      status: "draft",
      kind: "keynote",
      titleDe: "Eröffnung",
      titleEn: "Opening",
      titleZh: "开幕",
      descriptionDe: "Begrüßung",
      descriptionEn: null,
      descriptionZh: "致辞",
      // Monday 09:00–10:00 in Hannover again, now summer time: 07:00 UTC, not 08:00.
      startsAt: new Date("2018-03-26T07:00:00Z"),
      endsAt: new Date("2018-03-26T08:00:00Z"),
      room: { slug: "hall-2", meetingId: created.id },
      track: { slug: "industry", meetingId: created.id },
      capacity: 120,
      seatsTaken: 0,
      waitlistIssued: 0,
      languages: ["de", "zh"],
      interpretation: ["en"],
      sequence: 0,
      firstPublishedAt: null,
      heldAt: null,
      conflictNote: null,
      internalNotes: "Zwei Mikrofone",
      speakers: [
        { personId: source.mayor.id, role: "speaker", position: 0 },
        { personId: source.host.id, role: "moderator", position: 1 },
      ],
      segments: [],
    });
    expect(ceremony).toMatchObject({
      status: "draft",
      startsAt: new Date("2018-03-27T09:00:00Z"),
      endsAt: new Date("2018-03-27T09:45:00Z"),
      room: { slug: "forum", meetingId: created.id },
      heldAt: null,
      speakers: [{ personId: source.host.id, role: "host", position: 0 }],
      officials: [],
      inductees: [],
    });
    expect(ceremony!.segments.map(({ id: _id, sessionId: _sessionId, ...segment }) => segment)).toEqual([
      {
        position: 1,
        durationMinutes: 10,
        titleDe: "Begrüßung",
        titleEn: null,
        titleZh: "欢迎",
        descriptionDe: "Der Gastgeber begrüßt.",
        descriptionEn: null,
        descriptionZh: null,
        internalNotes: "Musik: Streichquartett",
        participants: [],
      },
      {
        position: 2,
        durationMinutes: 20,
        titleDe: "Unterzeichnung",
        titleEn: null,
        titleZh: null,
        descriptionDe: null,
        descriptionEn: "The mayors sign.",
        descriptionZh: null,
        internalNotes: "Tisch, zwei Stifte",
        participants: [],
      },
    ]);

    const meeting = await db.meeting.findUniqueOrThrow({
      where: { id: created.id },
      include: { rooms: { orderBy: { sortOrder: "asc" } }, cityQuotas: true },
    });
    expect(meeting).toMatchObject({
      visaLetterDe: "Sehr geehrte {name}",
      visaLetterEn: null,
      visaLetterZh: "尊敬的{name}",
      published: false,
    });
    expect(meeting.rooms.map(({ slug, capacity }) => [slug, capacity])).toEqual([
      ["hall-2", 300],
      ["forum", null],
    ]);
    expect(
      meeting.cityQuotas.map(({ cityId, delegates }) => [cityId, delegates]).sort((a, b) => +a[1]! - +b[1]!),
    ).toEqual([
      [source.aachen.id, 5],
      [source.zhuzhou.id, 8],
    ]);

    const entries = await db.auditEntry.findMany({ where: { entityId: created.id }, orderBy: { at: "asc" } });
    expect(entries.map((entry) => entry.action).sort()).toEqual(["meeting.copy", "meeting.create"]);
    expect(entries.find((entry) => entry.action === "meeting.copy")).toMatchObject({
      actorId: organizer.id,
      meetingId: created.id,
      after: {
        from: { id: source.meeting.id, slug: source.meeting.slug },
        parts: ["rooms", "tracks", "program", "ceremonies", "visaLetters", "quotas", "practicalInfo"],
        dayOffset: 371,
        copied: created.copied,
      },
    });
    expect(await getCopySummary(organizer, created.id)).toEqual({
      fromSlug: source.meeting.slug,
      at: expect.any(String),
      counts: created.copied,
    });

    // Last year's meeting is as it was.
    const [before, cancelled, held] = await sessionsOf(source.meeting.id);
    expect(before).toMatchObject({ status: "published", sequence: 4, seatsTaken: 3 });
    expect(cancelled!.status).toBe("cancelled");
    expect(held!.segments[0]!.participants).toHaveLength(1);
  });

  it("copies only what is checked: ceremonies alone bring just them, without rooms they have none", async () => {
    const source = await lastYear();
    const created = await createMeeting(
      organizer,
      nextYearForm(source.meeting.id, { "copy-ceremonies": "on", "copy-quotas": "on" }),
    );
    expect(created.copied).toEqual({
      rooms: 0,
      tracks: 0,
      sessions: 1,
      ceremonies: 1,
      segments: 2,
      visaLetters: 0,
      quotas: 2,
      practicalInfo: 0,
    });
    expect(await db.meetingPracticalInfo.findUnique({ where: { meetingId: created.id } })).toBeNull();
    const [ceremony, ...others] = await sessionsOf(created.id);
    expect(others).toEqual([]);
    expect(ceremony).toMatchObject({ slug: "ceremony", roomId: null, trackId: null, status: "draft" });
    expect(ceremony!.segments).toHaveLength(2);
    expect(await db.meeting.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      visaLetterDe: null,
      visaLetterZh: null,
    });
  });

  it("copies the program without the run-of-show when ceremonies are not checked", async () => {
    const source = await lastYear();
    const created = await createMeeting(
      organizer,
      nextYearForm(source.meeting.id, { "copy-program": "on", "copy-rooms": "on" }),
    );
    expect(created.copied).toMatchObject({ rooms: 2, tracks: 0, sessions: 2, ceremonies: 0, segments: 0 });
    const sessions = await sessionsOf(created.id);
    expect(sessions.map((session) => [session.slug, session.room?.slug, session.trackId])).toEqual([
      ["keynote", "hall-2", null],
      ["ceremony", "forum", null],
    ]);
    expect(sessions[1]!.segments).toEqual([]);
  });

  it("shows the summary to program editors only; a meeting made from scratch has none", async () => {
    const scratch = await createMeeting(organizer, { ...nextYearForm("", {}), copyFrom: "" });
    expect(scratch.copied).toBeNull();
    expect(await getCopySummary(organizer, scratch.id)).toBeNull();
    expect(await outcome(getCopySummary(await createActor("checkin"), scratch.id))).toBe("forbidden");
  });

  it("reads a copy recorded before the practical information could be copied as without it", async () => {
    const { id } = await createMeeting(organizer, { ...nextYearForm("", {}), copyFrom: "" });
    const copied = {
      rooms: 1,
      tracks: 0,
      sessions: 0,
      ceremonies: 0,
      segments: 0,
      visaLetters: 0,
      quotas: 0,
    };
    await db.auditEntry.create({
      data: {
        actorEmail: "organizer@example.org",
        action: "meeting.copy",
        entity: "Meeting",
        entityId: id,
        meetingId: id,
        after: { from: { id: "old", slug: "2016" }, parts: ["rooms"], dayOffset: 364, copied },
      },
    });
    expect((await getCopySummary(organizer, id))?.counts).toEqual({ ...copied, practicalInfo: 0 });
  });
});
