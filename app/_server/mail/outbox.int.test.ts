import { randomUUID } from "node:crypto";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseWithIcalJs, parseWithNodeIcal } from "@/test/ical";
import { sinkForTheApp } from "@/test/smtp-sink";

const sink = await sinkForTheApp({ MAIL_MAX_ATTEMPTS: "3", PUBLIC_URL: "https://meeting.example" });

const { db } = await import("@/app/_server/db");
const { seedDemo } = await import("@/prisma/seed");
const { hashToken, newCheckInCode, registrationIdForToken } =
  await import("@/app/_server/registration/tokens");
const { queueRegistrationEmail } = await import("./registration-emails");
const { deliverOutbox, deliverSoon } = await import("./delivery");
const { LINK_TOKEN_PLACEHOLDER } = await import("./links");
const { closeMailTransport } = await import("./transport");
const { formatCheckInCode } = await import("@/app/_lib/check-in-code");

type Delegate = {
  language: "de" | "zh";
  givenName: string;
  familyName: string;
  nativeName?: string;
  seat: "confirmed" | "waitlisted";
};

let meetingId: string;
let workshopId: string;

beforeAll(async () => {
  await seedDemo(db);
  meetingId = (await db.meeting.findUniqueOrThrow({ where: { slug: "2017" } })).id;
  // 13:30–15:00 in Hannover on 24 April 2017: 11:30Z, 19:30 in Beijing.
  workshopId = (
    await db.session.findFirstOrThrow({ where: { meetingId, slug: "workshop-smart-manufacturing" } })
  ).id;
});

afterAll(async () => {
  closeMailTransport();
  await sink.stop();
});

/** A registration with a seat or a waiting-list place and its confirmation, queued in one transaction. */
async function register(
  delegate: Delegate,
  sessionIds: string[] = [workshopId],
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

async function outboxRow(registrationId: string, kind = "registration.confirmed") {
  return db.outboxEmail.findFirstOrThrow({ where: { registrationId, kind } });
}

/** Every column of every outbox row, as text. */
async function outboxAsText(): Promise<string> {
  const rows = await db.$queryRaw<
    { row: string }[]
  >`SELECT row_to_json(o)::text AS "row" FROM "OutboxEmail" o`;
  return rows.map(({ row }) => row).join("\n");
}

function manageTokens(registrationId: string) {
  return db.accessToken.count({ where: { registrationId, purpose: "manage" } });
}

/** The token of the manage link in a delivered email; the HTML part carries the same one. */
function linkToken(mail: ParsedMail, locale: string): string {
  const match = new RegExp(`https://meeting\\.example/${locale}/manage/([A-Za-z0-9_-]{43})\\n`).exec(
    mail.text ?? "",
  );
  expect(match, "manage link in the text").not.toBeNull();
  const token = match![1]!;
  expect(mail.html).toContain(`<a href="https://meeting.example/${locale}/manage/${token}">`);
  return token;
}

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0]!;
}

