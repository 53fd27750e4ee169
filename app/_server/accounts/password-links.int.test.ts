/**
 * Invitation and reset emails over SMTP: the outbox keeps no set-password token, the email gets its link
 * when it leaves, and only while the invitation or reset still stands (password-links.ts). The mail
 * server is started first and its address put into the environment before the app's modules load.
 */
import { randomUUID } from "node:crypto";
import type { ParsedMail } from "mailparser";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/app/_server/authz";
import { createActor, outcome } from "@/test/integration/actors";
import { sinkForTheApp } from "@/test/smtp-sink";
import { eventually } from "@/test/integration/eventually";

const sink = await sinkForTheApp({ PUBLIC_URL: "https://meeting.example", MAIL_MAX_ATTEMPTS: "3" });

const { db } = await import("@/app/_server/db");
const { deliverOutbox } = await import("../mail/delivery");
const { closeMailTransport } = await import("../mail/transport");
const { disableUser, enableUser, inviteUser, resetPassword } = await import("./mutations");
const { passwordLinkAccount } = await import("./queries");
const { setPasswordWithToken } = await import("./set-password");

const PASSWORD = "correct horse battery staple";
const LIVE_LINK = /\/admin\/password\/[A-Za-z0-9_-]{43}/;

afterAll(async () => {
  closeMailTransport();
  await sink.stop();
});

const address = () => `person-${randomUUID().slice(0, 8)}@test.example`;
const tokenOf = (link: string) => link.split("/").at(-1)!;
/** After every retry delay the test may have caused. */
const later = () => new Date(Date.now() + 3600_000);

async function invite(admin: Actor) {
  const email = address();
  const { userId, link } = await inviteUser(admin, { email, name: "Anna Schmidt", role: "organizer" }, "en");
  return { email, userId, adminToken: tokenOf(link) };
}

/** The account emails to `email`, every column as text, oldest first. */
async function storedRows(email: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ row: string }[]>`
    SELECT row_to_json(o)::text AS "row" FROM "OutboxEmail" o WHERE "toAddress" = ${email} ORDER BY "createdAt", "id"`;
  return rows.map(({ row }) => row);
}

function expectNoSecret(rows: string[], tokens: string[]): void {
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(row).not.toMatch(LIVE_LINK);
    for (const token of tokens) expect(row).not.toContain(token);
  }
}

/** The set-password token of a delivered email; its HTML part carries the same link. */
function deliveredToken(mail: ParsedMail): string {
  const match = /https:\/\/meeting\.example\/en\/admin\/password\/([A-Za-z0-9_-]{43})\n/.exec(
    mail.text ?? "",
  );
  expect(match, "set-password link in the text").not.toBeNull();
  expect(mail.html).toContain(`<a href="https://meeting.example/en/admin/password/${match![1]}">`);
  return match![1]!;
}

async function emailRow(email: string, kind = "account.invitation") {
  return db.outboxEmail.findFirstOrThrow({ where: { toAddress: email, kind } });
}

/** Waits until the delivery run started by the action has tried the email once, and let it go. */
async function firstAttempt(email: string, kind?: string) {
  return eventually(async () => {
    const row = await emailRow(email, kind);
    return row.attempts > 0 && row.lockedUntil === null ? row : undefined;
  });
}

/** The mail server is down for what `run` does: each email it queues fails its first attempt. */
async function whileDown<T>(run: () => Promise<T>): Promise<T> {
  await sink.stop();
  try {
    return await run();
  } finally {
    await sink.start();
  }
}

