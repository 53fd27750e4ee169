import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/app/_server/authz";
import { db } from "@/app/_server/db";
import { seedDemo } from "@/prisma/seed";
import { createRoleActors, outcome } from "@/test/integration/actors";
import { getCeremonyEditor, getCeremonyProgramme, savedWarnings } from "./admin-queries";
import {
  createSegment,
  deleteSegment,
  moveSegment,
  reorderSegments,
  restoreSegment,
  saveInductees,
  saveOfficials,
  updateSegment,
  type CeremonyRef,
} from "./mutations";
import { getRunOfShow } from "./queries";

let meetingId: string;
let organizer: Actor;
let admin: Actor;
let checkin: Actor;
let personIds: Record<"ost" | "schwanhold" | "berg", string>;

beforeAll(async () => {
  await seedDemo(db);
  meetingId = (await db.meeting.findUniqueOrThrow({ where: { slug: "2017" } })).id;
  ({ organizer, admin, checkin } = await createRoleActors());
  const person = async (slug: string) => (await db.person.findUniqueOrThrow({ where: { slug } })).id;
  personIds = {
    ost: await person("friedhelm-ost"),
    schwanhold: await person("ernst-schwanhold"),
    berg: await person("ute-berg"),
  };
});

const at = (time: string) => new Date(`2017-04-24T${time}:00Z`);

/** A ceremony of its own (13:00–13:30 UTC unless told) with segments of these durations, so that tests never share one. */
async function ceremony(
  minutes: number[],
  slot: { from?: string; to?: string } = {},
  status: "published" | "draft" = "published",
): Promise<CeremonyRef> {
  const session = await db.session.create({
    data: {
      meetingId,
      slug: `ceremony-${randomUUID()}`,
      kind: "ceremony",
      status,
      firstPublishedAt: status === "published" ? new Date() : null,
      titleDe: "Testzeremonie",
      titleEn: "Test ceremony",
      startsAt: at(slot.from ?? "13:00"),
      endsAt: at(slot.to ?? "13:30"),
      segments: {
        create: minutes.map((durationMinutes, position) => ({
          position,
          durationMinutes,
          titleDe: `Punkt ${position + 1}`,
        })),
      },
    },
  });
  return { meetingSlug: "2017", sessionId: session.id };
}

const segmentIds = async (ref: CeremonyRef) =>
  (
    await db.ceremonySegment.findMany({
      where: { sessionId: ref.sessionId },
      orderBy: { position: "asc" },
      select: { id: true },
    })
  ).map((row) => row.id);

const starts = async (ref: CeremonyRef) => {
  const session = await db.session.findUniqueOrThrow({ where: { id: ref.sessionId } });
  const runOfShow = await getRunOfShow({
    id: session.id,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
  });
  return runOfShow.segments.map((segment) => [segment.title.de, segment.startsAt.slice(11, 16)]);
};

const auditOf = (action: string, entityId: string) =>
  db.auditEntry.findMany({ where: { action, entityId }, orderBy: { at: "asc" } });

const segment = {
  durationMinutes: "6",
  titleDe: "Grußwort",
  titleEn: "Greeting",
  titleZh: "致辞",
  participantIds: [] as string[],
};

