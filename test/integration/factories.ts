/**
 * Test data for registrations: unique delegates and sessions, so that tests never depend on each
 * other's rows. App modules are imported lazily (see test/integration/setup.ts).
 */
import { randomUUID } from "node:crypto";
import type { RegistrationInput } from "@/app/_lib/registration/fields";
import type { Prisma } from "@/app/_server/db";

export function delegate(overrides: Partial<RegistrationInput> = {}): RegistrationInput {
  const unique = randomUUID().slice(0, 8);
  return {
    givenName: "Wei",
    familyName: "Wang",
    nativeName: "王伟",
    nameOrder: "family_first",
    honorific: null,
    position: null,
    organization: "Municipal Bureau of Commerce",
    cityId: null,
    cityOther: "Guangzhou",
    role: "delegate",
    email: `delegate-${unique}@example.org`,
    phone: null,
    language: "zh",
    interpretation: [],
    dietaryNeeds: null,
    accessibilityNeeds: null,
    visaLetter: false,
    photoConsent: false,
    listConsent: false,
    sessionIds: [],
    privacyConsent: true,
    ...overrides,
  };
}

/**
 * A German delegate's name for `delegate()`: Latin script in given-name order and no native name, where
 * the default is a Chinese delegate's.
 */
export const uteBerg = {
  givenName: "Ute",
  familyName: "Berg",
  nativeName: null,
  nameOrder: "given_first",
} as const satisfies Partial<RegistrationInput>;

/** The id of the demo meeting (prisma/seed.ts), for tests that seeded it. */
export async function demoMeetingId(): Promise<string> {
  const { db } = await import("@/app/_server/db");
  return (await db.meeting.findUniqueOrThrow({ where: { slug: "2017" }, select: { id: true } })).id;
}

/**
 * A meeting stored as it is, without the back office's checks: the 2018 meeting's place and first day
 * under a unique slug, unpublished, with `overrides` for what a test is about.
 */
export async function createMeetingRow(overrides: Partial<Prisma.MeetingUncheckedCreateInput> = {}) {
  const { db } = await import("@/app/_server/db");
  return db.meeting.create({
    data: {
      slug: `m-${randomUUID().slice(0, 8)}`,
      titleDe: "Jahrestreffen",
      titleEn: "Annual meeting",
      titleZh: "年会",
      venueName: "Hannover Messe",
      venueCity: "Hannover",
      venueCountry: "DE",
      timeZone: "Europe/Berlin",
      startsOn: new Date("2018-04-23T00:00:00Z"),
      endsOn: new Date("2018-04-23T00:00:00Z"),
      ...overrides,
    },
  });
}

/** A published session of the demo meeting with limited seats, at its own time so that it clashes with nothing. */
export async function limitedSession(capacity: number, slot = 0): Promise<string> {
  const { db } = await import("@/app/_server/db");
  const meetingId = await demoMeetingId();
  const startsAt = new Date(Date.UTC(2017, 3, 25, 6 + slot, 0));
  const session = await db.session.create({
    data: {
      meetingId,
      slug: `test-${randomUUID()}`,
      kind: "workshop",
      status: "published",
      firstPublishedAt: new Date(),
      titleDe: `Testworkshop ${slot}`,
      titleEn: `Test workshop ${slot}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 45 * 60_000),
      capacity,
      languages: ["de"],
    },
  });
  return session.id;
}

/** Seat counters and rows of a session, for invariant checks. */
export async function seatReport(sessionId: string) {
  const { db } = await import("@/app/_server/db");
  const session = await db.session.findUniqueOrThrow({
    where: { id: sessionId },
    select: { capacity: true, seatsTaken: true },
  });
  const seats = await db.sessionSeat.findMany({
    where: { sessionId },
    select: { registrationId: true, status: true, waitlistNumber: true },
  });
  const confirmed = seats.filter((seat) => seat.status === "confirmed");
  const waitlisted = seats
    .filter((seat) => seat.status === "waitlisted")
    .sort((a, b) => a.waitlistNumber! - b.waitlistNumber!);
  return { capacity: session.capacity!, seatsTaken: session.seatsTaken, confirmed, waitlisted };
}

/** What is wrong with a session's seats, given how many people wanted one; empty when nothing is. */
export function seatInvariantViolations(
  report: Awaited<ReturnType<typeof seatReport>>,
  demand: number,
): string[] {
  const problems: string[] = [];
  if (report.seatsTaken !== report.confirmed.length)
    problems.push(`counter ${report.seatsTaken} ≠ ${report.confirmed.length} seat rows`);
  if (report.confirmed.length > report.capacity)
    problems.push(`${report.confirmed.length} seats for a capacity of ${report.capacity}`);
  const expected = Math.min(demand, report.capacity);
  if (report.confirmed.length < expected)
    problems.push(`only ${report.confirmed.length} seats taken though ${demand} wanted one`);
  return problems;
}

export const range = (count: number) => Array.from({ length: count }, (_, index) => index);
