import { describe, expect, it, vi } from "vitest";

// Settings are read once per process (see test/smtp-sink.ts): load the app afresh without SMTP_URL.
delete process.env.SMTP_URL;
vi.resetModules();

const { formatCheckInCode } = await import("@/app/_lib/check-in-code");
const { db } = await import("@/app/_server/db");
const { newCheckInCode } = await import("@/app/_server/registration/tokens");
const { seedDemo } = await import("@/prisma/seed");
const { queueRegistrationEmail } = await import("./queue");
const { deliverOutbox, deliverSoon } = await import("@/app/_server/mail/delivery");
const { readyEmail } = await import("@/app/_server/mail/outbox");
const { LINK_TOKEN_PLACEHOLDER } = await import("@/app/_server/mail/links");

describe("registration emails without SMTP_URL", () => {
  it("keeps every email queued, with the link as a placeholder and no token minted", async () => {
    await seedDemo(db);
    const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: "2017" } });
    const { id, registrationId } = await db.$transaction(async (tx) => {
      const registration = await tx.registration.create({
        data: {
          meetingId: meeting.id,
          status: "confirmed",
          givenName: "Ute",
          familyName: "Brandt",
          role: "delegate",
          email: "ute.brandt@example.org",
          activeEmail: "ute.brandt@example.org",
          language: "de",
          privacyConsentAt: new Date(),
          checkInCode: newCheckInCode(),
        },
      });
      return {
        ...(await queueRegistrationEmail(tx, { kind: "confirmed", registrationId: registration.id })),
        registrationId: registration.id,
      };
    });

    expect(await deliverOutbox()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(() => deliverSoon()).not.toThrow();
    expect(await deliverOutbox({ now: new Date(Date.now() + 86_400_000) })).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    });

    const row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      status: "queued",
      attempts: 0,
      withManageLink: true,
      lockedUntil: null,
      lastError: null,
      sentAt: null,
    });
    // Stored as a draft, composed when the email leaves or is looked at. No seat sessions, and still a
    // calendar: the sessions open to everyone. The check-in code's QR code as a small inline image, drawn
    // from the code it shows.
    expect(row).toMatchObject({ text: null, html: null, attachments: [] });
    const { checkInCode } = await db.registration.findUniqueOrThrow({ where: { id: registrationId } });
    const ready = await readyEmail(row);
    expect(ready.attachments).toEqual([
      {
        filename: "meeting-2017.ics",
        contentType: "text/calendar; charset=utf-8",
        content: expect.stringContaining("BEGIN:VEVENT"),
      },
      {
        filename: "check-in.png",
        contentType: "image/png",
        content: expect.stringMatching(/^iVBORw0KGgo/),
        encoding: "base64",
        cid: "check-in-code@meeting",
      },
    ]);
    expect(ready.text).toContain(`/de/manage/${LINK_TOKEN_PLACEHOLDER}\n`);
    expect(ready.html).toContain(`/de/manage/${LINK_TOKEN_PLACEHOLDER}"`);
    expect(ready.text).toContain(formatCheckInCode(checkInCode));
    // Nothing that could open the registration exists while the email waits.
    expect(await db.accessToken.count({ where: { registrationId } })).toBe(0);
    const [stored] = await db.$queryRaw<
      { text: string }[]
    >`SELECT row_to_json(o)::text AS "text" FROM "OutboxEmail" o WHERE "id" = ${id}`;
    expect(stored!.text).not.toMatch(/\/manage\/(?!\{\{)/);
  });
});
