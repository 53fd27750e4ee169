/**
 * The mail server down while delegates register, end to end through the real registration and the real
 * outbox: registering never waits for or fails on mail, the confirmation waits with growing pauses, goes
 * out exactly once when the server is back, and after the last attempt shows as failed, with the reason,
 * in the organizers' outbox. (outbox.int.test.ts proves the delivery rules on emails queued directly;
 * this file starts from `register()`, as the API and the form do, with the delivery it sets off after
 * its commit.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActor } from "@/test/integration/actors";
import { delegate } from "@/test/integration/factories";
import { sinkForTheApp } from "@/test/smtp-sink";

// The mail server is down from the start; three attempts before an email fails.
const sink = await sinkForTheApp({ MAIL_MAX_ATTEMPTS: "3" }, { running: false });

const { db } = await import("@/app/_server/db");
const { seedDemo } = await import("@/prisma/seed");
const { register } = await import("@/app/_server/registration/register");
const { deliverOutbox, retryDelayMs } = await import("@/app/_server/mail/delivery");
const { listOutbox } = await import("@/app/_server/mail/outbox-admin");
const { closeMailTransport } = await import("@/app/_server/mail/transport");

beforeAll(async () => {
  await seedDemo(db);
});

afterAll(async () => {
  closeMailTransport();
  await sink.stop();
});

async function confirmation(registrationId: string) {
  return db.outboxEmail.findFirstOrThrow({
    where: { registrationId, kind: "registration.confirmed" },
    select: {
      id: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      lastError: true,
      lockedUntil: true,
      sentAt: true,
    },
  });
}

/** Waits for the delivery run that register() starts after its commit to have tried (and failed). */
async function firstAttemptOf(registrationId: string) {
  for (;;) {
    const row = await confirmation(registrationId);
    if (row.attempts > 0 && row.lockedUntil === null) return row;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("registering while the mail server is down", () => {
  it("registers at once; the confirmation waits 30 s, then 1 min, and is delivered exactly once when the server is back", async () => {
    const before = Date.now();
    const answer = await register("2017", delegate({ language: "de" }), { locale: "de" });
    expect(answer.status).toBe("confirmed");
    const email = (
      await db.registration.findUniqueOrThrow({ where: { id: answer.id }, select: { email: true } })
    ).email;

    // The attempt register() set off: refused, queued again 30 s after it (retryDelayMs(1)).
    const first = await firstAttemptOf(answer.id);
    const after = Date.now();
    expect(first).toMatchObject({ status: "queued", attempts: 1, sentAt: null });
    expect(first.lastError).toMatch(/ECONNREFUSED/);
    expect(retryDelayMs(1)).toBe(30_000);
    expect(first.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 30_000);
    expect(first.nextAttemptAt.getTime()).toBeLessThanOrEqual(after + 30_000);

    // Not due before then; when due and still down, the pause doubles: 1 min after the second attempt.
    expect(await deliverOutbox({ now: new Date(first.nextAttemptAt.getTime() - 1) })).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    });
    const secondAt = first.nextAttemptAt;
    expect(await deliverOutbox({ now: secondAt })).toEqual({ sent: 0, retried: 1, failed: 0 });
    const second = await confirmation(answer.id);
    expect(second).toMatchObject({ status: "queued", attempts: 2 });
    expect(second.nextAttemptAt.getTime()).toBe(secondAt.getTime() + 60_000);

    // The server is back: nothing leaves before the pause is over, then the email leaves once.
    await sink.start();
    expect(await deliverOutbox({ now: new Date(second.nextAttemptAt.getTime() - 1) })).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    });
    expect(await deliverOutbox({ now: second.nextAttemptAt })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await deliverOutbox({ now: new Date(second.nextAttemptAt.getTime() + 3_600_000) })).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    });
    expect(sink.to(email)).toHaveLength(1);
    expect(await confirmation(answer.id)).toMatchObject({ status: "sent", attempts: 3, lastError: null });
  });

  it("marks the confirmation failed after MAIL_MAX_ATTEMPTS, with the reason, where organizers look", async () => {
    await sink.stop();
    const answer = await register("2017", delegate({ language: "zh" }), { locale: "zh" });
    expect(answer.status).toBe("confirmed");
    const first = await firstAttemptOf(answer.id);
    expect(await deliverOutbox({ now: first.nextAttemptAt })).toEqual({ sent: 0, retried: 1, failed: 0 });
    const second = await confirmation(answer.id);
    expect(await deliverOutbox({ now: second.nextAttemptAt })).toEqual({ sent: 0, retried: 0, failed: 1 });
    const failed = await confirmation(answer.id);
    expect(failed).toMatchObject({ status: "failed", attempts: 3, sentAt: null });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);

    const organizer = await createActor("organizer");
    const listed = await listOutbox(organizer, { status: "failed" });
    expect(listed.emails.filter((item) => item.id === failed.id)).toEqual([
      expect.objectContaining({
        status: "failed",
        attempts: 3,
        lastError: failed.lastError,
        kind: "registration.confirmed",
      }),
    ]);
    expect(
      (await listOutbox(organizer, { status: "queued" })).emails.some((item) => item.id === failed.id),
    ).toBe(false);

    // Failed is final: the server coming back sends nothing on its own.
    await sink.start();
    expect(await deliverOutbox({ now: new Date(Date.now() + 86_400_000) })).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    });
  });
});