describe("who may edit a ceremony", () => {
  type Mutation = (actor: Actor | null, ref: CeremonyRef) => Promise<unknown>;
  const mutations: Record<string, Mutation> = {
    createSegment: (actor, ref) => createSegment(actor, ref, segment),
    updateSegment: async (actor, ref) => updateSegment(actor, ref, (await segmentIds(ref))[0]!, segment),
    deleteSegment: async (actor, ref) => deleteSegment(actor, ref, (await segmentIds(ref))[0]!),
    reorderSegments: async (actor, ref) => reorderSegments(actor, ref, (await segmentIds(ref)).reverse()),
    moveSegment: async (actor, ref) => moveSegment(actor, ref, (await segmentIds(ref))[0]!, "down"),
    saveInductees: async (actor, ref) =>
      saveInductees(actor, ref, [(await db.city.findUniqueOrThrow({ where: { slug: "cologne" } })).id]),
    saveOfficials: (actor, ref) => saveOfficials(actor, ref, [{ personId: personIds.berg, speaks: true }]),
  };

  for (const [name, mutation] of Object.entries(mutations)) {
    it(`${name}: nobody → unauthenticated, checkin → forbidden, organizer and admin → ok`, async () => {
      const ref = await ceremony([5, 10]);
      const before = await db.auditEntry.count({ where: { meetingId } });
      expect(await outcome(mutation(null, ref))).toBe("unauthenticated");
      expect(await outcome(mutation(checkin, ref))).toBe("forbidden");
      expect(await db.auditEntry.count({ where: { meetingId } })).toBe(before);
      expect(await outcome(mutation(organizer, ref))).toBe("ok");
      expect(await outcome(mutation(admin, ref))).toBe("ok");
      expect(await db.auditEntry.count({ where: { meetingId } })).toBeGreaterThanOrEqual(before + 1);
    });
  }

  it("finds no ceremony under another meeting, in a session of another kind, or a segment of another ceremony", async () => {
    const ref = await ceremony([5]);
    const other = await ceremony([5]);
    const opening = await db.session.findFirstOrThrow({ where: { meetingId, slug: "eroeffnung" } });
    expect(
      await outcome(createSegment(organizer, { meetingSlug: "2018", sessionId: ref.sessionId }, segment)),
    ).toBe("not_found");
    expect(
      await outcome(createSegment(organizer, { meetingSlug: "2017", sessionId: opening.id }, segment)),
    ).toBe("not_found");
    expect(
      await outcome(createSegment(organizer, { meetingSlug: "2017", sessionId: "no such\u0000id" }, segment)),
    ).toBe("not_found");
    expect(await outcome(deleteSegment(organizer, ref, (await segmentIds(other))[0]!))).toBe("not_found");
    expect(await segmentIds(other)).toHaveLength(1);
  });
});

