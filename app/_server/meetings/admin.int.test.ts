import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/app/_server/db";
import { setCityQuota } from "@/app/_server/desk/quotas";
import { newCheckInCode } from "@/app/_server/registration/tokens";
import {
  createRoleActors,
  DELETED_BY_ORGANIZER,
  lastAudit,
  outcome,
  PROGRAM_EDITORS,
  roleOutcomes,
} from "@/test/integration/actors";
import { delegate } from "@/test/integration/factories";
import {
  getMeetingSettings,
  listCityQuotas,
  listMeetingsForAdmin,
  listRoomsAndTracks,
  nextMeetingDraft,
} from "./admin-queries";
import { createMeeting, updateMeeting } from "./mutations";
import { createRoom, createTrack, deleteRoom, deleteTrack, updateRoom, updateTrack } from "./rooms";
import { refusal } from "@/test/integration/refusal";

const actors = await createRoleActors();
const { organizer, admin, checkin } = actors;

const unique = () => randomUUID().slice(0, 8);

function meetingForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    slug: `m-${unique()}`,
    titleDe: "Jahrestreffen",
    titleEn: "Annual meeting",
    titleZh: "",
    venueName: "Hannover Messe",
    venueCity: "Hannover",
    venueCountry: "DE",
    timeZone: "Europe/Berlin",
    startsOn: "2018-04-23",
    endsOn: "2018-04-24",
    registrationOpensAt: "2018-02-01T09:00",
    registrationClosesAt: "",
    requiresApproval: "on",
    defaultLocale: "de",
    ...overrides,
  };
}

async function meeting(overrides: Record<string, unknown> = {}) {
  return createMeeting(organizer, meetingForm(overrides));
}

async function session(meetingId: string, data: { roomId?: string; trackId?: string } = {}) {
  return db.session.create({
    data: {
      meetingId,
      slug: `s-${unique()}`,
      kind: "panel",
      titleDe: "Podium",
      startsAt: new Date("2018-04-23T08:00:00Z"),
      endsAt: new Date("2018-04-23T09:00:00Z"),
      ...data,
    },
  });
}

async function city(country: "DE" | "CN" = "DE") {
  return db.city.create({
    data: { slug: `c-${unique()}`, nameDe: `Stadt ${unique()}`, nameEn: "City", nameZh: "城市", country },
  });
}

