import { beforeAll, describe, expect, it, vi } from "vitest";
import { initialFormState } from "@/app/_lib/form-state";
import { messages } from "@/app/_lib/i18n/messages";
import type { Actor } from "@/app/_server/authz";
import { db } from "@/app/_server/db";
import { seedDemo } from "@/prisma/seed";
import {
  createActor,
  createRoleActors,
  lastAudit,
  PROGRAM_EDITORS,
  roleOutcomes,
} from "@/test/integration/actors";
import { createMeetingRow } from "@/test/integration/factories";
import { getPracticalInfo, listMeetingContacts, savePracticalInfo } from "./practical-info";

// What a server action gets from its request: the organizer (from the session cookie) and the page's language.
const request = vi.hoisted(() => ({ actor: null as Actor | null, locale: "de" as "de" | "en" | "zh" }));
vi.mock("@/app/_server/authz", async (original) => ({
  ...(await original<typeof import("@/app/_server/authz")>()),
  currentActor: async () => request.actor,
}));
vi.mock("next-intl/server", async (original) => ({
  ...(await original<typeof import("next-intl/server")>()),
  getLocale: async () => request.locale,
}));
// The settings' actions redirect after a new slug (not done here); next-intl's navigation loads only in Next.
vi.mock("@/app/_lib/i18n/navigation", () => ({ redirect: () => {} }));
vi.mock("next/cache", async (original) => ({
  ...(await original<typeof import("next/cache")>()),
  revalidatePath: () => {},
}));

const { savePracticalInfoAction } = await import("@/app/[locale]/admin/(console)/meetings/[slug]/actions");
const meetingRoute = await import("@/app/api/meetings/[slug]/route");

let organizer: Actor;

beforeAll(async () => {
  await seedDemo(db);
  organizer = await createActor("organizer");
});

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.append(name, value);
  return data;
}

const german = {
  contactName: "Dr. Mara Feld",
  contactEmail: "mara.feld@example.org",
  contactPhone: "+49 511 555 0142",
  venueAddress: "Messegelände\n30521 Hannover",
  latitude: "52,3239",
  longitude: "9.8089",
  directionsUrl: "https://www.example.org/anreise",
  arrivalDe: "S-Bahn S 4 bis Hannover Messe/Laatzen.",
  badgePickupDe: "Ab 8:00 Uhr am Eingang Nord.",
};

describe("saving a meeting's practical information", () => {
  it("refuses a wrong email, phone, coordinate and link in the organizer's language, keeping what was typed", async () => {
    const meeting = await createMeetingRow();
    request.actor = organizer;
    request.locale = "zh";
    const typed = {
      meetingId: meeting.id,
      contactName: "王芳",
      contactEmail: "wang.fang@",
      contactPhone: "call me",
      latitude: "95.5",
      longitude: "",
      directionsUrl: "javascript:alert(1)",
      dressCodeZh: "商务正装",
    };
    const state = await savePracticalInfoAction(initialFormState, form(typed));
    const zh = messages.zh.validation;
    expect(state).toEqual({
      ok: false,
      message: zh.summary,
      fieldErrors: {
        contactEmail: zh.email,
        contactPhone: zh.phone,
        latitude: zh.latitude,
        // A latitude was typed, so a longitude is wanted too.
        longitude: zh.coordinatesPair,
        directionsUrl: zh.url,
      },
      values: typed,
    });
    // A latitude alone is no point on the map: the missing longitude says so.
    request.locale = "de";
    const half = await savePracticalInfoAction(
      initialFormState,
      form({ meetingId: meeting.id, latitude: "52.3", longitude: "200" }),
    );
    expect(half.fieldErrors).toEqual({ longitude: messages.de.validation.longitude });
    const lonely = await savePracticalInfoAction(
      initialFormState,
      form({ meetingId: meeting.id, latitude: "52.3" }),
    );
    expect(lonely.fieldErrors).toEqual({ longitude: messages.de.validation.coordinatesPair });
    expect(await db.meetingPracticalInfo.count({ where: { meetingId: meeting.id } })).toBe(0);
    expect(await db.auditEntry.count({ where: { entityId: meeting.id } })).toBe(0);
  });

  it("stores what was entered, reads a decimal comma, and audits the record before and after", async () => {
    const meeting = await createMeetingRow();
    request.actor = organizer;
    request.locale = "en";
    const state = await savePracticalInfoAction(initialFormState, form({ meetingId: meeting.id, ...german }));
    expect(state).toEqual({ ok: true, message: messages.en.practicalInfo.editor.saved });
    expect(await getPracticalInfo(meeting.id)).toEqual({
      contact: { name: "Dr. Mara Feld", email: "mara.feld@example.org", phone: "+49 511 555 0142" },
      venue: {
        address: "Messegelände\n30521 Hannover",
        coordinates: { latitude: 52.3239, longitude: 9.8089 },
        directionsUrl: "https://www.example.org/anreise",
      },
      texts: {
        arrival: { de: "S-Bahn S 4 bis Hannover Messe/Laatzen.", en: null, zh: null },
        badgePickup: { de: "Ab 8:00 Uhr am Eingang Nord.", en: null, zh: null },
        dressCode: { de: null, en: null, zh: null },
        interpretation: { de: null, en: null, zh: null },
      },
    });
    const created = await lastAudit(meeting.id);
    expect(created).toMatchObject({ action: "meeting.practicalInfo", entity: "Meeting", before: null });
    expect(created.after).toMatchObject({ contactPhone: "+49 511 555 0142", latitude: 52.3239 });

    // Emptying a field stores null; the entry keeps what was there.
    await savePracticalInfo(organizer, meeting.id, { ...german, contactPhone: " ", dressCodeEn: "Business" });
    const changed = await lastAudit(meeting.id);
    expect(changed.before).toMatchObject({ contactPhone: "+49 511 555 0142", dressCodeEn: null });
    expect(changed.after).toMatchObject({ contactPhone: null, dressCodeEn: "Business" });
    expect(await db.meetingPracticalInfo.count({ where: { meetingId: meeting.id } })).toBe(1);
  });

  it("is for organizers and admins only, and for meetings that exist", async () => {
    const meeting = await createMeetingRow();
    const actors = await createRoleActors();
    expect(await roleOutcomes(actors, (actor) => savePracticalInfo(actor, meeting.id, german))).toEqual(
      PROGRAM_EDITORS,
    );
    request.actor = actors.checkin;
    request.locale = "de";
    expect(await savePracticalInfoAction(initialFormState, form({ meetingId: meeting.id }))).toMatchObject({
      ok: false,
      message: messages.de.validation.forbidden,
    });
    request.actor = organizer;
    expect(
      await savePracticalInfoAction(initialFormState, form({ meetingId: "c".repeat(25), ...german })),
    ).toMatchObject({ ok: false, message: messages.de.validation.notFound });
  });
});

