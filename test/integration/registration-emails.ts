import { randomUUID } from "node:crypto";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, expect } from "vitest";
import { db } from "@/app/_server/db";
import { closeMailTransport } from "@/app/_server/mail/transport";
import { queueRegistrationEmail } from "@/app/_server/registration/emails/queue";
import { newCheckInCode } from "@/app/_server/registration/tokens";
import { seedDemo } from "@/prisma/seed";
import { demoMeetingId } from "@/test/integration/factories";
import type { SmtpSink } from "@/test/smtp-sink";

/**
 * Registrations and their emails for the tests of registration emails over SMTP. Import it after
 * sinkForTheApp (test/smtp-sink.ts), like the app's modules, so that it uses the app as the sink set it up.
 */

export type Delegate = {
  language: "de" | "en" | "zh";
  givenName: string;
  familyName: string;
  nativeName?: string;
  seat: "confirmed" | "waitlisted";
};

/**
 * The demo meeting, seeded; its workshop runs 13:30–15:00 in Hannover on 24 April 2017: 11:30Z, 19:30 in
 * Beijing.
 */
export async function seedDemoMeeting(): Promise<{ meetingId: string; workshopId: string }> {
  await seedDemo(db);
  const meetingId = await demoMeetingId();
  const workshop = await db.session.findFirstOrThrow({
    where: { meetingId, slug: "workshop-smart-manufacturing" },
  });
  return { meetingId, workshopId: workshop.id };
}

/**
 * The set-up of a test file of registration emails: the demo meeting seeded before its tests; after
 * them the mail transport closed and the sink stopped, so that no connection outlives the file.
 * `demo` holds the meeting's and the workshop's ids once the tests run; `register` signs a delegate up
 * for the workshop unless given other sessions.
 */
export function onTheDemoMeeting(sink: SmtpSink) {
  const demo = { meetingId: "", workshopId: "" };
  beforeAll(async () => {
    Object.assign(demo, await seedDemoMeeting());
  });
  afterAll(async () => {
    closeMailTransport();
    await sink.stop();
  });
  const registerForWorkshop = (delegate: Delegate, sessionIds: string[] = [demo.workshopId]) =>
    register(demo.meetingId, delegate, sessionIds);
  return { demo, register: registerForWorkshop };
}

/** A registration with a seat or a waiting-list place and its confirmation, queued in one transaction. */
export async function register(
  meetingId: string,
  delegate: Delegate,
  sessionIds: string[],
): Promise<{ id: string; email: string }> {
  const email = `${delegate.language}-${randomUUID().slice(0, 8)}@example.org`;
  return db.$transaction(async (tx) => {
    const seats = [];
    for (const sessionId of sessionIds) {
      const waitlistNumber =
        delegate.seat === "waitlisted"
          ? 1 + (await tx.sessionSeat.count({ where: { sessionId, status: "waitlisted" } }))
          : null;
      seats.push({ sessionId, status: delegate.seat, waitlistNumber });
    }
    const registration = await tx.registration.create({
      data: {
        meetingId,
        status: "confirmed",
        givenName: delegate.givenName,
        familyName: delegate.familyName,
        nativeName: delegate.nativeName ?? null,
        nameOrder: delegate.language === "zh" ? "family_first" : "given_first",
        role: "delegate",
        email,
        activeEmail: email,
        language: delegate.language,
        privacyConsentAt: new Date(),
        checkInCode: newCheckInCode(),
        seats: { create: seats },
      },
    });
    await queueRegistrationEmail(tx, { kind: "confirmed", registrationId: registration.id });
    return { id: registration.id, email };
  });
}

export async function outboxRow(registrationId: string, kind = "registration.confirmed") {
  return db.outboxEmail.findFirstOrThrow({ where: { registrationId, kind } });
}

/** Every column of every outbox row, as text. */
export async function outboxAsText(): Promise<string> {
  const rows = await db.$queryRaw<
    { row: string }[]
  >`SELECT row_to_json(o)::text AS "row" FROM "OutboxEmail" o`;
  return rows.map(({ row }) => row).join("\n");
}

export function manageTokens(registrationId: string) {
  return db.accessToken.count({ where: { registrationId, purpose: "manage" } });
}

/** The token of the manage link in a delivered email; the HTML part carries the same one. */
export function linkToken(mail: ParsedMail, locale: string): string {
  const match = new RegExp(`https://meeting\\.example/${locale}/manage/([A-Za-z0-9_-]{43})\\n`).exec(
    mail.text ?? "",
  );
  expect(match, "manage link in the text").not.toBeNull();
  const token = match![1]!;
  expect(mail.html).toContain(`<a href="https://meeting.example/${locale}/manage/${token}">`);
  return token;
}

export function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0]!;
}
