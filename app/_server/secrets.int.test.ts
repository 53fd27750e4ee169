/**
 * Secrets end to end: a delegate registers (with an idempotency key), asks for the lost link and opens a
 * personal calendar, an admin invites an account and resets a password, and every email goes out to a
 * real SMTP server. Afterwards the delivered emails hold the link tokens, while no table (the outbox
 * included) and nothing written to the console does. The SMTP server is started and its address put
 * into the environment before the app's modules load (they read their settings once).
 */
import { format } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createActor } from "@/test/integration/actors";
import { delegate } from "@/test/integration/factories";
import { sinkForTheApp } from "@/test/smtp-sink";

const sink = await sinkForTheApp({ PUBLIC_URL: "https://meeting.example" });

const { db } = await import("@/app/_server/db");
const { seedDemo } = await import("@/prisma/seed");
const { register, manageTokenOf } = await import("./registration/register");
const { rotateCalendarToken } = await import("./self-service/calendar-link");
const { sendManageLinks } = await import("./self-service/lost-link");
const { inviteUser, resetPassword } = await import("./accounts/mutations");
const { deliverOutbox } = await import("./mail/delivery");
const { closeMailTransport } = await import("./mail/transport");

/** Everything written to the console during the flows, as the console would print it. */
const logged: string[] = [];

beforeAll(async () => {
  await seedDemo(db);
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(format(...args));
    });
  }
});

afterAll(async () => {
  vi.restoreAllMocks();
  closeMailTransport();
  await sink.stop();
});

/** Tables that hold registrations, accounts, links, the audit log, emails and idempotent answers. */
const TABLES = [
  "Registration",
  "AccessToken",
  "User",
  "UserToken",
  "AuditEntry",
  "OutboxEmail",
  "IdempotencyKey",
  "RateLimit",
  "SessionSeat",
];

/** Every row of the tables as JSON text (bytea as hex), and the bytea columns as text too. */
async function databaseAsText(): Promise<string> {
  const parts: string[] = [];
  for (const table of TABLES) {
    const rows = await db.$queryRawUnsafe<{ row: string }[]>(
      `SELECT row_to_json(t)::text AS row FROM "${table}" t`,
    );
    parts.push(...rows.map(({ row }) => row));
  }
  const answers = await db.idempotencyKey.findMany({ select: { response: true } });
  parts.push(...answers.map(({ response }) => Buffer.from(response).toString("latin1")));
  return parts.join("\n");
}

/** Delivery started after each commit; runs it until nothing is left. */
async function deliverAll(): Promise<void> {
  for (
    let round = 0;
    round < 50 && (await db.outboxEmail.count({ where: { status: "queued" } })) > 0;
    round++
  ) {
    await deliverOutbox();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const TOKEN_IN_LINK = /\/(?:manage|password|personal)\/([A-Za-z0-9_-]{43})/g;

describe("link tokens", () => {
  it("reach their owners by email and the answers, and are kept nowhere in the database or the logs", async () => {
    const input = delegate();
    const answer = await register("2017", input, { locale: "de", idempotencyKey: "secrets-test-key" });
    const manageToken = manageTokenOf(answer);
    const calendarToken = await rotateCalendarToken(manageToken);
    await sendManageLinks(input.email);
    const admin = await createActor("admin");
    const invitation = await inviteUser(
      admin,
      { email: "new-organizer@example.org", name: "Neue Organisatorin", role: "organizer" },
      "de",
    );
    // The invitation leaves before the reset: a reset queued first would keep it from leaving at all.
    await deliverAll();
    const invited = await db.user.findUniqueOrThrow({
      where: { email: "new-organizer@example.org" },
      select: { id: true },
    });
    const reset = await resetPassword(admin, invited.id, "en");
    await deliverAll();
    expect(await db.outboxEmail.groupBy({ by: ["status"], _count: true })).toEqual([
      { status: "sent", _count: 3 + 1 },
    ]);

    const delivered = sink.messages.map(
      (mail) => `${mail.subject}\n${mail.text}\n${typeof mail.html === "string" ? mail.html : ""}`,
    );
    const emailed = new Set(
      delivered.flatMap((text) => [...text.matchAll(TOKEN_IN_LINK)].map((match) => match[1]!)),
    );
    const inviteToken = invitation.link.slice(invitation.link.lastIndexOf("/") + 1);
    const resetToken = reset.link.slice(reset.link.lastIndexOf("/") + 1);
    // The confirmation and the lost-link email each carry a manage link of their own, and so do the
    // account emails: minted as they left, not the links the admin was shown.
    expect(emailed.size).toBe(4);
    expect(emailed).not.toContain(inviteToken);
    expect(emailed).not.toContain(resetToken);

    const secrets = [manageToken, calendarToken, inviteToken, resetToken, ...emailed];
    const stored = await databaseAsText();
    expect(stored).toContain(input.email);
    for (const token of secrets) {
      expect(stored, token).not.toContain(token);
      expect(stored, token).not.toContain(Buffer.from(token).toString("hex"));
    }
    // What the outbox keeps of the account emails is the link without its token.
    expect(stored).toContain("/admin/password/…");

    for (const token of secrets) expect(logged.join("\n"), token).not.toContain(token);
  });
});