describe("segments", () => {
  it("adds a segment at the end with its participants, audited, and raises the ceremony's SEQUENCE (segment times may move)", async () => {
    const ref = await ceremony([5, 10]);
    const before = await db.session.findUniqueOrThrow({ where: { id: ref.sessionId } });
    const { id } = await createSegment(organizer, ref, {
      ...segment,
      participantIds: [personIds.berg, "", personIds.ost],
    });

    expect(await starts(ref)).toEqual([
      ["Punkt 1", "13:00"],
      ["Punkt 2", "13:05"],
      ["Grußwort", "13:15"],
    ]);
    const participants = await db.segmentParticipant.findMany({
      where: { segmentId: id },
      orderBy: { position: "asc" },
    });
    expect(participants.map((row) => row.personId)).toEqual([personIds.berg, personIds.ost]);
    const after = await db.session.findUniqueOrThrow({ where: { id: ref.sessionId } });
    expect(after.sequence).toBe(before.sequence + 1);
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());

    // A draft ceremony reached no calendar: its run-of-show changes leave SEQUENCE at 0.
    const draft = await ceremony([5, 10], {}, "draft");
    for (let added = 0; added < 3; added++) await createSegment(organizer, draft, segment);
    expect((await db.session.findUniqueOrThrow({ where: { id: draft.sessionId } })).sequence).toBe(0);

    const [entry] = await auditOf("ceremonySegment.create", id);
    expect(entry).toMatchObject({
      entity: "CeremonySegment",
      meetingId,
      actorId: organizer.id,
      before: null,
    });
    expect(entry!.after).toMatchObject({
      position: 2,
      durationMinutes: 6,
      titleZh: "致辞",
      participantIds: [personIds.berg, personIds.ost],
    });
  });

  it("refuses invalid input field by field and unknown people", async () => {
    const ref = await ceremony([5]);
    const fieldsOf = async (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (error) => error.details?.fields,
      );
    expect(
      await fieldsOf(createSegment(organizer, ref, { ...segment, durationMinutes: "", titleDe: "" })),
    ).toEqual({
      durationMinutes: { key: "required" },
      titleDe: { key: "required" },
    });
    expect(
      await fieldsOf(createSegment(organizer, ref, { ...segment, participantIds: ["nobody-here"] })),
    ).toEqual({ participantIds: { key: "invalidChoice" } });
    expect(await segmentIds(ref)).toHaveLength(1);
  });

  it("updates duration, texts and participants, keeps the place, and records before and after", async () => {
    const ref = await ceremony([5, 10, 5]);
    const [, middle] = await segmentIds(ref);
    await updateSegment(organizer, ref, middle!, {
      ...segment,
      durationMinutes: 15,
      descriptionEn: "Lectern on the left",
      participantIds: [personIds.schwanhold],
    });
    expect(await starts(ref)).toEqual([
      ["Punkt 1", "13:00"],
      ["Grußwort", "13:05"],
      ["Punkt 3", "13:20"],
    ]);
    const [entry] = await auditOf("ceremonySegment.update", middle!);
    expect(entry!.before).toMatchObject({ titleDe: "Punkt 2", durationMinutes: 10, participantIds: [] });
    expect(entry!.after).toMatchObject({
      titleDe: "Grußwort",
      durationMinutes: 15,
      descriptionEn: "Lectern on the left",
      participantIds: [personIds.schwanhold],
    });
  });

  it("deletes a segment and closes the gap: positions stay 0…n-1 and later segments start earlier", async () => {
    const ref = await ceremony([5, 10, 5, 7]);
    const ids = await segmentIds(ref);
    await deleteSegment(admin, ref, ids[1]!);
    expect(
      await db.ceremonySegment.findMany({
        where: { sessionId: ref.sessionId },
        orderBy: { position: "asc" },
        select: { id: true, position: true },
      }),
    ).toEqual([
      { id: ids[0], position: 0 },
      { id: ids[2], position: 1 },
      { id: ids[3], position: 2 },
    ]);
    expect(await starts(ref)).toEqual([
      ["Punkt 1", "13:00"],
      ["Punkt 3", "13:05"],
      ["Punkt 4", "13:10"],
    ]);
    const [entry] = await auditOf("ceremonySegment.delete", ids[1]!);
    expect(entry).toMatchObject({ entity: "CeremonySegment", after: null });
    expect(entry!.before).toMatchObject({ titleDe: "Punkt 2", position: 1 });
  });
});

describe("public description and internal notes", () => {
  it("stores both, shows the notes to organizers only: the public run-of-show never carries them", async () => {
    const ref = await ceremony([5, 10]);
    const [first] = await segmentIds(ref);
    const token = `crew-${randomUUID()}`;
    await updateSegment(organizer, ref, first!, {
      ...segment,
      descriptionEn: "The mayor welcomes the guests.",
      internalNotes: `Lectern on the left; ${token}`,
    });
    const session = await db.session.findUniqueOrThrow({ where: { id: ref.sessionId } });
    const publicView = await getRunOfShow({
      id: session.id,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
    });
    expect(publicView.segments[0]!.description.en).toBe("The mayor welcomes the guests.");
    expect(JSON.stringify(publicView)).not.toContain(token);
    expect(Object.keys(publicView.segments[0]!)).not.toContain("internalNotes");

    const programme = await getCeremonyProgramme(organizer, "2017", ref.sessionId);
    expect(programme.runOfShow.segments.map((row) => row.internalNotes)).toEqual([
      `Lectern on the left; ${token}`,
      null,
    ]);
    expect(programme.runOfShow.segments[0]!.description.en).toBe("The mayor welcomes the guests.");
    const [entry] = await auditOf("ceremonySegment.update", first!);
    expect(entry!.after).toMatchObject({ internalNotes: `Lectern on the left; ${token}` });
  });
});