describe("meetings", () => {
  it("are created by organizers and admins only, audited with their settings", async () => {
    expect(await roleOutcomes(actors, (actor) => createMeeting(actor, meetingForm()))).toEqual(
      PROGRAM_EDITORS,
    );
    const created = await meeting({
      slug: `tz-${unique()}`,
      registrationOpensAt: "2018-02-01T09:00",
      timeZone: "Asia/Shanghai",
    });
    const row = await db.meeting.findUniqueOrThrow({ where: { id: created.id } });
    // Typed in the meeting's zone: 09:00 in Shanghai is 01:00 UTC.
    expect(row).toMatchObject({
      registrationOpensAt: new Date("2018-02-01T01:00:00Z"),
      registrationClosesAt: null,
      requiresApproval: true,
      published: false,
      titleZh: "",
    });
    expect(row.startsOn.toISOString()).toBe("2018-04-23T00:00:00.000Z");
    const entry = await lastAudit(created.id);
    expect(entry).toMatchObject({
      action: "meeting.create",
      entity: "Meeting",
      meetingId: created.id,
      actorId: organizer.id,
      before: null,
    });
    expect(entry.after).toMatchObject({
      slug: created.slug,
      timeZone: "Asia/Shanghai",
      copiedFrom: null,
    });
    expect(await db.auditEntry.count({ where: { entityId: created.id } })).toBe(1);
  });

  it("refuses a taken slug, an unknown time zone, reversed dates and a window closing before it opens", async () => {
    const first = await meeting();
    const taken = await refusal(meeting({ slug: first.slug }));
    expect(taken.details.fields).toEqual({ slug: { key: "slugTaken" } });
    const wrong = await refusal(
      meeting({ timeZone: "Europe/Hanover", startsOn: "2018-04-24", endsOn: "2018-04-23", slug: "a b" }),
    );
    expect(wrong.details.fields).toEqual({
      slug: { key: "slug" },
      timeZone: { key: "timeZone" },
      endsOn: { key: "endsBeforeStart" },
    });
    const window = await refusal(
      meeting({ registrationOpensAt: "2018-03-01T00:00", registrationClosesAt: "2018-02-01T00:00" }),
    );
    expect(window.details.fields).toEqual({ registrationClosesAt: { key: "endsBeforeStart" } });
    const empty = await refusal(meeting({ titleDe: " ", startsOn: "2018-02-30" }));
    expect(empty.details.fields).toEqual({ titleDe: { key: "required" }, startsOn: { key: "date" } });
  });

  it("copies the rooms and tracks of an earlier meeting when only they are checked", async () => {
    const source = await meeting();
    const room = await createRoom(organizer, source.id, {
      nameDe: "Saal 2",
      nameEn: "Hall 2",
      nameZh: "2号厅",
      location: "Convention Center",
      capacity: "300",
      sortOrder: "2",
    });
    await createTrack(organizer, source.id, {
      nameDe: "Industrie 4.0",
      nameEn: "Industry 4.0",
      nameZh: "工业4.0",
      color: "#B91C1C",
      sortOrder: "1",
    });
    await session(source.id, { roomId: room.id });

    const copy = await meeting({ copyFrom: source.id, "copy-rooms": "on", "copy-tracks": "on" });
    const { rooms, tracks } = await listRoomsAndTracks(organizer, copy.id);
    expect(rooms).toEqual([
      {
        id: expect.any(String),
        slug: "hall-2",
        name: { de: "Saal 2", en: "Hall 2", zh: "2号厅" },
        location: "Convention Center",
        capacity: 300,
        sortOrder: 2,
        sessions: 0,
      },
    ]);
    expect(rooms[0]!.id).not.toBe(room.id);
    expect(tracks).toEqual([
      {
        id: expect.any(String),
        slug: "industry-4-0",
        name: { de: "Industrie 4.0", en: "Industry 4.0", zh: "工业4.0" },
        color: "#b91c1c",
        sortOrder: 1,
        sessions: 0,
      },
    ]);
    expect(await db.session.count({ where: { meetingId: copy.id } })).toBe(0);
    expect(await lastAudit(copy.id)).toMatchObject({
      action: "meeting.copy",
      after: {
        from: { id: source.id, slug: source.slug },
        parts: ["rooms", "tracks"],
        copied: { rooms: 1, tracks: 1, sessions: 0, ceremonies: 0, segments: 0, visaLetters: 0, quotas: 0 },
      },
    });

    expect((await refusal(meeting({ copyFrom: "missing" }))).details.fields).toEqual({
      copyFrom: { key: "invalidChoice" },
    });
  });

  it("updates settings with before and after in the audit log, and keeps slugs unique", async () => {
    const created = await meeting();
    const other = await meeting();
    expect(
      await roleOutcomes(actors, (actor) =>
        updateMeeting(actor, created.id, meetingForm({ slug: created.slug })),
      ),
    ).toEqual(PROGRAM_EDITORS);
    const renamed = `r-${unique()}`;
    expect(
      await updateMeeting(
        organizer,
        created.id,
        meetingForm({ slug: renamed, published: "on", titleEn: "Meeting" }),
      ),
    ).toEqual({ slug: renamed });
    const entry = await lastAudit(created.id);
    expect(entry).toMatchObject({
      action: "meeting.update",
      before: { slug: created.slug, published: false },
      after: { slug: renamed, published: true, titleEn: "Meeting" },
    });
    expect(
      (await refusal(updateMeeting(organizer, created.id, meetingForm({ slug: other.slug })))).details.fields,
    ).toEqual({ slug: { key: "slugTaken" } });
    expect(await outcome(updateMeeting(organizer, "missing", meetingForm()))).toBe("not_found");
  });

  it("changes the time zone only while the meeting has no sessions", async () => {
    const created = await meeting();
    expect(
      await updateMeeting(
        organizer,
        created.id,
        meetingForm({ slug: created.slug, timeZone: "Europe/Paris" }),
      ),
    ).toEqual({ slug: created.slug });
    await db.session.create({
      data: {
        meetingId: created.id,
        slug: "s",
        kind: "panel",
        titleDe: "Podium",
        startsAt: new Date("2018-04-23T08:00:00Z"),
        endsAt: new Date("2018-04-23T09:00:00Z"),
      },
    });
    const refused = await refusal(
      updateMeeting(organizer, created.id, meetingForm({ slug: created.slug, timeZone: "Asia/Shanghai" })),
    );
    expect(refused.details.fields).toEqual({ timeZone: { key: "timeZoneHasSessions" } });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: created.id } })).timeZone).toBe("Europe/Paris");
    // Other settings still save with the zone unchanged.
    expect(
      await updateMeeting(
        organizer,
        created.id,
        meetingForm({ slug: created.slug, timeZone: "Europe/Paris", venueName: "Messe" }),
      ),
    ).toEqual({ slug: created.slug });
  });

  it("lists every meeting for every back-office role, drafts included, newest first, with numbers", async () => {
    const old = await meeting({ startsOn: "2001-01-01", endsOn: "2001-01-01" });
    const newest = await meeting({ startsOn: "2099-05-01", endsOn: "2099-05-02" });
    await session(newest.id);
    await db.registration.create({
      data: {
        meetingId: newest.id,
        status: "confirmed",
        givenName: "Wei",
        familyName: "Wang",
        role: "delegate",
        email: "x@example.org",
        language: "zh",
        privacyConsentAt: new Date(),
        checkInCode: newCheckInCode(),
      },
    });
    await db.registration.create({
      data: {
        meetingId: newest.id,
        status: "cancelled",
        givenName: "Wei",
        familyName: "Li",
        role: "delegate",
        email: "y@example.org",
        language: "zh",
        privacyConsentAt: new Date(),
        checkInCode: newCheckInCode(),
      },
    });
    expect(await outcome(listMeetingsForAdmin(null))).toBe("unauthenticated");
    const list = await listMeetingsForAdmin(checkin);
    expect(list[0]).toMatchObject({
      id: newest.id,
      published: false,
      sessions: 1,
      registrations: { confirmed: 1, pending: 0, cancelled: 1, rejected: 0 },
      startsOn: "2099-05-01",
      endsOn: "2099-05-02",
    });
    expect(list.at(-1)!.id).toBe(old.id);
    expect(await outcome(getMeetingSettings(checkin, newest.slug))).toBe("forbidden");
    expect((await getMeetingSettings(organizer, newest.slug)).defaults).toMatchObject({
      registrationOpensAt: "2018-02-01T09:00",
      requiresApproval: true,
    });

    const draft = await nextMeetingDraft(organizer);
    expect(draft.defaults).toMatchObject({
      // Friday of week 18 again, two days long; the window moves by the same 371 days.
      slug: "2100",
      startsOn: "2100-05-07",
      endsOn: "2100-05-08",
      registrationOpensAt: "2019-02-07T09:00",
      published: false,
      venueName: "Hannover Messe",
    });
    expect(draft.sources[0]!.id).toBe(newest.id);
    expect(await outcome(nextMeetingDraft(checkin))).toBe("forbidden");
  });
});