describe("GET /api/meetings/{slug}", () => {
  it("gives the venue with address, coordinates and maps, the contact and the texts, and keeps the other fields", async () => {
    const response = await meetingRoute.GET(new Request("http://localhost:3000/api/meetings/2017"), {
      params: Promise.resolve({ slug: "2017" }),
    });
    expect(response.status).toBe(200);
    const { meeting } = await response.json();
    expect(meeting).toMatchObject({ slug: "2017", timeZone: "Europe/Berlin", startsOn: "2017-04-24" });
    expect(meeting.contact).toEqual({
      name: "Dr. Mara Feld",
      email: "jahrestreffen2017@example.org",
      phone: "+49 511 555 0142",
    });
    expect(meeting.venue).toEqual({
      name: "Hannover Messe",
      city: "Hannover",
      country: "DE",
      address: "Messegelände\n30521 Hannover\nDeutschland",
      coordinates: { latitude: 52.3239, longitude: 9.8089 },
      directionsUrl: null,
      maps: {
        openStreetMap: "https://www.openstreetmap.org/?mlat=52.3239&mlon=9.8089#map=17/52.3239/9.8089",
        amap: "https://uri.amap.com/marker?position=9.8089%2C52.3239&name=Hannover+Messe&coordinate=wgs84&callnative=0",
      },
      arrival: {
        de: expect.stringMatching(/^Mit der S-Bahn \(S 4\)/),
        en: expect.stringMatching(/^By S-Bahn \(S 4\)/),
        zh: expect.stringMatching(/^乘坐城铁 S 4/),
      },
    });
    expect(meeting.practical.dressCode).toEqual({
      de: "Geschäftskleidung; zur Aufnahmezeremonie dunkler Anzug oder Kostüm.",
      en: "Business attire; dark suit for the induction ceremony.",
      zh: "商务正装；入盟仪式请着深色西装或套装。",
    });
    expect(Object.keys(meeting.practical)).toEqual(["badgePickup", "dressCode", "interpretation"]);
  });

  it("gives a meeting without practical information its venue as before, no contact and empty texts", async () => {
    const meeting = await createMeetingRow({ published: true });
    const response = await meetingRoute.GET(
      new Request(`http://localhost:3000/api/meetings/${meeting.slug}`),
      {
        params: Promise.resolve({ slug: meeting.slug }),
      },
    );
    const body = await response.json();
    expect(body.meeting.venue).toEqual({
      name: "Hannover Messe",
      city: "Hannover",
      country: "DE",
      address: null,
      coordinates: null,
      directionsUrl: null,
      maps: null,
      arrival: { de: null, en: null, zh: null },
    });
    expect(body.meeting.contact).toBeNull();
  });
});

describe("the privacy page's contacts", () => {
  it("name the contact of each published meeting that has a way to reach them, newest first", async () => {
    const later = await createMeetingRow({ published: true, startsOn: new Date("2030-04-22T00:00:00Z") });
    const unpublished = await createMeetingRow({
      published: false,
      startsOn: new Date("2031-04-21T00:00:00Z"),
    });
    const nameOnly = await createMeetingRow({ published: true, startsOn: new Date("2029-04-23T00:00:00Z") });
    await savePracticalInfo(organizer, later.id, { contactName: "Li Na", contactEmail: "li.na@example.org" });
    await savePracticalInfo(organizer, unpublished.id, { contactEmail: "hidden@example.org" });
    await savePracticalInfo(organizer, nameOnly.id, { contactName: "Nobody to reach" });
    // The other tests of this file saved contacts of meetings of their own.
    const mine = new Set([later.slug, unpublished.slug, nameOnly.slug, "2017"]);
    const contacts = (await listMeetingContacts()).filter(({ slug }) => mine.has(slug));
    expect(contacts.map(({ slug, contact }) => [slug, contact])).toEqual([
      [later.slug, { name: "Li Na", email: "li.na@example.org", phone: null }],
      ["2017", { name: "Dr. Mara Feld", email: "jahrestreffen2017@example.org", phone: "+49 511 555 0142" }],
    ]);
    expect(contacts[1]!.title).toEqual({
      de: "Jahrestreffen 2017",
      en: "Annual meeting 2017",
      zh: "2017年年会",
    });
  });
});