describe("undoing a deletion", () => {
  it("restores the segment with its id at its place, with participants, texts and notes, audited", async () => {
    const ref = await ceremony([5, 10, 5]);
    const ids = await segmentIds(ref);
    await updateSegment(organizer, ref, ids[1]!, {
      ...segment,
      durationMinutes: "10",
      descriptionZh: "主持人介绍嘉宾。",
      internalNotes: "Two pens, flags",
      participantIds: [personIds.berg, personIds.ost],
    });
    await deleteSegment(organizer, ref, ids[1]!);
    const editor = await getCeremonyEditor(organizer, "2017", ref.sessionId, "en");
    expect(editor.deleted.map((row) => [row.id, row.title.de])).toEqual([[ids[1], "Grußwort"]]);
    // Offered to the organizer who deleted it, not to everyone.
    expect((await getCeremonyEditor(admin, "2017", ref.sessionId, "en")).deleted).toEqual([]);

    expect(await outcome(restoreSegment(null, ref, ids[1]!))).toBe("unauthenticated");
    expect(await outcome(restoreSegment(checkin, ref, ids[1]!))).toBe("forbidden");
    const other = await ceremony([5]);
    expect(await outcome(restoreSegment(organizer, other, ids[1]!))).toBe("not_found");
    expect(await segmentIds(other)).toHaveLength(1);

    await restoreSegment(organizer, ref, ids[1]!);
    expect(await segmentIds(ref)).toEqual(ids);
    expect(await starts(ref)).toEqual([
      ["Punkt 1", "13:00"],
      ["Grußwort", "13:05"],
      ["Punkt 3", "13:15"],
    ]);
    const restored = await db.ceremonySegment.findUniqueOrThrow({
      where: { id: ids[1]! },
      include: { participants: { orderBy: { position: "asc" } } },
    });
    expect(restored).toMatchObject({
      durationMinutes: 10,
      titleEn: "Greeting",
      titleZh: "致辞",
      descriptionZh: "主持人介绍嘉宾。",
      internalNotes: "Two pens, flags",
    });
    expect(restored.participants.map((row) => row.personId)).toEqual([personIds.berg, personIds.ost]);
    const [entry] = await auditOf("ceremonySegment.restore", ids[1]!);
    expect(entry).toMatchObject({ actorId: organizer.id, before: null });
    expect(entry!.after).toMatchObject({ position: 1, internalNotes: "Two pens, flags" });
    expect((await getCeremonyEditor(organizer, "2017", ref.sessionId, "en")).deleted).toEqual([]);

    // A second click changes nothing; a segment never deleted cannot be "restored".
    await restoreSegment(organizer, ref, ids[1]!);
    expect(await auditOf("ceremonySegment.restore", ids[1]!)).toHaveLength(1);
    expect(await outcome(restoreSegment(organizer, ref, (await segmentIds(other))[0]!))).toBe("not_found");
  });

  it("puts a segment back at the end when the run-of-show has shrunk meanwhile", async () => {
    const ref = await ceremony([5, 10, 5]);
    const ids = await segmentIds(ref);
    await deleteSegment(organizer, ref, ids[2]!);
    await deleteSegment(organizer, ref, ids[0]!);
    await restoreSegment(organizer, ref, ids[2]!);
    expect(await segmentIds(ref)).toEqual([ids[1], ids[2]]);
    await restoreSegment(organizer, ref, ids[0]!);
    expect(await segmentIds(ref)).toEqual(ids);
  });
});

