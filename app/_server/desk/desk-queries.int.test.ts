import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/app/_server/authz";
import { checkIn } from "@/app/_server/check-in/mutations";
import { db } from "@/app/_server/db";
import { parseDeskFilters } from "@/app/_lib/registration/desk-filters";
import { seedDemo } from "@/prisma/seed";
import { createActor, outcome } from "@/test/integration/actors";
import { delegate, demoMeetingId, limitedSession, uteBerg } from "@/test/integration/factories";
import { cancelRegistrationAtDesk, resendConfirmation } from "./desk-mutations";
import { deskChoices, getDeskMeeting, getDeskRegistration, listDeskRegistrations } from "./desk-queries";
import { register } from "../registration/register";

let meetingId: string;
let organizer: Actor;
let checkin: Actor;
let cologneId: string;
let nanchangId: string;
/** A word only this file's registrations carry (in their organization), so that the demo's never count. */
const tag = `t${randomUUID().slice(0, 8)}`;
const ids: Record<string, string> = {};
let fullSession: string;

beforeAll(async () => {
  await seedDemo(db);
  meetingId = await demoMeetingId();
  [organizer, checkin] = await Promise.all([createActor("organizer"), createActor("checkin")]);
  cologneId = (await db.city.findUniqueOrThrow({ where: { slug: "cologne" } })).id;
  nanchangId = (await db.city.findUniqueOrThrow({ where: { slug: "nanchang" } })).id;
  fullSession = await limitedSession(1, 8);
  const at = { locale: "de" as const };
  const city = (cityId: string) => ({ cityId, cityOther: null });
  ids.berg = (
    await register(
      "2017",
      delegate({
        ...uteBerg,
        organization: `Stadt Köln ${tag}`,
        ...city(cologneId),
        role: "head_of_delegation",
        sessionIds: [fullSession],
        interpretation: ["zh"],
      }),
      at,
    )
  ).id;
  ids.wang = (
    await register(
      "2017",
      delegate({
        givenName: "Wei",
        familyName: "Wang",
        nativeName: "王伟",
        organization: `Nanchang ${tag}`,
        ...city(nanchangId),
        sessionIds: [fullSession],
        visaLetter: true,
      }),
      at,
    )
  ).id;
  ids.adler = (
    await register(
      "2017",
      delegate({
        givenName: "Anna",
        familyName: "Adler",
        nativeName: null,
        nameOrder: "given_first",
        organization: `Presse ${tag}`,
        email: `adler-${tag}@presse.example`,
        role: "press",
      }),
      at,
    )
  ).id;
  // Created on different days, in an order that differs from the names' order.
  for (const [name, day] of [
    ["berg", 3],
    ["wang", 1],
    ["adler", 2],
  ] as const) {
    await db.registration.update({
      where: { id: ids[name] },
      data: { createdAt: new Date(Date.UTC(2017, 2, day, 9)) },
    });
  }
  await cancelRegistrationAtDesk(organizer, meetingId, ids.adler);
  // The desk's own check-in (with its audit entry): after the confirmation email, before the resend of the detail test.
  expect((await checkIn(checkin, meetingId, ids.berg!)).result).toBe("checked_in");
});

async function names(query: Record<string, string>): Promise<string[]> {
  const { rows } = await listDeskRegistrations(
    organizer,
    meetingId,
    parseDeskFilters({ q: tag, ...query, ...(query.q ? { q: `${query.q} ${tag}` } : {}) }),
  );
  return rows.map((row) => row.familyName);
}