describe("outbox delivery over SMTP", () => {
  it("sends each delegate the confirmation in their language, with a working link and their calendar", async () => {
    const ute = await register({ language: "de", givenName: "Ute", familyName: "Brandt", seat: "confirmed" });
    const wei = await register({
      language: "zh",
      givenName: "Wei",
      familyName: "Wang",
      nativeName: "王伟",
      seat: "waitlisted",
    });
    expect(await manageTokens(ute.id)).toBe(0);

    // While the sender waits for the server's answer, the token exists and opens the registration, but
    // the outbox holds no copy of it.
    const whileSending: string[] = [];
    sink.beforeAccept = async (mail) => {
      const token = linkToken(mail, mail.html && mail.html.includes('lang="zh-CN"') ? "zh" : "de");
      expect(await registrationIdForToken(db, token, "manage")).not.toBeNull();
      expect(await outboxAsText()).not.toContain(token);
      whileSending.push(token);
    };
    try {
      expect(await deliverOutbox()).toEqual({ sent: 2, retried: 0, failed: 0 });
    } finally {
      sink.beforeAccept = null;
    }
    expect(whileSending).toHaveLength(2);

    const german = only(sink.to(ute.email));
    expect(german.subject).toBe("Anmeldung bestätigt – Jahrestreffen 2017");
    expect(german.from?.value).toEqual([{ name: "Städteallianz", address: "noreply@localhost" }]);
    const uteToken = linkToken(german, "de");
    expect(await registrationIdForToken(db, uteToken, "manage")).toBe(ute.id);
    expect(german.text).toContain(
      "Montag, 24. April 2017, 13:30–15:00 Uhr (Ortszeit, UTC+2)\n  19:30–21:00 Uhr Pekinger Zeit (UTC+8)",
    );

    const chinese = only(sink.to(wei.email));
    expect(chinese.subject).toBe("2017年年会：报名成功");
    expect(chinese.text).toContain("尊敬的王伟：");
    const weiToken = linkToken(chinese, "zh");
    expect(await registrationIdForToken(db, weiToken, "manage")).toBe(wei.id);
    expect(chinese.text).toContain("候补名单：您排在第1位。");
    expect(new Set([uteToken, weiToken, ...whileSending]).size).toBe(2);

    for (const [mail, { id }, heading] of [
      [german, ute, "Ihr Check-in-Code"],
      [chinese, wei, "您的签到码"],
    ] as const) {
      // The check-in code in the text, and its QR code as an inline image that the HTML shows.
      const { checkInCode } = await db.registration.findUniqueOrThrow({
        where: { id },
        select: { checkInCode: true },
      });
      expect(mail.text).toContain(`${heading}\n`);
      expect(mail.text).toContain(`\n    ${formatCheckInCode(checkInCode)}\n`);
      const image = only(mail.attachments.filter((file) => file.contentType === "image/png"));
      expect(image).toMatchObject({
        cid: "check-in-code@meeting",
        related: true,
        contentDisposition: "inline",
      });
      expect(image.content.subarray(1, 4).toString("latin1")).toBe("PNG");
      // mailparser puts the image where the HTML names its cid, as the recipient's mail client does.
      expect(mail.html).toContain(`<img src="data:image/png;base64,${image.content.toString("base64")}"`);
    }

    for (const [mail, status, summary] of [
      [german, "CONFIRMED", "Workshop: Smarte Fertigung im Mittelstand"],
      [chinese, "TENTATIVE", "研讨会：中小企业的智能制造"],
    ] as const) {
      const attachment = only(mail.attachments.filter((file) => file.contentType === "text/calendar"));
      expect(attachment.filename).toBe("meeting-2017.ics");
      expect(attachment.contentType).toBe("text/calendar");
      expect((attachment.headers.get("content-type") as { params: object }).params).toMatchObject({
        charset: "utf-8",
        method: "PUBLISH",
      });
      const calendar = parseWithIcalJs(attachment.content.toString("utf8"));
      expect(calendar.method).toBe("PUBLISH");
      const event = calendar.events[0]!;
      expect(calendar.events).toHaveLength(1);
      expect(event).toMatchObject({ uid: `${workshopId}@meeting.example`, tzid: "Europe/Berlin", status });
      expect([event.start.toISOString(), event.end.toISOString()]).toEqual([
        "2017-04-24T11:30:00.000Z",
        "2017-04-24T13:00:00.000Z",
      ]);
      expect(event.summary).toBe(summary);
    }

    for (const { id } of [ute, wei]) {
      const row = await outboxRow(id);
      expect(row).toMatchObject({
        status: "sent",
        attempts: 1,
        withManageLink: true,
        lockedUntil: null,
        lastError: null,
      });
      expect(row.sentAt).toBeInstanceOf(Date);
      // The stored copy never held the link (only the placeholder); once sent, it keeps what the outbox page shows.
      expect(row.text).toContain("/manage/…");
      expect(row.text).not.toContain(LINK_TOKEN_PLACEHOLDER);
      expect(await manageTokens(id)).toBe(1);
    }
    const outbox = await outboxAsText();
    for (const token of [uteToken, weiToken]) {
      expect(outbox).not.toContain(token);
      // The database has the hash, and only the hash.
      expect(await db.accessToken.count({ where: { hash: token } })).toBe(0);
      expect(await db.accessToken.count({ where: { hash: hashToken(token) } })).toBe(1);
    }
  });

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

  it("cancels the sessions a delegate gave up in the calendar of the change and of the cancellation", async () => {
    const room = await db.room.findFirstOrThrow({ where: { meetingId } });
    // 10:00–11:00 in Hannover on 25 April 2017, 08:00Z; SEQUENCE 4 after earlier changes.
    const given = await db.session.create({
      data: {
        meetingId,
        slug: `test-${randomUUID()}`,
        kind: "workshop",
        status: "published",
        titleDe: "Werkstattgespräch Wasserstoff",
        titleEn: "Hydrogen workshop talk",
        titleZh: "氢能研讨",
        startsAt: new Date("2017-04-25T08:00:00Z"),
        endsAt: new Date("2017-04-25T09:00:00Z"),
        roomId: room.id,
        capacity: 10,
        languages: ["de"],
        sequence: 4,
      },
    });
    const changing = await register(
      { language: "de", givenName: "Karl", familyName: "Stein", seat: "confirmed" },
      [workshopId, given.id],
    );
    const leaving = await register(
      { language: "zh", givenName: "Li", familyName: "Na", nativeName: "李娜", seat: "confirmed" },
      [given.id],
    );
    await deliverOutbox();

    // The way the manage page changes sessions and cancels: the seat goes, the email reports it.
    await db.$transaction(async (tx) => {
      await tx.sessionSeat.delete({
        where: { registrationId_sessionId: { registrationId: changing.id, sessionId: given.id } },
      });
      await tx.registration.update({
        where: { id: changing.id },
        data: { updatedAt: new Date("2017-03-10T12:00:00Z") },
      });
      await queueRegistrationEmail(tx, {
        kind: "changed",
        registrationId: changing.id,
        releasedSessionIds: [given.id],
      });
    });
    await db.$transaction(async (tx) => {
      await tx.sessionSeat.delete({
        where: { registrationId_sessionId: { registrationId: leaving.id, sessionId: given.id } },
      });
      await tx.registration.update({
        where: { id: leaving.id },
        data: { status: "cancelled", activeEmail: null, cancelledAt: new Date() },
      });
      await queueRegistrationEmail(tx, {
        kind: "cancelled",
        registrationId: leaving.id,
        releasedSessionIds: [given.id],
      });
    });
    expect(await deliverOutbox()).toEqual({ sent: 2, retried: 0, failed: 0 });

    const changed = sink.to(changing.email).at(-1)!;
    expect(changed.subject).toBe("Ihre Programmauswahl wurde geändert – Jahrestreffen 2017");
    expect(changed.text).toContain(
      "Programmpunkte, an denen Sie nicht mehr teilnehmen, sind darin als abgesagt markiert",
    );
    const changedIcs = only(changed.attachments).content.toString("utf8");
    expect(
      parseWithIcalJs(changedIcs).events.map((event) => [event.uid, event.sequence, event.status]),
    ).toEqual([
      [`${workshopId}@meeting.example`, 0, "CONFIRMED"],
      [`${given.id}@meeting.example`, 5, "CANCELLED"],
    ]);
    const cancelledEvent = parseWithIcalJs(changedIcs).events[1]!;
    expect(cancelledEvent).toMatchObject({
      summary: "Werkstattgespräch Wasserstoff",
      tzid: "Europe/Berlin",
      location: room.nameDe,
    });
    expect(cancelledEvent.description).toBe(
      "16:00–17:00 Uhr Pekinger Zeit (UTC+8)\nSie nehmen an diesem Programmpunkt nicht mehr teil.",
    );
    expect([cancelledEvent.start.toISOString(), cancelledEvent.end.toISOString()]).toEqual([
      "2017-04-25T08:00:00.000Z",
      "2017-04-25T09:00:00.000Z",
    ]);
    expect(
      parseWithNodeIcal(changedIcs).map((event) => [
        event.uid,
        event.sequence,
        event.status,
        event.start.toISOString(),
      ]),
    ).toEqual([
      [`${workshopId}@meeting.example`, 0, "CONFIRMED", "2017-04-24T11:30:00.000Z"],
      [`${given.id}@meeting.example`, 5, "CANCELLED", "2017-04-25T08:00:00.000Z"],
    ]);

    const cancelled = sink.to(leaving.email).at(-1)!;
    expect(cancelled.subject).toBe("2017年年会：报名已取消");
    // Still a link: the delegate may want to download or delete their data.
    expect(await registrationIdForToken(db, linkToken(cancelled, "zh"), "manage")).toBe(leaving.id);
    expect(cancelled.text).toContain("您仍可通过此链接查看您的报名，并下载或删除您的个人数据：");
    const cancelledIcs = only(cancelled.attachments).content.toString("utf8");
    expect(
      parseWithIcalJs(cancelledIcs).events.map((event) => [
        event.uid,
        event.sequence,
        event.status,
        event.summary,
      ]),
    ).toEqual([[`${given.id}@meeting.example`, 5, "CANCELLED", "氢能研讨"]]);
    expect(parseWithNodeIcal(cancelledIcs).map((event) => [event.uid, event.sequence, event.status])).toEqual(
      [[`${given.id}@meeting.example`, 5, "CANCELLED"]],
    );

    // A cancellation that gave up nothing has no calendar to send.
    const bare = await register(
      { language: "de", givenName: "Olga", familyName: "Stein", seat: "confirmed" },
      [],
    );
    await db.$transaction(async (tx) => {
      await tx.registration.update({
        where: { id: bare.id },
        data: { status: "cancelled", activeEmail: null, cancelledAt: new Date() },
      });
      await queueRegistrationEmail(tx, {
        kind: "cancelled",
        registrationId: bare.id,
        releasedSessionIds: [],
      });
    });
    await deliverOutbox();
    const bareMail = sink.to(bare.email).at(-1)!;
    expect(bareMail.subject).toBe("Anmeldung storniert – Jahrestreffen 2017");
    expect(bareMail.attachments).toHaveLength(0);
    expect(bareMail.text).not.toContain("Kalenderdatei");
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
