import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import jsQR from "jsqr";
import { beforeAll, describe, expect, it } from "vitest";
import { formatCheckInCode } from "@/app/_lib/check-in-code";
import type { Actor } from "@/app/_server/authz";
import { db } from "@/app/_server/db";
import { env } from "@/app/_server/env";
import { checkInQrPng, checkInUrl } from "@/app/_server/registration/check-in-link";
import { newCheckInCode } from "@/app/_server/registration/tokens";
import { createActor, outcome, roleOutcomes } from "@/test/integration/actors";
import { createMeetingRow, range } from "@/test/integration/factories";
import { getBadgeSheet } from "./badges";
import { checkIn } from "./mutations";
import { findByCheckInCode, getCheckInCard, getCheckInMeeting, searchForCheckIn } from "./queries";

// pngjs comes with qrcode and has no type declarations of its own.
const { PNG } = createRequire(import.meta.url)("pngjs") as {
  PNG: { sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } } };
};

let organizer: Actor;
let admin: Actor;
let staff: Actor;
let meeting: { id: string; slug: string };

const unique = () => randomUUID().slice(0, 8);

beforeAll(async () => {
  [organizer, admin, staff] = await Promise.all([
    createActor("organizer"),
    createActor("admin"),
    createActor("checkin"),
  ]);
  // A meeting of its own, so that the running count is exact whatever other tests add.
  meeting = await createMeetingRow({ slug: `desk-${unique()}` });
});

type Status = "pending" | "confirmed" | "cancelled" | "rejected";

async function registration(
  status: Status = "confirmed",
  names: { givenName?: string; familyName?: string; nativeName?: string } = {},
) {
  const email = `guest-${unique()}@example.org`;
  return db.registration.create({
    data: {
      meetingId: meeting.id,
      status,
      givenName: names.givenName ?? "Wei",
      familyName: names.familyName ?? `Wang${unique()}`,
      nativeName: names.nativeName ?? null,
      nameOrder: "family_first",
      role: "delegate",
      email,
      activeEmail: status === "pending" || status === "confirmed" ? email : null,
      language: "zh",
      privacyConsentAt: new Date(),
      checkInCode: newCheckInCode(),
    },
    select: { id: true, checkInCode: true, familyName: true },
  });
}