describe("reordering", () => {
  it("takes the complete new order and recomputes every start time", async () => {
    const ref = await ceremony([5, 10, 15]);
    const [a, b, c] = await segmentIds(ref);
    await reorderSegments(organizer, ref, [c, a, b]);
    expect(await starts(ref)).toEqual([
      ["Punkt 3", "13:00"],
      ["Punkt 1", "13:15"],
      ["Punkt 2", "13:20"],
    ]);
    const [entry] = await auditOf("ceremony.reorder", ref.sessionId);
    expect(entry).toMatchObject({
      entity: "Session",
      meetingId,
      before: { segmentIds: [a, b, c] },
      after: { segmentIds: [c, a, b] },
    });
  });

  it("moves one place up or down, and stays put at the ends without an audit entry", async () => {
    const ref = await ceremony([5, 10, 15]);
    const [a, b, c] = await segmentIds(ref);
    await moveSegment(organizer, ref, c!, "up");
    expect(await segmentIds(ref)).toEqual([a, c, b]);
    await moveSegment(organizer, ref, a!, "up");
    expect(await segmentIds(ref)).toEqual([a, c, b]);
    expect(await auditOf("ceremony.reorder", ref.sessionId)).toHaveLength(1);
    expect(await starts(ref)).toEqual([
      ["Punkt 1", "13:00"],
      ["Punkt 3", "13:05"],
      ["Punkt 2", "13:20"],
    ]);
  });

  it("refuses an order that is not exactly the ceremony's segments, and changes nothing", async () => {
    const ref = await ceremony([5, 10, 15]);
    const other = await ceremony([5]);
    const [a, b, c] = await segmentIds(ref);
    const [foreign] = await segmentIds(other);
    const refusal = (order: unknown) =>
      reorderSegments(organizer, ref, order).then(
        () => null,
        (error) => [error.code, error.details?.fields],
      );
    const stale = ["invalid", { segmentIds: { key: "runOfShowChanged" } }];
    expect(await refusal([a, b])).toEqual(stale);
    expect(await refusal([a, b, c, foreign])).toEqual(stale);
    expect(await refusal([a, b, foreign])).toEqual(stale);
    expect(await refusal([a, a, b])).toEqual(["invalid", { segmentIds: { key: "duplicate" } }]);
    expect(await refusal("not an id")).toEqual(["invalid", { "segmentIds.0": { key: "invalidChoice" } }]);
    expect(await segmentIds(ref)).toEqual([a, b, c]);
    expect(await auditOf("ceremony.reorder", ref.sessionId)).toHaveLength(0);
  });
});

describe("warnings", () => {
  it("reports the overrun of the slot and the minutes left", async () => {
    const ref = await ceremony([10, 10]);
    const fit = async () =>
      savedWarnings(await getCeremonyEditor(organizer, "2017", ref.sessionId, "en")).fit;
    expect(await fit()).toEqual({ kind: "minutesLeft", minutes: 10 });
    await createSegment(organizer, ref, { ...segment, durationMinutes: 17 });
    expect(await fit()).toEqual({ kind: "overrun", minutes: 7 });
  });

  it("names a participant who speaks in another session or takes part in another ceremony's segment meanwhile", async () => {
    const ref = await ceremony([10, 10], { from: "04:00", to: "04:30" });
    const [first, second] = await segmentIds(ref);
    await updateSegment(organizer, ref, second!, {
      ...segment,
      durationMinutes: 10,
      participantIds: [personIds.berg],
    });
    // Berg speaks in a panel from 04:15 UTC (during the second segment, 04:10–04:20) …
    const panel = await db.session.create({
      data: {
        meetingId,
        slug: `panel-${randomUUID()}`,
        kind: "panel",
        titleDe: "Podium",
        titleEn: "Panel",
        startsAt: at("04:15"),
        endsAt: at("05:00"),
        speakers: { create: [{ personId: personIds.berg, role: "speaker", position: 0 }] },
      },
    });
    // … and Ost takes part in another ceremony's segment at 04:00–04:05, while the first segment runs.
    const other = await ceremony([5], { from: "04:00", to: "04:05" });
    await updateSegment(organizer, other, (await segmentIds(other))[0]!, {
      ...segment,
      durationMinutes: 5,
      titleEn: "Toast",
      participantIds: [personIds.ost],
    });
    await updateSegment(organizer, ref, first!, {
      ...segment,
      durationMinutes: 10,
      participantIds: [personIds.ost],
    });

    const clashes = savedWarnings(await getCeremonyEditor(organizer, "2017", ref.sessionId, "en")).clashes;
    expect(clashes.map((clash) => [clash.segmentId, clash.personId, clash.with.title])).toEqual([
      [first, personIds.ost, "Test ceremony – Toast"],
      [second, personIds.berg, "Panel"],
    ]);
    expect(clashes[1]!.with.id).toBe(panel.id);

    // Moving Berg's segment first (04:00–04:10) ends her clash and moves Ost's segment away from the toast.
    await reorderSegments(organizer, ref, [second, first]);
    expect(savedWarnings(await getCeremonyEditor(organizer, "2017", ref.sessionId, "en")).clashes).toEqual(
      [],
    );
  });
});

