import { describe, expect, it, vi } from "vitest";
import { sinkForTheApp } from "@/test/smtp-sink";

/** Delivery of registration emails: the mail server down or refusing, the link minted per attempt. */
const sink = await sinkForTheApp({ MAIL_MAX_ATTEMPTS: "3", PUBLIC_URL: "https://meeting.example" });

const { db } = await import("@/app/_server/db");
const { registrationIdForToken } = await import("@/app/_server/registration/tokens");
const { deliverOutbox, deliverSoon } = await import("@/app/_server/mail/delivery");
const { onTheDemoMeeting, outboxRow, manageTokens, linkToken, only } =
  await import("@/test/integration/registration-emails");

const { register } = onTheDemoMeeting(sink);

describe("registration email delivery over SMTP", () => {
  it("keeps an email while the mail server is down, minting no lasting token, and sends it once the server is back", async () => {
    await sink.stop();
    // The registration itself does not depend on the mail server.
    const anna = await register({
      language: "de",
      givenName: "Anna",
      familyName: "Klein",
      seat: "confirmed",
    });
    const ben = await register({ language: "de", givenName: "Ben", familyName: "Klein", seat: "confirmed" });
    const start = new Date(Date.now() + 1000);

    // The first failure shows the server is down: the second email is not tried in the same run.
    expect(await deliverOutbox({ now: start })).toEqual({ sent: 0, retried: 1, failed: 0 });
    const waiting = await outboxRow(anna.id);
    expect(waiting).toMatchObject({
      status: "queued",
      attempts: 1,
      withManageLink: true,
      lockedUntil: null,
      sentAt: null,
    });
    expect(waiting.nextAttemptAt.getTime()).toBe(start.getTime() + 30_000);
    expect(waiting.lastError).toMatch(/ECONNREFUSED/);
    expect(await outboxRow(ben.id)).toMatchObject({
      status: "queued",
      attempts: 0,
      lockedUntil: null,
      lastError: null,
    });
    expect(await deliverOutbox({ now: start })).toEqual({ sent: 0, retried: 1, failed: 0 });
    // The token minted for the failed attempt went again at once.
    expect([await manageTokens(anna.id), await manageTokens(ben.id)]).toEqual([0, 0]);

    await sink.start();
    // Not due yet: nothing is sent before the back-off has passed.
    expect(await deliverOutbox({ now: new Date(start.getTime() + 29_000) })).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    });
    expect(await deliverOutbox({ now: new Date(start.getTime() + 31_000) })).toEqual({
      sent: 2,
      retried: 0,
      failed: 0,
    });
    expect(await registrationIdForToken(db, linkToken(only(sink.to(anna.email)), "de"), "manage")).toBe(
      anna.id,
    );
    expect(await registrationIdForToken(db, linkToken(only(sink.to(ben.email)), "de"), "manage")).toBe(
      ben.id,
    );
    expect(await outboxRow(anna.id)).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect([await manageTokens(anna.id), await manageTokens(ben.id)]).toEqual([1, 1]);
  });

  it("retries a refused recipient without a token left behind and goes on with the batch", async () => {
    const refused = await register({
      language: "de",
      givenName: "Rita",
      familyName: "Roth",
      seat: "confirmed",
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const next = await register({ language: "de", givenName: "Nils", familyName: "Roth", seat: "confirmed" });
    sink.refused.add(refused.email);
    try {
      expect(await deliverOutbox()).toEqual({ sent: 1, retried: 1, failed: 0 });
    } finally {
      sink.refused.clear();
    }
    const row = await outboxRow(refused.id);
    expect(row).toMatchObject({ status: "queued", attempts: 1, lockedUntil: null });
    expect(row.lastError).toMatch(/^EENVELOPE: .*550/);
    expect(await manageTokens(refused.id)).toBe(0);
    expect(await registrationIdForToken(db, linkToken(only(sink.to(next.email)), "de"), "manage")).toBe(
      next.id,
    );
    // Delivered on the retry.
    expect(await deliverOutbox({ now: new Date(Date.now() + 31_000) })).toEqual({
      sent: 1,
      retried: 0,
      failed: 0,
    });
    expect(await registrationIdForToken(db, linkToken(only(sink.to(refused.email)), "de"), "manage")).toBe(
      refused.id,
    );
  });

  it("gives up after MAIL_MAX_ATTEMPTS and keeps the reason", async () => {
    await sink.stop();
    const jonas = await register({
      language: "de",
      givenName: "Jonas",
      familyName: "Weber",
      seat: "confirmed",
    });
    const start = new Date();
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

    expect(await deliverOutbox({ now: at(0) })).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await deliverOutbox({ now: at(30) })).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect((await outboxRow(jonas.id)).nextAttemptAt.getTime()).toBe(at(90).getTime());
    expect(await deliverOutbox({ now: at(90) })).toEqual({ sent: 0, retried: 0, failed: 1 });

    const row = await outboxRow(jonas.id);
    expect(row).toMatchObject({ status: "failed", attempts: 3, sentAt: null });
    expect(row.lastError).toMatch(/ECONNREFUSED/);
    expect(await manageTokens(jonas.id)).toBe(0);
    await sink.start();
    expect(await deliverOutbox({ now: at(86_400) })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(sink.to(jonas.email)).toHaveLength(0);
  });

  it("finishes the run when registrations are deleted while their emails are being sent", async () => {
    const first = await register({
      language: "de",
      givenName: "Erik",
      familyName: "Lang",
      seat: "confirmed",
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await register({
      language: "de",
      givenName: "Eva",
      familyName: "Lang",
      seat: "confirmed",
    });
    // Both delegates delete their data while the first email is on its way: both outbox rows vanish
    // (ON DELETE CASCADE) after the run has claimed them.
    sink.beforeAccept = async () => {
      sink.beforeAccept = null;
      await db.registration.deleteMany({ where: { id: { in: [first.id, second.id] } } });
    };
    try {
      expect(await deliverOutbox()).toEqual({ sent: 1, retried: 0, failed: 0 });
    } finally {
      sink.beforeAccept = null;
    }
    expect(sink.to(first.email)).toHaveLength(1);
    expect(sink.to(second.email)).toHaveLength(0);
    expect(await db.outboxEmail.count({ where: { registrationId: { in: [first.id, second.id] } } })).toBe(0);
    expect(await db.accessToken.count({ where: { registrationId: { in: [first.id, second.id] } } })).toBe(0);
  });

  it("sends each email once when many deliveries are asked for at the same time", async () => {
    const delegates = await Promise.all(
      ["Lena", "Paul", "Mia", "Felix"].map((givenName) =>
        register({ language: "de", givenName, familyName: "Schulz", seat: "confirmed" }),
      ),
    );
    sink.mostOpen = sink.open;
    for (let call = 0; call < 50; call += 1) deliverSoon();
    await vi.waitFor(() => expect(delegates.every(({ email }) => sink.to(email).length > 0)).toBe(true), {
      timeout: 10_000,
    });
    await vi.waitFor(async () => expect(await db.outboxEmail.count({ where: { status: "queued" } })).toBe(0));
    for (const { id, email } of delegates) {
      expect(await registrationIdForToken(db, linkToken(only(sink.to(email)), "de"), "manage")).toBe(id);
      expect(await manageTokens(id)).toBe(1);
    }
    // Coalesced into one run over the pool (at most 3 connections), not fifty parallel SMTP sessions.
    expect(sink.mostOpen).toBeLessThanOrEqual(3);
  });
});