describe("the list", () => {
  it("refuses anonymous visitors and the check-in staff", async () => {
    const filters = parseDeskFilters({});
    expect(await outcome(listDeskRegistrations(null, meetingId, filters))).toBe("unauthenticated");
    expect(await outcome(listDeskRegistrations(checkin, meetingId, filters))).toBe("forbidden");
    expect(await outcome(getDeskRegistration(checkin, meetingId, ids.berg!))).toBe("forbidden");
    expect(await outcome(deskChoices(checkin, meetingId))).toBe("forbidden");
    expect(await outcome(getDeskMeeting(null, "2017"))).toBe("unauthenticated");
  });

  it("searches any name script, the email address and the organization", async () => {
    expect(await names({})).toEqual(["Adler", "Berg", "Wang"]);
    expect(await names({ q: "王伟" })).toEqual(["Wang"]);
    expect(await names({ q: "wei" })).toEqual(["Wang"]);
    expect(await names({ q: "presse.example" })).toEqual(["Adler"]);
    expect(await names({ q: "köln" })).toEqual(["Berg"]);
  });

  it("filters by city, country, role, status, session, interpretation and visa letter", async () => {
    expect(await names({ city: cologneId })).toEqual(["Berg"]);
    expect(await names({ city: "other" })).toEqual(["Adler"]);
    expect(await names({ country: "CN" })).toEqual(["Wang"]);
    expect(await names({ role: "press" })).toEqual(["Adler"]);
    expect(await names({ status: "cancelled" })).toEqual(["Adler"]);
    expect(await names({ status: "confirmed" })).toEqual(["Berg", "Wang"]);
    expect(await names({ status: "waitlisted" })).toEqual(["Wang"]);
    expect(await names({ session: fullSession })).toEqual(["Berg", "Wang"]);
    expect(await names({ interpretation: "1" })).toEqual(["Berg"]);
    expect(await names({ visaLetter: "1" })).toEqual(["Wang"]);
  });

  it("sorts by name, creation, city and status, both ways", async () => {
    expect(await names({ dir: "desc" })).toEqual(["Wang", "Berg", "Adler"]);
    expect(await names({ sort: "created" })).toEqual(["Wang", "Adler", "Berg"]);
    expect(await names({ sort: "created", dir: "desc" })).toEqual(["Berg", "Adler", "Wang"]);
    // By the city's English name; delegates from outside the member cities last (nulls last in ascending order).
    expect(await names({ sort: "city" })).toEqual(["Berg", "Wang", "Adler"]);
    expect(await names({ sort: "status" })).toEqual(["Berg", "Wang", "Adler"]);
  });

  it("shows seats with waiting places, check-in and needs on each row, and counts", async () => {
    const { rows, total, pages } = await listDeskRegistrations(
      organizer,
      meetingId,
      parseDeskFilters({ q: tag }),
    );
    expect([total, pages]).toEqual([3, 1]);
    const [adler, berg, wang] = rows;
    expect(berg).toMatchObject({
      checkedIn: true,
      interpretation: ["zh"],
      city: { country: "DE" },
      seats: [{ sessionId: fullSession, status: "confirmed", place: null }],
    });
    expect(wang).toMatchObject({
      checkedIn: false,
      visaLetter: true,
      nativeName: "王伟",
      seats: [{ sessionId: fullSession, status: "waitlisted", place: 1 }],
    });
    expect(adler).toMatchObject({ status: "cancelled", seats: [], cityOther: "Guangzhou" });
    const { sessions, cities } = await deskChoices(organizer, meetingId);
    expect(sessions.find((session) => session.id === fullSession)).toMatchObject({
      capacity: 1,
      seatsTaken: 1,
      waiting: 1,
    });
    expect(cities.find((city) => city.id === nanchangId)).toMatchObject({ country: "CN" });
  });
});

describe("the detail", () => {
  it("has everything entered, the seats, the check-in, and the history merged by time", async () => {
    await resendConfirmation(organizer, meetingId, ids.berg!);
    const berg = await getDeskRegistration(organizer, meetingId, ids.berg!);
    expect(berg).toMatchObject({
      givenName: "Ute",
      role: "head_of_delegation",
      interpretation: ["zh"],
      checkIn: { staffEmail: checkin.email },
    });
    expect(
      berg.history.map((entry) =>
        entry.type === "email" ? `email:${entry.kind}` : entry.type === "audit" ? entry.action : entry.type,
      ),
    ).toEqual([
      "created",
      "email:registration.confirmed",
      // One line for the check-in: its row, not also its audit entry.
      "checkIn",
      // The email is queued inside the resend's transaction, before its audit entry is written.
      "email:registration.confirmed",
      "registration.resend",
    ]);
    const times = berg.history.map((entry) => entry.at);
    expect([...times].sort()).toEqual(times);

    const wang = await getDeskRegistration(organizer, meetingId, ids.wang!);
    expect(wang.sessions).toMatchObject([{ sessionId: fullSession, status: "waitlisted", position: 1 }]);
    expect(wang.checkIn).toBeNull();
    const other = await db.meeting.findFirstOrThrow({ where: { id: { not: meetingId } } }).catch(() => null);
    if (other) expect(await outcome(getDeskRegistration(organizer, other.id, ids.wang!))).toBe("not_found");
  });
});
