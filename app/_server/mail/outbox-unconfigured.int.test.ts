import { describe, expect, it, vi } from "vitest";

// Settings are read once per process (see outbox.int.test.ts): load the app afresh without SMTP_URL.
delete process.env.SMTP_URL;
vi.resetModules();

const { db } = await import("@/app/_server/db");
const { deliverOutbox, deliverSoon, queueEmail, SECRET_PLACEHOLDER } = await import("./outbox");

describe("outbox without SMTP_URL", () => {
  it("keeps every email queued and touches nothing", async () => {
    const { id } = await db.$transaction((tx) =>
      queueEmail(tx, {
        registrationId: null,
        kind: "test.unconfigured",
        to: "someone@example.org",
        subject: "Hello",
        text: `Link: /manage/${SECRET_PLACEHOLDER}`,
        html: `<a href="/manage/${SECRET_PLACEHOLDER}">link</a>`,
        secret: "kept-until-sent",
      }),
    );

    expect(await deliverOutbox()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(() => deliverSoon()).not.toThrow();
    expect(await deliverOutbox({ now: new Date(Date.now() + 86_400_000) })).toEqual({ sent: 0, retried: 0, failed: 0 });

    const row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "queued", attempts: 0, secret: "kept-until-sent", lockedUntil: null, lastError: null, sentAt: null, attachments: [] });
  });
});