describe("set-password links minted when the email leaves", () => {
  it("keeps no token in the outbox, and the delivered link sets the password once", async () => {
    const admin = await createActor("admin");
    const { email, adminToken } = await invite(admin);
    const mail = await eventually(() => sink.to(email)[0]);
    const token = deliveredToken(mail);
    expect(token).not.toBe(adminToken);

    const row = await eventually(async () =>
      (await emailRow(email)).status === "sent" ? emailRow(email) : undefined,
    );
    expect(row.text).toContain("https://meeting.example/en/admin/password/…\n");
    expectNoSecret(await storedRows(email), [token, adminToken]);
    const stored = await db.userToken.findMany({ where: { user: { email } }, orderBy: { createdAt: "asc" } });
    expect(stored).toHaveLength(2);
    for (const { expiresAt, createdAt } of stored)
      expect(Math.abs(expiresAt.getTime() - createdAt.getTime() - 7 * 24 * 3600_000)).toBeLessThan(60_000);

    expect(await passwordLinkAccount(token)).toEqual({ email, name: "Anna Schmidt" });
    expect(await outcome(setPasswordWithToken(token, PASSWORD, PASSWORD))).toBe("ok");
    expect(await outcome(setPasswordWithToken(token, PASSWORD, PASSWORD))).toBe("invalid");
    expect(await passwordLinkAccount(adminToken)).toBeNull();
  });

  it("retries a failed send with a fresh link; the failed attempt's link was ended", async () => {
    const admin = await createActor("admin");
    const { email, userId, adminToken } = await whileDown(async () => {
      const invited = await invite(admin);
      expect(await firstAttempt(invited.email)).toMatchObject({
        status: "queued",
        attempts: 1,
        lastError: expect.stringMatching(/ECONNREFUSED/),
      });
      return invited;
    });
    // Queued: the body waits with a placeholder, and the only live link is the admin's.
    expectNoSecret(await storedRows(email), [adminToken]);
    expect(await db.userToken.count({ where: { userId } })).toBe(1);

    await deliverOutbox({ now: later() });
    const token = deliveredToken(await eventually(() => sink.to(email)[0]));
    expect(await emailRow(email)).toMatchObject({ status: "sent", attempts: 2 });
    expectNoSecret(await storedRows(email), [token, adminToken]);
    expect(await passwordLinkAccount(token)).toEqual({ email, name: "Anna Schmidt" });
    expect(await db.userToken.count({ where: { userId } })).toBe(2);
  });

  it("gives the admin's link and the email's one life until a reset ends both", async () => {
    const admin = await createActor("admin");
    const { email, userId, adminToken } = await invite(admin);
    const emailed = deliveredToken(await eventually(() => sink.to(email)[0]));
    expect(await passwordLinkAccount(adminToken)).not.toBeNull();
    expect(await passwordLinkAccount(emailed)).not.toBeNull();

    const reset = await resetPassword(admin, userId, "en");
    expect(await passwordLinkAccount(adminToken)).toBeNull();
    expect(await passwordLinkAccount(emailed)).toBeNull();
    const resetMail = await eventually(() =>
      sink.to(email).find((mail) => mail.subject === "A new password for your access"),
    );
    const resetToken = deliveredToken(resetMail);
    expect(await passwordLinkAccount(tokenOf(reset.link))).not.toBeNull();
    expect(await passwordLinkAccount(resetToken)).not.toBeNull();
    await eventually(async () =>
      (await emailRow(email, "account.password_reset")).status === "sent" ? true : undefined,
    );
    expectNoSecret(await storedRows(email), [adminToken, emailed, tokenOf(reset.link), resetToken]);

    expect(await outcome(setPasswordWithToken(resetToken, PASSWORD, PASSWORD))).toBe("ok");
    expect(await passwordLinkAccount(tokenOf(reset.link))).toBeNull();
  });

  it("sends no link to an account disabled while its email waited, nor once it is enabled again", async () => {
    const admin = await createActor("admin");
    const { email, userId } = await whileDown(async () => {
      const invited = await invite(admin);
      await firstAttempt(invited.email);
      await disableUser(admin, invited.userId);
      return invited;
    });
    await deliverOutbox({ now: later() });
    expect(await emailRow(email)).toMatchObject({ status: "failed", lastError: "The account is disabled" });
    expect(sink.to(email)).toHaveLength(0);
    expect(await db.userToken.count({ where: { userId } })).toBe(0);

    // Enabling brings back neither the links nor the email's right to one.
    await enableUser(admin, userId);
    await db.outboxEmail.updateMany({
      where: { toAddress: email },
      data: { status: "queued", nextAttemptAt: new Date() },
    });
    await deliverOutbox({ now: later() });
    // The delivery that enabling set off in the background may have taken the email first: wait for its end.
    const row = await eventually(async () => {
      const current = await emailRow(email);
      return current.status === "failed" && current.lastError !== "The account is disabled"
        ? current
        : undefined;
    });
    expect(row).toMatchObject({
      status: "failed",
      lastError: "The links of this invitation or reset have expired or were ended",
    });
    expect(sink.to(email)).toHaveLength(0);
    expect(await db.userToken.count({ where: { userId } })).toBe(0);
  });

  it("sends no link with an invitation that leaves after the password was set, and changes nothing", async () => {
    const admin = await createActor("admin");
    const { email, userId } = await whileDown(async () => {
      const invited = await invite(admin);
      await firstAttempt(invited.email);
      await setPasswordWithToken(invited.adminToken, PASSWORD, PASSWORD);
      return invited;
    });
    const before = await db.user.findUniqueOrThrow({ where: { id: userId } });
    await deliverOutbox({ now: later() });
    expect(await emailRow(email)).toMatchObject({
      status: "failed",
      lastError: "The account has a password since",
    });
    expect(sink.to(email)).toHaveLength(0);
    expect(await db.user.findUniqueOrThrow({ where: { id: userId } })).toEqual(before);
    expect(await db.userToken.count({ where: { userId } })).toBe(0);
  });

  it("gives the link only to the latest of an invitation and a reset that waited together", async () => {
    const admin = await createActor("admin");
    const { email, userId } = await whileDown(async () => {
      const invited = await invite(admin);
      await firstAttempt(invited.email);
      await resetPassword(admin, invited.userId, "en");
      await firstAttempt(invited.email, "account.password_reset");
      return invited;
    });
    await deliverOutbox({ now: later() });
    expect(await emailRow(email)).toMatchObject({
      status: "failed",
      lastError: "A later invitation or reset replaces this email",
    });
    expect(await emailRow(email, "account.password_reset")).toMatchObject({ status: "sent" });
    const [mail] = sink.to(email);
    expect(sink.to(email)).toHaveLength(1);
    expect(mail!.subject).toBe("A new password for your access");
    expect(await passwordLinkAccount(deliveredToken(mail!))).toEqual({ email, name: "Anna Schmidt" });
    expect(await db.userToken.count({ where: { userId } })).toBe(2);
  });
});
