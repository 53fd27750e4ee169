import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sinkForTheApp } from "@/test/smtp-sink";

/**
 * Emails queued by an earlier release leave after an upgrade: an OutboxEmail row exactly as the first
 * release with drafts stored it (fixtures/drafts-v1.json, see drafts.test.ts) goes out through the
 * delivery of today's code, with a working manage link, its calendar and its QR code.
 */
const sink = await sinkForTheApp({ MAIL_MAX_ATTEMPTS: "3", PUBLIC_URL: "https://meeting.example" });

const { db } = await import("@/app/_server/db");
const { deliverOutbox } = await import("@/app/_server/mail/delivery");
const { closeMailTransport } = await import("@/app/_server/mail/transport");
const { registrationIdForToken } = await import("@/app/_server/registration/tokens");
// What a server loads at its start (instrumentation.ts): the kinds, their composers and link minters.
await import("@/app/_server/email-links");
const { seedDemoMeeting, register, linkToken, only } = await import("@/test/integration/registration-emails");

type StoredRow = { kind: string; subject: string; withManageLink: boolean; draft: Record<string, unknown> };
const rows = JSON.parse(
  readFileSync(path.join(import.meta.dirname, "fixtures", "drafts-v1.json"), "utf8"),
) as Record<string, StoredRow>;

let registration: { id: string; email: string };

beforeAll(async () => {
  const { meetingId, workshopId } = await seedDemoMeeting();
  registration = await register(
    meetingId,
    { language: "de", givenName: "Ute", familyName: "Brandt", seat: "confirmed" },
    [workshopId],
  );
  // Its own confirmation is not what this is about.
  await db.outboxEmail.deleteMany({ where: { registrationId: registration.id } });
});

afterAll(async () => {
  closeMailTransport();
  await sink.stop();
});

/** The row as the earlier release wrote it: bodies empty, the draft without a version. */
async function storeAsBefore(row: StoredRow, draft: unknown = row.draft) {
  return db.outboxEmail.create({
    data: {
      registrationId: registration.id,
      kind: row.kind,
      toAddress: registration.email,
      subject: row.subject,
      draft: draft as object,
      withManageLink: row.withManageLink,
      nextAttemptAt: new Date(),
      createdAt: new Date(),
    },
  });
}

describe("emails queued before an upgrade", () => {
  it("leave with today's code: composed from the stored draft, with a working link, calendar and QR code", async () => {
    const { id } = await storeAsBefore(rows["registration.confirmed"]!);
    expect(await deliverOutbox()).toEqual({ sent: 1, retried: 0, failed: 0 });
    const mail = only(sink.to(registration.email));
    expect(mail.subject).toBe("Anmeldung bestätigt – Jahrestreffen 2017");
    expect(mail.text).toContain("Dr. Ute Brandt");
    expect(await registrationIdForToken(db, linkToken(mail, "de"), "manage")).toBe(registration.id);
    expect(mail.attachments.map((file) => file.contentType).sort()).toEqual(["image/png", "text/calendar"]);
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "sent",
      draft: null,
    });
  });

  it("fail alone, with the reason kept and no link left, when the code cannot read the draft (the control)", async () => {
    const row = rows["registration.changed"]!;
    // A draft whose view lost a field the composer reads, as a changed view without a version would.
    const { meeting: _meeting, ...view } = row.draft.view as { meeting: unknown };
    const broken = await storeAsBefore(row, { ...row.draft, view });
    const readable = await storeAsBefore(row);
    const before = await db.accessToken.count({ where: { registrationId: registration.id } });
    expect(await deliverOutbox()).toEqual({ sent: 1, retried: 1, failed: 0 });
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: broken.id } })).toMatchObject({
      status: "queued",
      attempts: 1,
      lastError: expect.stringMatching(/\S/),
    });
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: readable.id } })).toMatchObject({
      status: "sent",
    });
    // One token for the email that left; the one minted for the unreadable draft was ended.
    expect(await db.accessToken.count({ where: { registrationId: registration.id } })).toBe(before + 1);
  });
});