describe("inductees and order of precedence", () => {
  it("replaces the inducted cities, German and Chinese, audited", async () => {
    const ref = await ceremony([5]);
    const city = async (slug: string) => (await db.city.findUniqueOrThrow({ where: { slug } })).id;
    const [cologne, foshan] = [await city("cologne"), await city("foshan")];
    await saveInductees(organizer, ref, [cologne, foshan]);
    await saveInductees(organizer, ref, [foshan]);
    expect(
      (await db.ceremonyInductee.findMany({ where: { sessionId: ref.sessionId } })).map((row) => row.cityId),
    ).toEqual([foshan]);
    const entries = await auditOf("ceremony.inductees", ref.sessionId);
    expect(entries.map((entry) => [entry.before, entry.after])).toEqual([
      [{ cityIds: [] }, { cityIds: [cologne, foshan].sort() }],
      [{ cityIds: [cologne, foshan].sort() }, { cityIds: [foshan] }],
    ]);
    expect(await outcome(saveInductees(organizer, ref, ["no-such-city"]))).toBe("invalid");
  });

  it("saves the order of precedence as a list, reorders it, and reads it back in that order", async () => {
    const ref = await ceremony([5]);
    const { ost, schwanhold, berg } = personIds;
    await saveOfficials(organizer, ref, [
      { personId: schwanhold, speaks: true },
      { personId: ost, speaks: true, signs: true },
      { personId: berg, signs: true },
    ]);
    await saveOfficials(organizer, ref, [
      { personId: berg, speaks: true, signs: true },
      { personId: schwanhold, speaks: true },
    ]);
    const { officials } = await getCeremonyProgramme(organizer, "2017", ref.sessionId);
    expect(
      officials.map((official) => [official.id, official.precedence, official.speaks, official.signs]),
    ).toEqual([
      [berg, 0, true, true],
      [schwanhold, 1, true, false],
    ]);
    const entries = await auditOf("ceremony.officials", ref.sessionId);
    expect(entries).toHaveLength(2);
    expect(entries[1]!.before).toEqual({
      officials: [
        { personId: schwanhold, speaks: true, signs: false },
        { personId: ost, speaks: true, signs: true },
        { personId: berg, speaks: false, signs: true },
      ],
    });
    expect(await outcome(saveOfficials(organizer, ref, [{ personId: berg }, { personId: berg }]))).toBe(
      "invalid",
    );
    expect(await outcome(saveOfficials(organizer, ref, [{ personId: "nobody" }]))).toBe("invalid");
  });

  it("reads the seeded 2017 ceremony: 11:00 in Hannover, 45 minutes filled, Schwanhold first in precedence", async () => {
    const session = await db.session.findFirstOrThrow({ where: { meetingId, slug: "aufnahme-koeln" } });
    const editor = await getCeremonyEditor(organizer, "2017", session.id, "de");
    expect(editor.ceremony.startsAt).toBe("2017-04-24T09:00:00.000Z");
    expect(editor.runOfShow.segments).toHaveLength(7);
    expect(savedWarnings(editor).fit).toEqual({ kind: "fits" });
    expect(editor.officials.map((official) => official.familyName)).toEqual(["Schwanhold", "Ost", "Berg"]);
    expect(await outcome(getCeremonyEditor(checkin, "2017", session.id, "de"))).toBe("forbidden");
    expect(await outcome(getCeremonyEditor(null, "2017", session.id, "de"))).toBe("unauthenticated");
  });
});
