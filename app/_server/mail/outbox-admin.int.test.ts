import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/app/_server/authz";
import { db } from "@/app/_server/db";
import { AppError } from "@/app/_server/errors";
import { createActor, outcome } from "@/test/integration/actors";
import { listAuditEntries } from "../audit/queries";
import {
  getOutboxEmail,
  listOutbox,
  outboxDelivers,
  retryOutboxEmail,
  OUTBOX_PAGE_SIZE,
} from "./outbox-admin";
import { LINK_TOKEN_PLACEHOLDER } from "./links";

let organizer: Actor;
let admin: Actor;
let checkin: Actor;
let registrationId: string;
let meetingId: string;

const unique = () => randomUUID().slice(0, 8);
const meetingSlug = `o-${unique()}`;

type Email = {
  kind?: string;
  to?: string;
  status?: "queued" | "sent" | "failed";
  attempts?: number;
  nextAttemptAt?: Date;
  lockedUntil?: Date | null;
  registration?: boolean;
};

async function email(options: Email = {}) {
  return db.outboxEmail.create({
    data: {
      registrationId: options.registration === false ? null : registrationId,
      kind: options.kind ?? "registration.received",
      toAddress: options.to ?? `d-${unique()}@example.org`,
      subject: "Ihre Anmeldung",
      text: `Ihr Link: https://example.org/de/manage/${LINK_TOKEN_PLACEHOLDER}\n`,
      html: `<p><a href="https://example.org/de/manage/${LINK_TOKEN_PLACEHOLDER}">Link</a></p><img src="cid:qr@app">`,
      attachments: [
        { filename: "einladung.ics", contentType: "text/calendar", content: "BEGIN:VCALENDAR" },
        {
          filename: "qr.png",
          contentType: "image/png",
          content: "iVBORw0KGgo=",
          encoding: "base64",
          cid: "qr@app",
        },
      ],
      withManageLink: options.registration !== false,
      status: options.status ?? "queued",
      attempts: options.attempts ?? 0,
      nextAttemptAt: options.nextAttemptAt ?? new Date(),
      lockedUntil: options.lockedUntil ?? null,
    },
  });
}

const ROLES = () => [null, checkin, organizer, admin];

beforeAll(async () => {
  [organizer, admin, checkin] = await Promise.all([
    createActor("organizer"),
    createActor("admin"),
    createActor("checkin"),
  ]);
  const meeting = await db.meeting.create({
    data: {
      slug: meetingSlug,
      titleDe: "Jahrestreffen",
      titleEn: "Annual meeting",
      titleZh: "年会",
      venueName: "Messe",
      venueCity: "Hannover",
      venueCountry: "DE",
      timeZone: "Europe/Berlin",
      startsOn: new Date("2018-04-23T00:00:00Z"),
      endsOn: new Date("2018-04-24T00:00:00Z"),
    },
  });
  meetingId = meeting.id;
  const address = `d-${unique()}@example.org`;
  const registration = await db.registration.create({
    data: {
      meetingId,
      status: "confirmed",
      givenName: "Anna",
      familyName: "Schmidt",
      role: "delegate",
      cityOther: "Celle",
      email: address,
      activeEmail: address,
      language: "de",
      privacyConsentAt: new Date(),
      checkInCode: "7K3MQ9XW2F",
      createdAt: new Date(),
    },
  });
  registrationId = registration.id;
});

