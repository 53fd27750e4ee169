import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/app/_server/authz";
import { db } from "@/app/_server/db";
import { newCheckInCode } from "@/app/_server/registration/tokens";
import { createActor, outcome } from "@/test/integration/actors";
import { createMeetingRow } from "@/test/integration/factories";
import { meetingNumbers } from "./queries";

let organizer: Actor;
let admin: Actor;
let checkin: Actor;

const unique = () => randomUUID().slice(0, 8);

async function meeting(timeZone: string) {
  return createMeetingRow({ slug: `n-${unique()}`, timeZone, endsOn: new Date("2018-04-24T00:00:00Z") });
}

async function city(country: "DE" | "CN", names: [string, string, string]) {
  return db.city.create({
    data: { slug: `c-${unique()}`, nameDe: names[0], nameEn: names[1], nameZh: names[2], country },
  });
}

type Status = "pending" | "confirmed" | "cancelled" | "rejected";
type Role = "head_of_delegation" | "delegate" | "interpreter" | "guest";

async function registration(
  meetingId: string,
  createdAt: string,
  status: Status,
  role: Role,
  cityId: string | null,
) {
  const email = `d-${unique()}@example.org`;
  return db.registration.create({
    data: {
      meetingId,
      status,
      givenName: "Wei",
      familyName: "Wang",
      role,
      cityId,
      cityOther: cityId ? null : "Guangzhou",
      email,
      activeEmail: status === "pending" || status === "confirmed" ? email : null,
      language: "de",
      privacyConsentAt: new Date(createdAt),
      checkInCode: newCheckInCode(),
      createdAt: new Date(createdAt),
    },
  });
}

async function limitedSession(
  meetingId: string,
  capacity: number,
  seatsTaken: number,
  startsAt: string,
  status: "published" | "draft" = "published",
) {
  return db.session.create({
    data: {
      meetingId,
      slug: `s-${unique()}`,
      kind: "workshop",
      status,
      titleDe: `Werkstatt ${capacity}`,
      titleEn: `Workshop ${capacity}`,
      startsAt: new Date(startsAt),
      endsAt: new Date(new Date(startsAt).getTime() + 3_600_000),
      capacity,
      seatsTaken,
    },
  });
}

async function email(
  registrationId: string | null,
  status: "queued" | "sent" | "failed",
  kind = "registration.received",
) {
  return db.outboxEmail.create({
    data: {
      registrationId,
      kind,
      toAddress: "x@example.org",
      subject: "S",
      text: "T",
      html: "<p>T</p>",
      status,
      nextAttemptAt: new Date(),
    },
  });
}

let fixture: { slug: string; hannover: string; wuhan: string; workshop: string; tour: string };

beforeAll(async () => {
  [organizer, admin, checkin] = await Promise.all([
    createActor("organizer"),
    createActor("admin"),
    createActor("checkin"),
  ]);
  const berlinMeeting = await meeting("Europe/Berlin");
  const other = await meeting("Europe/Berlin");
  const hannover = await city("DE", ["Hannover", "Hanover", "汉诺威"]);
  const wuhan = await city("CN", ["Wuhan", "Wuhan", "武汉"]);
  const id = berlinMeeting.id;
  // 1 March 2018, CET (UTC+1): 22:30 UTC is 23:30 in Berlin, 23:30 UTC is already 2 March there.
  const head = await registration(id, "2018-03-01T22:30:00Z", "confirmed", "head_of_delegation", hannover.id);
  const late = await registration(id, "2018-03-01T23:30:00Z", "confirmed", "delegate", hannover.id);
  const interpreter = await registration(id, "2018-03-02T10:00:00Z", "pending", "interpreter", wuhan.id);
  await registration(id, "2018-03-02T12:00:00Z", "cancelled", "delegate", wuhan.id);
  const elsewhere = await registration(id, "2018-03-05T09:00:00Z", "confirmed", "delegate", null);
  await registration(id, "2018-03-05T09:30:00Z", "rejected", "guest", hannover.id);
  await registration(other.id, "2018-03-05T09:30:00Z", "confirmed", "delegate", hannover.id);

  const workshop = await limitedSession(id, 2, 2, "2018-04-23T12:00:00Z");
  const tour = await limitedSession(id, 10, 1, "2018-04-23T08:00:00Z");
  await limitedSession(id, 5, 0, "2018-04-23T09:00:00Z", "draft");
  await db.sessionSeat.createMany({
    data: [
      { registrationId: head.id, sessionId: workshop.id, status: "confirmed" },
      { registrationId: late.id, sessionId: workshop.id, status: "confirmed" },
      { registrationId: interpreter.id, sessionId: workshop.id, status: "waitlisted", waitlistNumber: 1 },
      { registrationId: head.id, sessionId: tour.id, status: "confirmed" },
    ],
  });

  // 23 April 2018, CEST (UTC+2): 07:10 and 07:50 UTC fall in the hour from 09:00, 08:05 UTC in the one from 10:00.
  await db.checkIn.createMany({
    data: [
      {
        registrationId: head.id,
        meetingId: id,
        at: new Date("2018-04-23T07:10:00Z"),
        staffEmail: "desk@example.org",
      },
      {
        registrationId: late.id,
        meetingId: id,
        at: new Date("2018-04-23T07:50:00Z"),
        staffEmail: "desk@example.org",
      },
      {
        registrationId: elsewhere.id,
        meetingId: id,
        at: new Date("2018-04-23T08:05:00Z"),
        staffEmail: "desk@example.org",
      },
    ],
  });

  await email(head.id, "sent");
  await email(late.id, "queued");
  await email(late.id, "queued", "registration.confirmed");
  await email(interpreter.id, "failed");
  await email(null, "failed", "account.invitation");
  const otherRegistration = await db.registration.findFirstOrThrow({ where: { meetingId: other.id } });
  await email(otherRegistration.id, "failed");

  fixture = {
    slug: berlinMeeting.slug,
    hannover: hannover.id,
    wuhan: wuhan.id,
    workshop: workshop.id,
    tour: tour.id,
  };
});