describe("city quotas", () => {
  it("are set by organizers only, refused below the registered delegates, audited", async () => {
    const { id: meetingId } = await meeting();
    const cologne = await city();
    expect(await roleOutcomes(actors, (actor) => setCityQuota(actor, meetingId, cologne.id, 5))).toEqual(
      PROGRAM_EDITORS,
    );
    for (const status of ["confirmed", "pending", "cancelled"] as const) {
      const input = delegate({ cityId: cologne.id, cityOther: null });
      await db.registration.create({
        data: {
          meetingId,
          status,
          givenName: input.givenName,
          familyName: input.familyName,
          role: "delegate",
          email: input.email,
          language: "de",
          privacyConsentAt: new Date(),
          cityId: cologne.id,
          checkInCode: newCheckInCode(),
        },
      });
    }
    const below = await refusal(setCityQuota(organizer, meetingId, cologne.id, 1));
    expect(below.details.fields).toEqual({
      delegates: { key: "quotaBelowRegistered", values: { registered: 2 } },
    });
    await setCityQuota(organizer, meetingId, cologne.id, 2);
    const entryId = `${meetingId}:${cologne.id}`;
    expect(await lastAudit(entryId)).toMatchObject({
      action: "cityQuota.update",
      entity: "CityQuota",
      meetingId,
      before: { delegates: 5 },
      after: { meetingId, cityId: cologne.id, delegates: 2 },
    });
    expect(
      (await listCityQuotas(organizer, meetingId)).find((row) => row.cityId === cologne.id),
    ).toMatchObject({ quota: 2, registered: 2, country: "DE" });

    await setCityQuota(organizer, meetingId, cologne.id, null);
    expect(await db.cityQuota.count({ where: { meetingId, cityId: cologne.id } })).toBe(0);
    expect(await lastAudit(entryId)).toMatchObject({ before: { delegates: 2 }, after: null });
    // Nothing changed, nothing recorded.
    const entries = await db.auditEntry.count({ where: { entityId: entryId } });
    await setCityQuota(organizer, meetingId, cologne.id, null);
    expect(await db.auditEntry.count({ where: { entityId: entryId } })).toBe(entries);
    expect(await outcome(setCityQuota(organizer, meetingId, "missing", 3))).toBe("not_found");
    expect(await outcome(listCityQuotas(checkin, meetingId))).toBe("forbidden");
  });
});