describe("reading the outbox", () => {
  it("is for admins and organizers", async () => {
    const row = await email();
    expect(await Promise.all(ROLES().map((actor) => outcome(listOutbox(actor))))).toEqual([
      "unauthenticated",
      "forbidden",
      "ok",
      "ok",
    ]);
    expect(await Promise.all(ROLES().map((actor) => outcome(getOutboxEmail(actor, row.id))))).toEqual([
      "unauthenticated",
      "forbidden",
      "ok",
      "ok",
    ]);
    expect(
      await Promise.all(ROLES().map((actor) => outcome(Promise.resolve().then(() => outboxDelivers(actor))))),
    ).toEqual(["unauthenticated", "forbidden", "ok", "ok"]);
    // No SMTP_URL in the tests: emails wait here.
    expect(outboxDelivers(organizer)).toBe(false);
  });

  it("keeps account emails (who gets which access) from everyone but admins", async () => {
    const marker = `acct-${unique()}`;
    const invitation = await email({
      kind: "account.invitation",
      to: `${marker}@example.org`,
      registration: false,
    });
    const registrationEmail = await email({ to: `${marker}-delegate@example.org` });

    const forOrganizer = await listOutbox(organizer, { recipient: marker });
    expect(forOrganizer.emails.map((row) => row.id)).toEqual([registrationEmail.id]);
    expect((await listOutbox(organizer, { area: "account" })).total).toBe(0);
    expect(await outcome(getOutboxEmail(organizer, invitation.id))).toBe("not_found");
    expect(await outcome(retryOutboxEmail(organizer, invitation.id))).toBe("not_found");

    const forAdmin = await listOutbox(admin, { recipient: marker });
    expect(forAdmin.emails.map((row) => row.id).sort()).toEqual([invitation.id, registrationEmail.id].sort());
    expect(
      (await listOutbox(admin, { area: "account", recipient: marker })).emails.map((row) => row.id),
    ).toEqual([invitation.id]);
    expect((await getOutboxEmail(admin, invitation.id)).kind).toBe("account.invitation");
  });

  it("filters by status, kind area and recipient, newest first, a page at a time", async () => {
    const marker = `page-${unique()}`;
    const rows = [];
    for (let index = 0; index <= OUTBOX_PAGE_SIZE; index += 1)
      rows.push(await email({ to: `${marker}-${index}@example.org` }));
    const failed = await email({ to: `${marker}-failed@example.org`, status: "failed" });
    await db.outboxEmail.update({
      where: { id: failed.id },
      data: { createdAt: new Date(Date.now() - 60_000) },
    });

    const first = await listOutbox(organizer, { recipient: marker.toUpperCase() });
    expect(first).toMatchObject({ total: OUTBOX_PAGE_SIZE + 2, page: 1, pages: 2 });
    expect(first.emails).toHaveLength(OUTBOX_PAGE_SIZE);
    const second = await listOutbox(organizer, { recipient: marker, page: 2 });
    expect(second.emails.map((row) => row.id)).toEqual([rows[0]!.id, failed.id]);
    expect((await listOutbox(organizer, { recipient: marker, page: 99 })).page).toBe(2);

    const onlyFailed = await listOutbox(organizer, { recipient: marker, status: "failed" });
    expect(onlyFailed.emails.map((row) => row.id)).toEqual([failed.id]);
    expect(onlyFailed.emails[0]!.meeting?.slug).toBe(meetingSlug);
    expect(
      (await listOutbox(organizer, { recipient: marker, area: "registration", status: "sent" })).total,
    ).toBe(0);
  });

  it("shows the message as the recipient reads it, without any link token, with its attachments", async () => {
    const row = await email();
    const view = await getOutboxEmail(organizer, row.id);
    expect(view.message.text).toBe("Ihr Link: https://example.org/de/manage/…\n");
    expect(view.message.html).not.toContain(LINK_TOKEN_PLACEHOLDER);
    expect(view.message.html).toContain('href="https://example.org/de/manage/…"');
    // The inline QR code shows in the page as a data: image.
    expect(view.message.html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
    expect(view.attachments).toEqual([
      { filename: "einladung.ics", contentType: "text/calendar", bytes: 15, inline: false },
      { filename: "qr.png", contentType: "image/png", bytes: 8, inline: true },
    ]);
    expect(await outcome(getOutboxEmail(organizer, "no-such-email"))).toBe("not_found");
  });
});

describe("retrying an email", () => {
  it("is for admins and organizers, and audited", async () => {
    const rows = await Promise.all(ROLES().map(() => email({ status: "failed", attempts: 8 })));
    const outcomes = [];
    for (const [index, actor] of ROLES().entries())
      outcomes.push(await outcome(retryOutboxEmail(actor, rows[index]!.id)));
    expect(outcomes).toEqual(["unauthenticated", "forbidden", "ok", "ok"]);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: rows[2]!.id } });
    expect(audit).toMatchObject({
      action: "email.retry",
      entity: "OutboxEmail",
      actorEmail: organizer.email,
      meetingId,
    });
    expect(audit.before).toMatchObject({ status: "failed", attempts: 8 });
    expect(audit.after).toMatchObject({ status: "queued", attempts: 8 });
    expect(await db.auditEntry.count({ where: { entityId: rows[1]!.id } })).toBe(0);
  });

  it("keeps the address and the server's answer out of the log, and an account email's retry from organizers", async () => {
    const to = `reset-${unique()}@example.org`;
    const reset = await email({
      kind: "account.password_reset",
      to,
      status: "failed",
      attempts: 8,
      registration: false,
    });
    const received = await email({ status: "failed", attempts: 8 });
    await db.outboxEmail.updateMany({
      where: { id: { in: [reset.id, received.id] } },
      data: { lastError: `550 5.1.1 <${to}>: mailbox unavailable` },
    });
    await retryOutboxEmail(admin, reset.id);
    await retryOutboxEmail(admin, received.id);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { entityId: reset.id } });
    expect(JSON.stringify(entry)).not.toContain(to);
    // The server's words, not "550" alone: a timestamp's milliseconds can be 550.
    expect(JSON.stringify(entry)).not.toContain("mailbox unavailable");
    expect(JSON.stringify(entry)).not.toContain("550 5.1.1");

    const retried = async (actor: Actor) =>
      (await listAuditEntries(actor, { action: "email.retry" })).entries.map((row) => row.entityId);
    expect(await retried(organizer)).toContain(received.id);
    expect(await retried(organizer)).not.toContain(reset.id);
    expect(await retried(admin)).toEqual(expect.arrayContaining([reset.id, received.id]));
  });

  it("makes a failed email due now, unlocked, keeping its attempts", async () => {
    const row = await email({
      status: "failed",
      attempts: 8,
      nextAttemptAt: new Date(Date.now() - 3_600_000),
      lockedUntil: new Date(Date.now() + 60_000),
    });
    await db.outboxEmail.update({ where: { id: row.id }, data: { lastError: "ECONNREFUSED: connect" } });
    const before = Date.now();
    await retryOutboxEmail(admin, row.id);
    const after = await db.outboxEmail.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({
      status: "queued",
      attempts: 8,
      lockedUntil: null,
      lastError: "ECONNREFUSED: connect",
    });
    expect(after.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(after.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it("brings forward an email waiting for a later attempt", async () => {
    const row = await email({ status: "queued", attempts: 2, nextAttemptAt: new Date(Date.now() + 600_000) });
    expect((await getOutboxEmail(organizer, row.id)).retryable).toBe(true);
    await retryOutboxEmail(organizer, row.id);
    const after = await db.outboxEmail.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(after.attempts).toBe(2);
    expect((await getOutboxEmail(organizer, row.id)).retryable).toBe(false);
  });

  it("refuses sent emails and emails already due, and changes nothing", async () => {
    const sent = await email({ status: "sent", attempts: 1 });
    const due = await email({ status: "queued" });
    for (const [row, key] of [
      [sent, "emailAlreadySent"],
      [due, "emailAlreadyDue"],
    ] as const) {
      const error = await retryOutboxEmail(organizer, row.id).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).details.fields).toEqual({ emailId: { key } });
      expect(await db.auditEntry.count({ where: { entityId: row.id } })).toBe(0);
    }
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({
      status: "sent",
      attempts: 1,
    });
    expect(await outcome(retryOutboxEmail(organizer, "no-such-email"))).toBe("not_found");
  });
});