describe("check-in desk", () => {
  it("is open to check-in staff, organizers and admins, to nobody else", async () => {
    const someone = await registration();
    expect(await outcome(getCheckInMeeting(null, meeting.slug))).toBe("unauthenticated");
    expect(await outcome(searchForCheckIn(null, meeting.id, "Wang"))).toBe("unauthenticated");
    expect(await outcome(findByCheckInCode(null, meeting.id, someone.checkInCode))).toBe("unauthenticated");
    expect(await outcome(getCheckInCard(null, meeting.id, someone.id))).toBe("unauthenticated");
    expect(await outcome(checkIn(null, meeting.id, someone.id))).toBe("unauthenticated");
    for (const actor of [staff, organizer, admin]) {
      expect(await outcome(getCheckInMeeting(actor, meeting.slug))).toBe("ok");
      expect(await outcome(searchForCheckIn(actor, meeting.id, "Wang"))).toBe("ok");
    }
    expect(await outcome(getCheckInMeeting(staff, "no-such-meeting"))).toBe("not_found");
    expect((await checkIn(organizer, meeting.id, someone.id)).result).toBe("checked_in");
    expect(await outcome(checkIn(staff, meeting.id, "no-such-registration"))).toBe("not_found");
  });

  it("finds a delegate by code however it was typed or scanned, and only in the desk's meeting", async () => {
    const guest = await registration();
    const typed = formatCheckInCode(guest.checkInCode).toLowerCase().replace(/0/g, "o").replace(/1/g, "l");
    for (const input of [guest.checkInCode, ` ${typed} `, checkInUrl(meeting.slug, guest.checkInCode)]) {
      expect((await findByCheckInCode(staff, meeting.id, input))?.id, input).toBe(guest.id);
    }
    expect(await findByCheckInCode(staff, meeting.id, "not a code")).toBeNull();
    const other = await createMeetingRow({ slug: `other-${unique()}` });
    expect(await findByCheckInCode(staff, other.id, guest.checkInCode)).toBeNull();
    expect(await getCheckInCard(staff, other.id, guest.id)).toBeNull();
    expect(await outcome(checkIn(staff, other.id, guest.id))).toBe("not_found");
  });

  it("finds delegates by Latin and by native name, with every status", async () => {
    const family = `Zhao${unique()}`;
    const native = `赵${unique()}`;
    const confirmed = await registration("confirmed", {
      givenName: "Lei",
      familyName: family,
      nativeName: native,
    });
    const pending = await registration("pending", { givenName: "Min", familyName: family });
    const byLatin = await searchForCheckIn(staff, meeting.id, `lei ${family.toLowerCase()}`);
    expect(byLatin.hits.map((hit) => hit.id)).toEqual([confirmed.id]);
    const byFamily = await searchForCheckIn(staff, meeting.id, family);
    expect(byFamily.hits.map((hit) => [hit.id, hit.status])).toEqual(
      expect.arrayContaining([
        [confirmed.id, "confirmed"],
        [pending.id, "pending"],
      ]),
    );
    expect((await searchForCheckIn(staff, meeting.id, native)).hits.map((hit) => hit.id)).toEqual([
      confirmed.id,
    ]);
    expect(await searchForCheckIn(staff, meeting.id, "   ")).toEqual({ hits: [], more: false });
  });

  it("searches names only: an email address or an organization finds nobody", async () => {
    const guest = await registration("confirmed", { givenName: "Mei" });
    const { email } = await db.registration.update({
      where: { id: guest.id },
      data: { organization: `Amt ${guest.familyName}` },
      select: { email: true },
    });
    expect((await searchForCheckIn(staff, meeting.id, guest.familyName)).hits.map((hit) => hit.id)).toEqual([
      guest.id,
    ]);
    for (const q of [email, email.split("@")[0]!, `Amt ${guest.familyName}`, `mei ${email}`]) {
      expect(await searchForCheckIn(staff, meeting.id, q), q).toEqual({ hits: [], more: false });
    }
  });

  it("records the check-in with time and staff member, counts it, and audits it", async () => {
    const before = await getCheckInMeeting(staff, meeting.slug);
    const guest = await registration();
    const started = Date.now();
    const result = await checkIn(staff, meeting.id, guest.id);
    expect(result).toMatchObject({ result: "checked_in", staffEmail: staff.email, staffName: staff.name });
    if (result.result !== "checked_in") throw new Error("not checked in");
    expect(Date.parse(result.at)).toBeGreaterThanOrEqual(started - 1000);
    expect(Date.parse(result.at)).toBeLessThanOrEqual(Date.now() + 1000);
    const row = await db.checkIn.findUniqueOrThrow({ where: { registrationId: guest.id } });
    expect(row).toMatchObject({ meetingId: meeting.id, staffId: staff.id, staffEmail: staff.email });
    expect(row.at.toISOString()).toBe(result.at);
    const after = await getCheckInMeeting(staff, meeting.slug);
    expect([after.confirmed - before.confirmed, after.checkedIn - before.checkedIn]).toEqual([1, 1]);
    expect((await getCheckInCard(staff, meeting.id, guest.id))?.checkIn).toEqual({
      at: result.at,
      staffEmail: staff.email,
      staffName: staff.name,
    });
    const entries = await db.auditEntry.findMany({ where: { entityId: guest.id } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "registration.checkIn",
      entity: "Registration",
      meetingId: meeting.id,
      actorId: staff.id,
      actorEmail: staff.email,
    });
    expect(entries[0]!.after).toEqual({ at: result.at, staffEmail: staff.email });
  });

  it("answers a second check-in with the first one's time and staff member, without a new row or entry", async () => {
    const guest = await registration();
    const first = await checkIn(staff, meeting.id, guest.id);
    const second = await checkIn(organizer, meeting.id, guest.id);
    expect(second).toEqual({ ...first, result: "already" });
    expect(await db.checkIn.count({ where: { registrationId: guest.id } })).toBe(1);
    expect(await db.auditEntry.count({ where: { entityId: guest.id, action: "registration.checkIn" } })).toBe(
      1,
    );
  });

  it("records exactly one check-in when ten phones check the same delegate in at once", async () => {
    const guest = await registration();
    const phones = await Promise.all(range(10).map(() => createActor("checkin")));
    const results = await Promise.all(phones.map((phone) => checkIn(phone, meeting.id, guest.id)));
    expect(results.filter((result) => result.result === "checked_in")).toHaveLength(1);
    expect(results.filter((result) => result.result === "already")).toHaveLength(9);
    const row = await db.checkIn.findUniqueOrThrow({ where: { registrationId: guest.id } });
    // Every answer names the same first arrival.
    expect(
      new Set(
        results.map((result) => result.result !== "not_confirmed" && `${result.at} ${result.staffEmail}`),
      ),
    ).toEqual(new Set([`${row.at.toISOString()} ${row.staffEmail}`]));
    expect(await db.auditEntry.count({ where: { entityId: guest.id, action: "registration.checkIn" } })).toBe(
      1,
    );
  });

  it("refuses pending, cancelled and rejected registrations, saying why, and records nothing", async () => {
    for (const status of ["pending", "cancelled", "rejected"] as const) {
      const guest = await registration(status);
      expect(await checkIn(staff, meeting.id, guest.id)).toEqual({ result: "not_confirmed", status });
      expect(await db.checkIn.count({ where: { registrationId: guest.id } })).toBe(0);
      expect(await db.auditEntry.count({ where: { entityId: guest.id } })).toBe(0);
    }
  });
});

