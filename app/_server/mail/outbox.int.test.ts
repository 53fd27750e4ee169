import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseWithIcalJs } from "@/test/ical";
import { SmtpSink } from "@/test/smtp-sink";

// The app reads its settings once per process, and test/integration/setup.ts has already read them to
// find the test database. So: start the sink, put its address into the environment, and load the app's
// modules afresh (the database client and PGlite live on globalThis and are shared, not reopened).
const sink = new SmtpSink();
await sink.start();
process.env.SMTP_URL = sink.url;
process.env.MAIL_MAX_ATTEMPTS = "3";
process.env.PUBLIC_URL = "https://meeting.example";
vi.resetModules();

const { db } = await import("@/app/_server/db");
const { seedDemo } = await import("@/prisma/seed");
const { issueAccessToken, registrationIdForToken } = await import("@/app/_server/registration/tokens");
const { queueRegistrationEmail } = await import("./registration-emails");
const { deliverOutbox, deliverSoon, SECRET_PLACEHOLDER } = await import("./outbox");
const { closeMailTransport } = await import("./transport");

type Delegate = { language: "de" | "zh"; givenName: string; familyName: string; nativeName?: string; seat: "confirmed" | "waitlisted" };

let meetingId: string;
let workshopId: string;

beforeAll(async () => {
  await seedDemo(db);
  meetingId = (await db.meeting.findUniqueOrThrow({ where: { slug: "2017" } })).id;
  // 13:30–15:00 in Hannover on 24 April 2017: 11:30Z, 19:30 in Beijing.
  workshopId = (await db.session.findFirstOrThrow({ where: { meetingId, slug: "workshop-smart-manufacturing" } })).id;
});

afterAll(async () => {
  closeMailTransport();
  await sink.stop();
});

/** A registration with a seat or a waiting-list place and its confirmation, queued in one transaction. */
async function register(delegate: Delegate): Promise<{ id: string; email: string; token: string }> {
  const email = `${delegate.language}-${randomUUID().slice(0, 8)}@example.org`;
  return db.$transaction(async (tx) => {
    const waitlistNumber = delegate.seat === "waitlisted" ? 1 + (await tx.sessionSeat.count({ where: { sessionId: workshopId, status: "waitlisted" } })) : null;
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
        seats: { create: { sessionId: workshopId, status: delegate.seat, waitlistNumber } },
      },
    });
    const token = await issueAccessToken(tx, registration.id, "manage");
    await queueRegistrationEmail(tx, { kind: "confirmed", registrationId: registration.id, manageToken: token });
    return { id: registration.id, email, token };
  });
}

async function outboxRow(registrationId: string) {
  return db.outboxEmail.findFirstOrThrow({ where: { registrationId } });
}

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0]!;
}