describe("rooms and tracks", () => {
  const roomForm = {
    nameDe: "Saal 1",
    nameEn: "Hall 1",
    nameZh: "1号厅",
    location: "Halle 2",
    capacity: "",
    sortOrder: "",
  };
  const trackForm = { nameDe: "Kommunen", nameEn: "", nameZh: "", color: "#475569", sortOrder: "3" };

  it("rooms: create, rename (a change of place for calendars), delete unless in use; audited", async () => {
    const { id: meetingId } = await meeting();
    expect(await roleOutcomes(actors, (actor) => createRoom(actor, meetingId, roomForm))).toEqual(
      PROGRAM_EDITORS,
    );
    const room = await createRoom(organizer, meetingId, roomForm);
    expect(await db.room.findUniqueOrThrow({ where: { id: room.id } })).toMatchObject({
      slug: "hall-1-3",
      capacity: null,
      sortOrder: 0,
      location: "Halle 2",
    });
    expect(await lastAudit(room.id)).toMatchObject({
      action: "room.create",
      entity: "Room",
      meetingId,
      after: { slug: "hall-1-3" },
    });
    expect(
      (await refusal(createRoom(organizer, meetingId, { ...roomForm, capacity: "0", nameDe: "" }))).details
        .fields,
    ).toEqual({
      nameDe: { key: "required" },
      capacity: { key: "tooSmall" },
    });

    const inRoom = await session(meetingId, { roomId: room.id });
    expect(
      await roleOutcomes(actors, (actor) => updateRoom(actor, room.id, { ...roomForm, capacity: "80" })),
    ).toEqual(PROGRAM_EDITORS);
    // A new capacity is no change of place.
    expect((await db.session.findUniqueOrThrow({ where: { id: inRoom.id } })).sequence).toBe(0);
    await updateRoom(organizer, room.id, { ...roomForm, location: "Halle 3", capacity: "80" });
    const moved = await db.session.findUniqueOrThrow({ where: { id: inRoom.id } });
    expect(moved.sequence).toBe(1);
    expect(moved.updatedAt.getTime()).toBeGreaterThan(inRoom.updatedAt.getTime());
    expect(await lastAudit(room.id)).toMatchObject({
      action: "room.update",
      before: { location: "Halle 2", capacity: 80 },
      after: { location: "Halle 3", capacity: 80 },
    });

    expect(await roleOutcomes(actors, (actor) => deleteRoom(actor, room.id))).toEqual([
      "unauthenticated",
      "forbidden",
      "invalid",
      "invalid",
    ]);
    expect((await refusal(deleteRoom(organizer, room.id))).details.fields).toEqual({ _: { key: "inUse" } });
    await db.session.delete({ where: { id: inRoom.id } });
    expect(await roleOutcomes(actors, (actor) => deleteRoom(actor, room.id))).toEqual(DELETED_BY_ORGANIZER);
    expect(await lastAudit(room.id)).toMatchObject({
      action: "room.delete",
      before: { slug: "hall-1-3" },
      after: null,
    });
    const spare = await createRoom(organizer, meetingId, roomForm);
    expect(await outcome(deleteRoom(admin, spare.id))).toBe("ok");
  });

  it("tracks: create, edit, delete unless in use; colours are checked; audited", async () => {
    const { id: meetingId } = await meeting();
    expect(await roleOutcomes(actors, (actor) => createTrack(actor, meetingId, trackForm))).toEqual(
      PROGRAM_EDITORS,
    );
    expect(
      (await refusal(createTrack(organizer, meetingId, { ...trackForm, color: "red" }))).details.fields,
    ).toEqual({ color: { key: "color" } });
    expect(await outcome(createTrack(organizer, "missing", trackForm))).toBe("not_found");
    const track = await createTrack(organizer, meetingId, trackForm);
    expect(await db.track.findUniqueOrThrow({ where: { id: track.id } })).toMatchObject({
      slug: "kommunen-3",
      nameEn: "",
      sortOrder: 3,
    });

    expect(
      await roleOutcomes(actors, (actor) => updateTrack(actor, track.id, { ...trackForm, color: "#0F766E" })),
    ).toEqual(PROGRAM_EDITORS);
    expect(await lastAudit(track.id)).toMatchObject({
      action: "track.update",
      before: { color: "#0f766e" },
      after: { color: "#0f766e" },
    });
    const used = await session(meetingId, { trackId: track.id });
    expect((await refusal(deleteTrack(organizer, track.id))).details.fields).toEqual({ _: { key: "inUse" } });
    await db.session.delete({ where: { id: used.id } });
    expect(await roleOutcomes(actors, (actor) => deleteTrack(actor, track.id))).toEqual(DELETED_BY_ORGANIZER);
    expect(await lastAudit(track.id)).toMatchObject({
      action: "track.delete",
      entity: "Track",
      before: { color: "#0f766e" },
    });
    const spare = await createTrack(organizer, meetingId, trackForm);
    expect(await outcome(deleteTrack(admin, spare.id))).toBe("ok");
  });
});