describe("check-in QR code", () => {
  it("holds the desk's address with the code, which the scanner reads back", async () => {
    const code = newCheckInCode();
    const png = PNG.sync.read(await checkInQrPng("2017", code));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(`${env().PUBLIC_URL}/admin/meetings/2017/check-in?code=${code}`);
    expect(decoded?.data).toBe(checkInUrl("2017", code));
  });
});

describe("badge sheet", () => {
  it("has confirmed registrations only, whatever the filter", async () => {
    const family = `Badge${unique()}`;
    const people = Object.fromEntries(
      await Promise.all(
        (["confirmed", "pending", "cancelled", "rejected"] as const).map(async (status) => [
          status,
          (await registration(status, { familyName: family })).id,
        ]),
      ),
    );
    const sheet = (params: Record<string, string>) => getBadgeSheet(organizer, meeting.slug, params);
    expect(await outcome(sheet({}))).toBe("ok");
    expect(await outcome(getBadgeSheet(staff, meeting.slug, {}))).toBe("forbidden");
    const filtered = await sheet({ q: family });
    expect([filtered.selection, filtered.badges.map((badge) => badge.id)]).toEqual([
      "filtered",
      [people.confirmed],
    ]);
    for (const status of ["pending", "cancelled", "rejected"]) {
      expect((await sheet({ q: family, status })).badges, status).toEqual([]);
      expect((await sheet({ id: people[status]! })).badges, status).toEqual([]);
    }
    expect((await sheet({ q: family, status: "confirmed" })).badges.map((badge) => badge.id)).toEqual([
      people.confirmed,
    ]);
    expect((await sheet({ id: people.confirmed! })).badges.map((badge) => badge.id)).toEqual([
      people.confirmed,
    ]);
    expect((await sheet({})).badges.map((badge) => badge.id)).toContain(people.confirmed);
    expect((await sheet({})).badges.map((badge) => badge.id)).not.toContain(people.cancelled);
  });

  it("gives check-in staff one delegate's badge, and the sheets of the list only to organizers", async () => {
    const delegate = await registration("confirmed", { familyName: `Desk${unique()}` });
    const actors = { checkin: staff, organizer, admin };
    expect(
      await roleOutcomes(actors, (actor) => getBadgeSheet(actor, meeting.slug, { id: delegate.id })),
    ).toEqual(["unauthenticated", "ok", "ok", "ok"]);
    for (const params of [{}, { q: delegate.familyName }, { status: "confirmed" }])
      expect(await roleOutcomes(actors, (actor) => getBadgeSheet(actor, meeting.slug, params))).toEqual([
        "unauthenticated",
        "forbidden",
        "ok",
        "ok",
      ]);
    const one = await getBadgeSheet(staff, meeting.slug, { id: delegate.id, q: "nobody", status: "pending" });
    expect([one.selection, one.badges.map((badge) => badge.id)]).toEqual(["one", [delegate.id]]);
  });

  it("finds one badge's registration only in its own meeting", async () => {
    const other = await createMeetingRow({ slug: `other-${unique()}` });
    const delegate = await registration("confirmed");
    expect(await outcome(getBadgeSheet(staff, other.slug, { id: delegate.id }))).toBe("not_found");
    expect(await outcome(getBadgeSheet(organizer, other.slug, { id: delegate.id }))).toBe("not_found");
    expect(await outcome(getBadgeSheet(staff, meeting.slug, { id: "not-an-id" }))).toBe("not_found");
    expect(await outcome(getBadgeSheet(staff, meeting.slug, { id: "" }))).toBe("not_found");
    expect(await outcome(getBadgeSheet(staff, `other-${unique()}`, { id: delegate.id }))).toBe("not_found");
  });

  it("holds what the badge says in the delegate's language", async () => {
    const delegate = await db.registration.create({
      data: {
        meetingId: meeting.id,
        status: "confirmed",
        givenName: "Anna",
        familyName: `Keller${unique()}`,
        honorific: "Dr.",
        position: "Oberbürgermeisterin",
        role: "head_of_delegation",
        cityOther: "Hannover",
        email: `keller-${unique()}@example.org`,
        language: "de",
        privacyConsentAt: new Date(),
        checkInCode: newCheckInCode(),
      },
    });
    const { badges } = await getBadgeSheet(staff, meeting.slug, { id: delegate.id });
    expect(badges).toEqual([
      {
        id: delegate.id,
        givenName: "Anna",
        familyName: delegate.familyName,
        nativeName: null,
        nameOrder: "given_first",
        honorific: "Dr.",
        position: "Oberbürgermeisterin",
        language: "de",
        role: "head_of_delegation",
        city: null,
        cityOther: "Hannover",
        qrSvg: expect.stringMatching(/^<svg/),
      },
    ]);
  });
});