describe("outbox delivery over SMTP", () => {
  it("sends each delegate the confirmation in their language, with the real link and their calendar", async () => {
    const ute = await register({ language: "de", givenName: "Ute", familyName: "Brandt", seat: "confirmed" });
    const wei = await register({ language: "zh", givenName: "Wei", familyName: "Wang", nativeName: "王伟", seat: "waitlisted" });

    expect(await deliverOutbox()).toEqual({ sent: 2, retried: 0, failed: 0 });

    const german = only(sink.to(ute.email));
    expect(german.subject).toBe("Anmeldung bestätigt – Jahrestreffen 2017");
    expect(german.from?.value).toEqual([{ name: "Städteallianz", address: "noreply@localhost" }]);
    expect(german.text).toContain(`https://meeting.example/de/manage/${ute.token}\n`);
    expect(german.html).toContain(`<a href="https://meeting.example/de/manage/${ute.token}">`);
    expect(german.text).toContain("Montag, 24. April 2017, 13:30–15:00 Uhr (Ortszeit, UTC+2)\n  19:30–21:00 Uhr Pekinger Zeit (UTC+8)");
    expect(await registrationIdForToken(db, ute.token, "manage")).toBe(ute.id);

    const chinese = only(sink.to(wei.email));
    expect(chinese.subject).toBe("2017年年会：报名成功");
    expect(chinese.text).toContain("尊敬的王伟：");
    expect(chinese.text).toContain(`https://meeting.example/zh/manage/${wei.token}\n`);
    expect(chinese.text).toContain("候补名单：您排在第1位。");

    for (const [mail, status, summary] of [
      [german, "CONFIRMED", "Workshop: Smarte Fertigung im Mittelstand"],
      [chinese, "TENTATIVE", "研讨会：中小企业的智能制造"],
    ] as const) {
      const attachment = only(mail.attachments);
      expect(attachment.filename).toBe("meeting-2017.ics");
      expect(attachment.contentType).toBe("text/calendar");
      expect((attachment.headers.get("content-type") as { params: object }).params).toMatchObject({ charset: "utf-8", method: "PUBLISH" });
      const calendar = parseWithIcalJs(attachment.content.toString("utf8"));
      expect(calendar.method).toBe("PUBLISH");
      const event = calendar.events[0]!;
      expect(calendar.events).toHaveLength(1);
      expect(event).toMatchObject({ uid: `${workshopId}@meeting.example`, tzid: "Europe/Berlin", status });
      expect([event.start.toISOString(), event.end.toISOString()]).toEqual(["2017-04-24T11:30:00.000Z", "2017-04-24T13:00:00.000Z"]);
      expect(event.summary).toBe(summary);
    }

    for (const { id } of [ute, wei]) {
      const row = await outboxRow(id);
      expect(row).toMatchObject({ status: "sent", attempts: 1, secret: null, lockedUntil: null, lastError: null, kind: "registration.confirmed" });
      expect(row.sentAt).toBeInstanceOf(Date);
      // The stored copy never held the link: only the placeholder.
      expect(row.text).toContain(`/manage/${SECRET_PLACEHOLDER}`);
    }
  });

  it("keeps an email while the mail server is down and sends it once the server is back", async () => {
    await sink.stop();
    // The registration itself does not depend on the mail server.
    const anna = await register({ language: "de", givenName: "Anna", familyName: "Klein", seat: "confirmed" });
    const ben = await register({ language: "de", givenName: "Ben", familyName: "Klein", seat: "confirmed" });
    const start = new Date(Date.now() + 1000);

    // The first failure shows the server is down: the second email is not tried in the same run.
    expect(await deliverOutbox({ now: start })).toEqual({ sent: 0, retried: 1, failed: 0 });
    const waiting = await outboxRow(anna.id);
    expect(waiting).toMatchObject({ status: "queued", attempts: 1, secret: anna.token, lockedUntil: null, sentAt: null });
    expect(waiting.nextAttemptAt.getTime()).toBe(start.getTime() + 30_000);
    expect(waiting.lastError).toMatch(/ECONNREFUSED/);
    expect(await outboxRow(ben.id)).toMatchObject({ status: "queued", attempts: 0, secret: ben.token, lockedUntil: null, lastError: null });
    expect(await deliverOutbox({ now: start })).toEqual({ sent: 0, retried: 1, failed: 0 });

    await sink.start();
    // Not due yet: nothing is sent before the back-off has passed.
    expect(await deliverOutbox({ now: new Date(start.getTime() + 29_000) })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await deliverOutbox({ now: new Date(start.getTime() + 31_000) })).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(only(sink.to(anna.email)).text).toContain(`https://meeting.example/de/manage/${anna.token}\n`);
    expect(only(sink.to(ben.email)).text).toContain(`https://meeting.example/de/manage/${ben.token}\n`);
    expect(await outboxRow(anna.id)).toMatchObject({ status: "sent", attempts: 2, secret: null, lastError: null });
  });

  it("gives up after MAIL_MAX_ATTEMPTS and keeps the reason", async () => {
    await sink.stop();
    const jonas = await register({ language: "de", givenName: "Jonas", familyName: "Weber", seat: "confirmed" });
    const start = new Date();
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

    expect(await deliverOutbox({ now: at(0) })).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await deliverOutbox({ now: at(30) })).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect((await outboxRow(jonas.id)).nextAttemptAt.getTime()).toBe(at(90).getTime());
    expect(await deliverOutbox({ now: at(90) })).toEqual({ sent: 0, retried: 0, failed: 1 });

    const row = await outboxRow(jonas.id);
    expect(row).toMatchObject({ status: "failed", attempts: 3, secret: null, sentAt: null });
    expect(row.lastError).toMatch(/ECONNREFUSED/);
    await sink.start();
    expect(await deliverOutbox({ now: at(86_400) })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(sink.to(jonas.email)).toHaveLength(0);
  });

  it("sends each email once when many deliveries are asked for at the same time", async () => {
    const delegates = await Promise.all(
      ["Lena", "Paul", "Mia", "Felix"].map((givenName) => register({ language: "de", givenName, familyName: "Schulz", seat: "confirmed" })),
    );
    sink.mostOpen = sink.open;
    for (let call = 0; call < 50; call += 1) deliverSoon();
    await vi.waitFor(() => expect(delegates.every(({ email }) => sink.to(email).length > 0)).toBe(true), { timeout: 10_000 });
    await vi.waitFor(async () => expect(await db.outboxEmail.count({ where: { status: "queued" } })).toBe(0));
    for (const { email } of delegates) expect(sink.to(email)).toHaveLength(1);
    // Coalesced into one run over the pool (at most 3 connections), not fifty parallel SMTP sessions.
    expect(sink.mostOpen).toBeLessThanOrEqual(3);
  });
});
