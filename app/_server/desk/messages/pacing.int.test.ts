/**
 * A message's emails through the outbox at MAIL_RATE_PER_MINUTE (2 here): what each delivery run takes,
 * at the moments it runs (its `now`), never more than the rate in a minute while a confirmation passes
 * at once; a restart in the middle (a new process, a batch left claimed by the one that died) leaves
 * the rest to go out, none twice; an SMTP server that refuses leaves the email retryable, and the
 * message's progress says so.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createActor } from "@/test/integration/actors";
import { sinkForTheApp } from "@/test/smtp-sink";

const RATE = 2;
const sink = await sinkForTheApp({
  PUBLIC_URL: "https://meeting.example",
  MAIL_RATE_PER_MINUTE: String(RATE),
  MAIL_MAX_ATTEMPTS: "2",
});

const { db } = await import("@/app/_server/db");
let delivery = await import("@/app/_server/mail/delivery");
let transport = await import("@/app/_server/mail/transport");
const { getMessage } = await import("@/app/_server/desk/messages/messages");
const { sendMessage } = await import("@/app/_server/desk/messages/send");
const { retryOutboxEmail } = await import("@/app/_server/mail/outbox-admin");
const { seedDemoMeeting, register } = await import("@/test/integration/registration-emails");
const { delegateOf, draftMessage, texts } = await import("@/test/integration/message-recipients");

const SLUG = "2017";
let meetingId = "";

beforeAll(async () => {
  ({ meetingId } = await seedDemoMeeting());
});

afterAll(async () => {
  await delivery.stopOutboxDelivery(Date.now());
  transport.closeMailTransport();
  await sink.stop();
});

const notice = texts({ de: { subject: "Hinweis", body: "Guten Tag {{name}}, {{manageLink}}" } });

/** A message to `count` new delegates named `familyName`, sent; the run it sets off has finished. */
async function sentTo(familyName: string, count: number) {
  const organizer = await createActor("organizer");
  const delegates = [];
  for (let index = 0; index < count; index += 1)
    delegates.push(await delegateOf(meetingId, null, { language: "de", givenName: `N${index}`, familyName }));
  const draft = await draftMessage(organizer, SLUG, notice, `q=${familyName}`);
  await sendMessage(organizer, SLUG, draft.id, draft.key);
  await delivery.outboxRunSettled();
  const progress = async () => (await getMessage(organizer, SLUG, draft.id)).message.progress;
  return { organizer, delegates, id: draft.id, progress };
}

/**
 * The minute before `now` used up by message emails sent then (by another instance, say): a delivery
 * run at `now` takes no message email.
 */
async function minuteUsedUp(now: Date) {
  for (let index = 0; index < RATE; index += 1)
    await db.outboxEmail.create({
      data: {
        kind: "message.delegate",
        toAddress: "earlier@example.org",
        subject: "Earlier",
        text: "",
        html: "",
        status: "sent",
        sentAt: now,
      },
    });
}

const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);

/** Each address has received exactly one email. */
function eachOnce(addresses: string[]) {
  for (const address of addresses) expect(sink.to(address), address).toHaveLength(1);
}

