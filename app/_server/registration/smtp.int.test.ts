/**
 * Registration and its email end to end: the domain's own `register`, the outbox, a real SMTP server.
 * The server is started first and its address put into the environment before the app's modules load
 * (they read their settings once).
 */
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseWithIcalJs, parseWithNodeIcal } from "@/test/ical";
import { delegate } from "@/test/integration/factories";
import { sinkForTheApp } from "@/test/smtp-sink";
import { eventually } from "@/test/integration/eventually";

const sink = await sinkForTheApp({ PUBLIC_URL: "https://meeting.example" });

const { db } = await import("@/app/_server/db");
const { seedDemo } = await import("@/prisma/seed");
const { register } = await import("./register");
const { registrationIdForToken } = await import("./tokens");
const { deliverOutbox } = await import("../mail/delivery");
const { closeMailTransport } = await import("../mail/transport");

let workshopId: string;

beforeAll(async () => {
  await seedDemo(db);
  workshopId = (await db.session.findFirstOrThrow({ where: { slug: "workshop-smart-manufacturing" } })).id;
});

afterAll(async () => {
  closeMailTransport();
  await sink.stop();
});

async function expectConfirmation(mail: ParsedMail, registrationId: string): Promise<void> {
  const token = /https:\/\/meeting\.example\/zh\/manage\/([\w-]{43})/.exec(mail.text ?? "")?.[1];
  expect(token).toBeDefined();
  expect(await registrationIdForToken(db, token!, "manage")).toBe(registrationId);
  const attachment = mail.attachments.find((file) => file.contentType.startsWith("text/calendar"));
  expect(attachment).toBeDefined();
  const calendar = attachment!.content.toString("utf8");
  // 13:30 in Hannover on 24 April 2017: 11:30Z, 19:30 in Beijing. The sessions open to everyone come with it
  // (calendar-conformance.int.test.ts counts them).
  const workshop = (uid: string) => uid.startsWith(`${workshopId}@`);
  expect(
    parseWithIcalJs(calendar)
      .events.filter((event) => workshop(event.uid))
      .map((event) => [event.status, event.start.toISOString()]),
  ).toEqual([["CONFIRMED", "2017-04-24T11:30:00.000Z"]]);
  expect(
    parseWithNodeIcal(calendar)
      .filter((event) => workshop(event.uid))
      .map((event) => event.start.toISOString()),
  ).toEqual(["2017-04-24T11:30:00.000Z"]);
}

describe("registration email over SMTP", () => {
  it("sends the confirmation right after the registration, in the delegate's language, with a working link and the calendar", async () => {
    const input = delegate({ sessionIds: [workshopId], language: "zh" });
    const answer = await register("2017", input, { locale: "zh" });
    const mail = await eventually(() => sink.to(input.email)[0]);
    expect(mail.subject).toMatch(/[\u4e00-\u9fff]/);
    await expectConfirmation(mail, answer.id);
    // The draft gave way to the email as it was sent: bodies and attachments, the link's key left out,
    // and none of the registration's other details.
    const sent = await eventually(async () => {
      const row = await db.outboxEmail.findFirstOrThrow({ where: { registrationId: answer.id } });
      return row.status === "sent" ? row : undefined;
    });
    expect(sent.draft).toBeNull();
    expect(sent.text).toContain("/zh/manage/…");
    expect((sent.attachments as { filename: string }[]).map((attachment) => attachment.filename)).toEqual([
      "meeting-2017.ics",
      "check-in.png",
    ]);
  });

  it("registers while the mail server is down; the confirmation arrives once the server is back", async () => {
    await sink.stop();
    const input = delegate({ sessionIds: [workshopId], language: "zh" });
    const answer = await register("2017", input, { locale: "zh" });
    expect(answer.status).toBe("confirmed");
    // The delivery started after the commit failed and scheduled a retry.
    const waiting = await eventually(async () => {
      const row = await db.outboxEmail.findFirstOrThrow({ where: { registrationId: answer.id } });
      return row.attempts === 1 ? row : undefined;
    });
    expect(waiting).toMatchObject({ status: "queued", sentAt: null });
    expect(sink.to(input.email)).toEqual([]);

    await sink.start();
    expect(await deliverOutbox({ now: new Date(waiting.nextAttemptAt.getTime() + 1000) })).toMatchObject({
      sent: 1,
    });
    await expectConfirmation(await eventually(() => sink.to(input.email)[0]), answer.id);
  });
});