describe("meetingNumbers", () => {
  it("is for admins and organizers", async () => {
    const outcomes = await Promise.all(
      [null, checkin, organizer, admin].map((actor) => outcome(meetingNumbers(actor, fixture.slug))),
    );
    expect(outcomes).toEqual(["unauthenticated", "forbidden", "ok", "ok"]);
    expect(await outcome(meetingNumbers(organizer, "no-such-meeting"))).toBe("not_found");
  });

  it("counts registrations per day of the meeting's zone, not of UTC or the server", async () => {
    const numbers = await meetingNumbers(organizer, fixture.slug);
    expect(numbers.byStatus).toEqual({ confirmed: 3, pending: 1, cancelled: 1, rejected: 1 });
    expect(numbers.byDay).toEqual([
      { day: "2018-03-01", counts: { confirmed: 1, pending: 0, cancelled: 0, rejected: 0 } },
      { day: "2018-03-02", counts: { confirmed: 1, pending: 1, cancelled: 1, rejected: 0 } },
      { day: "2018-03-05", counts: { confirmed: 1, pending: 0, cancelled: 0, rejected: 1 } },
    ]);
  });

  it("moves the midnight boundary with the meeting's zone", async () => {
    await db.meeting.update({ where: { slug: fixture.slug }, data: { timeZone: "UTC" } });
    try {
      const numbers = await meetingNumbers(admin, fixture.slug);
      expect(numbers.byDay.map(({ day, counts }) => [day, counts.confirmed])).toEqual([
        ["2018-03-01", 2],
        ["2018-03-02", 0],
        ["2018-03-05", 1],
      ]);
      expect(numbers.checkIns.byHour).toEqual([
        { hour: "2018-04-23T07", count: 2 },
        { hour: "2018-04-23T08", count: 1 },
      ]);
    } finally {
      await db.meeting.update({ where: { slug: fixture.slug }, data: { timeZone: "Europe/Berlin" } });
    }
  });

  it("counts the active registrations by country, city and role", async () => {
    const numbers = await meetingNumbers(organizer, fixture.slug);
    expect(numbers.byCountry).toEqual([
      { country: "DE", count: 2 },
      { country: "CN", count: 1 },
      { country: "other", count: 1 },
    ]);
    expect(numbers.byCity).toEqual([
      { cityId: fixture.hannover, name: { de: "Hannover", en: "Hanover", zh: "汉诺威" }, count: 2 },
      { cityId: fixture.wuhan, name: { de: "Wuhan", en: "Wuhan", zh: "武汉" }, count: 1 },
      { cityId: null, name: null, count: 1 },
    ]);
    expect(numbers.byRole).toEqual([
      { role: "head_of_delegation", count: 1 },
      { role: "delegate", count: 2 },
      { role: "interpreter", count: 1 },
    ]);
  });

  it("shows seats and waiting lists of the sessions with limited seats, drafts left out", async () => {
    const numbers = await meetingNumbers(organizer, fixture.slug);
    expect(
      numbers.sessions.map(({ id, capacity, taken, waiting, startsAt }) => ({
        id,
        capacity,
        taken,
        waiting,
        startsAt,
      })),
    ).toEqual([
      { id: fixture.tour, capacity: 10, taken: 1, waiting: 0, startsAt: "2018-04-23T08:00:00.000Z" },
      { id: fixture.workshop, capacity: 2, taken: 2, waiting: 1, startsAt: "2018-04-23T12:00:00.000Z" },
    ]);
  });

  it("counts check-ins per hour of the meeting day and emails of this meeting's registrations", async () => {
    const numbers = await meetingNumbers(organizer, fixture.slug);
    expect(numbers.checkIns).toEqual({
      total: 3,
      confirmed: 3,
      byHour: [
        { hour: "2018-04-23T09", count: 2 },
        { hour: "2018-04-23T10", count: 1 },
      ],
    });
    // The account email and the other meeting's failed email are not this meeting's.
    expect(numbers.emails).toEqual({ queued: 2, sent: 1, failed: 1 });
  });
});