describe("the rate of a message's emails", () => {
  it("takes at most the rate in a minute, while a confirmation leaves at once", async () => {
    // The run that sending sets off takes the minute's share: two of five.
    const message = await sentTo("Takt", 5);
    expect(await message.progress()).toMatchObject({ sent: 2, waiting: 3 });
    const sent = await db.outboxEmail.findMany({
      where: { status: "sent", kind: "message.delegate" },
      select: { sentAt: true },
    });
    const start = sent[0]!.sentAt!;

    // A delegate registers meanwhile: the confirmation does not wait behind the message.
    const newcomer = await register(
      meetingId,
      { language: "de", givenName: "Eilig", familyName: "Neu", seat: "confirmed" },
      [],
    );
    expect(await delivery.deliverOutbox({ now: at(start, 1) })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(sink.to(newcomer.email)).toHaveLength(1);

    expect(await delivery.deliverOutbox({ now: at(start, 59) })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await delivery.deliverOutbox({ now: at(start, 61) })).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(await message.progress()).toMatchObject({ sent: 4, waiting: 1 });
    // A run's batch is not the limit: still two in the minute however large the batch.
    expect(await delivery.deliverOutbox({ now: at(start, 90), limit: 50 })).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    });
    expect(await delivery.deliverOutbox({ now: at(start, 122) })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await message.progress()).toEqual({ sent: 5, waiting: 0, retrying: 0, failed: 0 });
    eachOnce(message.delegates.map(({ email }) => email));
  });

  it("sends the rest after a restart in the middle, none twice", async () => {
    const base = new Date(Date.now() + 60 * 60_000);
    await minuteUsedUp(new Date());
    const message = await sentTo("Neustart", 4);
    expect(await message.progress()).toMatchObject({ sent: 0, waiting: 4 });
    expect(await delivery.deliverOutbox({ now: base })).toEqual({ sent: 2, retried: 0, failed: 0 });
    // The process dies holding the next email it claimed (its lease runs 15 minutes), and another starts:
    // nothing of the old one's memory, its modules loaded afresh, the kinds registered as at a start.
    const held = await db.outboxEmail.findFirstOrThrow({
      where: { status: "queued", forMessage: { messageId: message.id } },
      orderBy: { id: "asc" },
    });
    await db.outboxEmail.update({ where: { id: held.id }, data: { lockedUntil: at(base, 70 + 15 * 60) } });
    transport.closeMailTransport();
    const process = globalThis as Record<string, unknown>;
    for (const key of ["__outboxEmailKinds", "__outboxRun", "__outboxTimer", "__outboxPacedWake"])
      delete process[key];
    vi.resetModules();
    await import("@/app/_server/email-links");
    delivery = await import("@/app/_server/mail/delivery");
    transport = await import("@/app/_server/mail/transport");

    expect(await delivery.deliverOutbox({ now: at(base, 70) })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await delivery.deliverOutbox({ now: at(base, 140) })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await message.progress()).toMatchObject({ sent: 3, waiting: 1 });
    // Once the dead process's lease has ended, its email leaves too.
    expect(await delivery.deliverOutbox({ now: at(base, 70 + 15 * 60 + 1) })).toEqual({
      sent: 1,
      retried: 0,
      failed: 0,
    });
    expect(await message.progress()).toEqual({ sent: 4, waiting: 0, retrying: 0, failed: 0 });
    eachOnce(message.delegates.map(({ email }) => email));
  });

  it("keeps an email the SMTP server refuses retryable, and its progress says so", async () => {
    const base = new Date(Date.now() + 2 * 60 * 60_000);
    await minuteUsedUp(new Date());
    const message = await sentTo("Abweisung", 2);
    const [refused, accepted] = message.delegates as [
      { email: string; id: string },
      { email: string; id: string },
    ];
    sink.refused.add(refused.email);

    expect(await delivery.deliverOutbox({ now: base })).toEqual({ sent: 1, retried: 1, failed: 0 });
    expect(await message.progress()).toEqual({ sent: 1, waiting: 1, retrying: 1, failed: 0 });
    const email = await db.outboxEmail.findFirstOrThrow({
      where: { registrationId: refused.id, kind: "message.delegate" },
    });
    expect(email).toMatchObject({
      status: "queued",
      attempts: 1,
      lastError: expect.stringMatching(/Mailbox unavailable/),
    });

    // The second and last attempt (MAIL_MAX_ATTEMPTS) fails too: failed, and the outbox can send it again.
    expect(await delivery.deliverOutbox({ now: at(base, 120) })).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(await message.progress()).toEqual({ sent: 1, waiting: 0, retrying: 0, failed: 1 });
    sink.refused.delete(refused.email);
    await retryOutboxEmail(message.organizer, email.id);
    await delivery.outboxRunSettled();
    expect(await delivery.deliverOutbox({ now: at(base, 240) })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await message.progress()).toEqual({ sent: 2, waiting: 0, retrying: 0, failed: 0 });
    eachOnce([refused.email, accepted.email]);
  });
});
