/**
 * Change notices end to end (README "Change notices"): the session editor's and the status actions'
 * changes, through the real outbox and a real SMTP server, read back as the delegates' mail programs and
 * calendars read them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionFields, type SessionInput } from "@/app/_lib/agenda/session-fields";
import { NOTICE_QUIET_MINUTES } from "@/app/_lib/agenda/change-notice";
import { parseWithIcalJs, parseWithNodeIcal } from "@/test/ical";
import { createActor } from "@/test/integration/actors";
import { sinkForTheApp } from "@/test/smtp-sink";

const sink = await sinkForTheApp({ MAIL_MAX_ATTEMPTS: "3", PUBLIC_URL: "https://meeting.example" });

const { db } = await import("@/app/_server/db");
const { deliverOutbox, retryDelayMs } = await import("@/app/_server/mail/delivery");
const { closeMailTransport } = await import("@/app/_server/mail/transport");
const { sessionUid } = await import("@/app/_server/calendar/ics");
const { calendarUidDomain } = await import("@/app/_server/calendar/uid-domain");
/** The session's UID as every feed gives it: the notice's event must replace the subscribed one. */
const uidOf = async (sessionId: string) => sessionUid(sessionId, await calendarUidDomain());
const { registrationHistory } = await import("@/app/_server/desk/desk-history");
const { getSessionEditor } = await import("./admin-queries");
const { createSession, updateSession } = await import("./mutations");
const { cancelSession, publishSession } = await import("./status-mutations");
const { SESSION_NOTICE_KIND } = await import("@/app/_server/registration/emails/session-notice/kind");
const { seedDemoMeeting, register, linkToken } = await import("@/test/integration/registration-emails");
// After the app's modules: the refusal is checked against the same AppError class.
const { refusal } = await import("@/test/integration/refusal");

const SLUG = "2017";
let meetingId: string;
let organizer: Awaited<ReturnType<typeof createActor>>;
let hall2: string;

beforeAll(async () => {
  ({ meetingId } = await seedDemoMeeting());
  organizer = await createActor("organizer");
  hall2 = (await db.room.findFirstOrThrow({ where: { meetingId, slug: "saal-2" } })).id;
});

afterAll(async () => {
  closeMailTransport();
  await sink.stop();
});

/**
 * The editor's input: in the evening of the meeting's day (20:00 in Hannover, 02:00 the next day in
 * Beijing), without people, so that it clashes with nothing.
 */
function input(overrides: Record<string, unknown> = {}): SessionInput {
  return sessionFields.parse({
    titleDe: "Abendgespräch",
    titleEn: "Evening talk",
    titleZh: "晚间座谈",
    kind: "networking",
    date: "2017-04-24",
    startTime: "20:00",
    endTime: "21:00",
    capacity: "2",
    ...overrides,
  });
}

type Booked = { id: string; email: string };
type StoredRow = { kind: string; subject: string; withManageLink: boolean; draft: Record<string, unknown> };

/**
 * A published session with two seats taken (German, English) and a Chinese delegate on its waiting list;
 * besides, a cancelled registration still listed in it and a delegate of another session, who must hear
 * nothing. Their confirmations are out of the way.
 */
async function bookedSession() {
  const { id } = await createSession(organizer, SLUG, input());
  await publishSession(organizer, SLUG, id);
  const other = await createSession(organizer, SLUG, input({ titleDe: "Anderes Gespräch" }));
  await publishSession(organizer, SLUG, other.id);
  const de = await register(
    meetingId,
    { language: "de", givenName: "Ute", familyName: "Brandt", seat: "confirmed" },
    [id],
  );
  const en = await register(
    meetingId,
    { language: "en", givenName: "Mary", familyName: "Jones", seat: "confirmed" },
    [id],
  );
  const zh = await register(
    meetingId,
    { language: "zh", givenName: "Wei", familyName: "Wang", nativeName: "王伟", seat: "waitlisted" },
    [id],
  );
  // Not told: a registration no longer active (its place left in, so that only its status keeps it out).
  const cancelled = await register(
    meetingId,
    { language: "de", givenName: "Eva", familyName: "Kurz", seat: "waitlisted" },
    [id],
  );
  await db.registration.update({ where: { id: cancelled.id }, data: { status: "cancelled" } });
  const elsewhere = await register(
    meetingId,
    { language: "de", givenName: "Jan", familyName: "Ort", seat: "confirmed" },
    [other.id],
  );
  await db.outboxEmail.deleteMany({ where: { kind: { not: SESSION_NOTICE_KIND } } });
  return { id, de, en, zh, cancelled, elsewhere };
}

/** After the quiet time of the notices queued now. */
function afterQuietTime(): Date {
  return new Date(Date.now() + NOTICE_QUIET_MINUTES * 60_000 + 1000);
}

/** Delivers everything due at `now`, batch after batch. */
async function deliverDue(now = new Date()) {
  const total = { sent: 0, retried: 0, failed: 0 };
  for (;;) {
    const run = await deliverOutbox({ now });
    total.sent += run.sent;
    total.retried += run.retried;
    total.failed += run.failed;
    if (run.sent + run.retried + run.failed === 0) return total;
  }
}

/**
 * The notices the sink received (to one delegate): told apart by their calendar file, since the delivery
 * that each change's commit starts in the background may still send a confirmation of the set-up.
 */
const isNotice = (mail: (typeof sink.messages)[number]) =>
  mail.attachments.some((file) => file.filename === "meeting-2017-update.ics");
const notices = () => sink.messages.filter(isNotice);
const noticesTo = (delegate: Booked) => sink.to(delegate.email).filter(isNotice);

function calendarOf(mail: (typeof sink.messages)[number]) {
  const files = mail.attachments.filter((file) => file.contentType === "text/calendar");
  expect(files).toHaveLength(1);
  const text = files[0]!.content.toString("utf8");
  const [event, ...others] = parseWithIcalJs(text).events;
  expect(others).toEqual([]);
  expect(parseWithNodeIcal(text)).toHaveLength(1);
  return event!;
}

const queuedNotices = (sessionId: string) =>
  db.outboxEmail.findMany({
    where: { kind: SESSION_NOTICE_KIND, draft: { path: ["sessionId"], equals: sessionId } },
  });

describe("a moved session", () => {
  it("tells exactly its delegates, seats and waiting places, once each, in their language, with the updated event", async () => {
    const { id, de, en, zh, cancelled, elsewhere } = await bookedSession();
    const editor = await getSessionEditor(organizer, SLUG, id);
    expect(editor.session!.noticeAudience).toBe(3);

    const saved = await updateSession(organizer, SLUG, id, input({ startTime: "20:15", endTime: "21:15" }));
    expect(saved.notices.told).toBe(3);
    expect(saved.sequence).toBe(1);
    // Within the quiet time nothing leaves.
    expect(await deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(notices()).toHaveLength(0);

    expect(await deliverDue(afterQuietTime())).toEqual({ sent: 3, retried: 0, failed: 0 });
    const [toDe, toEn, toZh] = [de, en, zh].map((delegate) => {
      const mails = noticesTo(delegate);
      expect(mails).toHaveLength(1);
      return mails[0]!;
    });
    expect(noticesTo(cancelled)).toEqual([]);
    expect(noticesTo(elsewhere)).toEqual([]);
    expect(toDe!.subject).toBe("Geändert: Abendgespräch – Jahrestreffen 2017");
    expect(toEn!.subject).toBe("Changed: Evening talk – Annual meeting 2017");
    expect(toZh!.subject).toBe("2017年年会：“晚间座谈”有变更");

    expect(toDe!.text).toContain(
      [
        "• Bisherige Zeit",
        "  Montag, 24. April 2017, 20:00–21:00 Uhr (Ortszeit, UTC+2)",
        "  Dienstag, 25. April 2017, 02:00–03:00 Uhr Pekinger Zeit (UTC+8)",
        "",
        "• Neue Zeit",
        "  Montag, 24. April 2017, 20:15–21:15 Uhr (Ortszeit, UTC+2)",
        "  Dienstag, 25. April 2017, 02:15–03:15 Uhr Pekinger Zeit (UTC+8)",
        "",
        "Ihr Platz ist reserviert.",
      ].join("\n"),
    );
    expect(toEn!.text).toContain(
      "• Previous time\n  Monday, April 24, 2017, 20:00–21:00 (local time, UTC+2)",
    );
    expect(toZh!.text).toContain("候补名单：您排在第1位。");
    for (const mail of [toDe!, toEn!, toZh!]) {
      expect(mail.text).not.toMatch(/Europe\/Berlin|Asia\/Shanghai/);
      expect(mail.html).not.toMatch(/Europe\/Berlin|Asia\/Shanghai/);
    }
    expect(linkToken(toDe!, "de")).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const event = calendarOf(toDe!);
    expect(event).toMatchObject({ uid: await uidOf(id), sequence: 1, status: "CONFIRMED" });
    expect(event.start.toISOString()).toBe("2017-04-24T18:15:00.000Z");
    expect(event.end.toISOString()).toBe("2017-04-24T19:15:00.000Z");
    expect(calendarOf(toZh!)).toMatchObject({ uid: await uidOf(id), sequence: 1, status: "TENTATIVE" });

    // Sent once: later runs find nothing more.
    expect(await deliverDue(afterQuietTime())).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(notices()).toHaveLength(3);

    // The desk's history of the registration shows the notice.
    const registration = await db.registration.findUniqueOrThrow({ where: { id: de.id } });
    const history = await registrationHistory(de.id, registration.createdAt.toISOString(), null);
    expect(history.filter((entry) => entry.type === "email")).toEqual([
      expect.objectContaining({
        kind: SESSION_NOTICE_KIND,
        subject: "Geändert: Abendgespräch – Jahrestreffen 2017",
        status: "sent",
      }),
    ]);
    sink.messages.length = 0;
  });

  it("changed twice within the quiet time: one email per delegate, from the first old to the latest new time and room", async () => {
    const { id, de } = await bookedSession();
    await updateSession(organizer, SLUG, id, input({ startTime: "20:15", endTime: "21:15" }));
    const second = await updateSession(
      organizer,
      SLUG,
      id,
      input({ startTime: "20:30", endTime: "21:30", roomId: hall2 }),
    );
    expect(second.notices.told).toBe(3);
    expect(await queuedNotices(id)).toHaveLength(3);
    expect(await deliverDue(afterQuietTime())).toEqual({ sent: 3, retried: 0, failed: 0 });
    const [mail] = noticesTo(de);
    expect(noticesTo(de)).toHaveLength(1);
    expect(mail!.text).toContain("  Montag, 24. April 2017, 20:00–21:00 Uhr (Ortszeit, UTC+2)");
    expect(mail!.text).toContain("  Montag, 24. April 2017, 20:30–21:30 Uhr (Ortszeit, UTC+2)");
    expect(mail!.text).not.toContain("20:15");
    expect(mail!.text).toContain("Bisheriger Ort: noch kein Raum\nNeuer Ort: Saal 2");
    expect(calendarOf(mail!)).toMatchObject({ uid: await uidOf(id), sequence: 2, location: "Saal 2" });
    sink.messages.length = 0;
  });

  it("changed and changed back within the quiet time: nothing is sent", async () => {
    const { id } = await bookedSession();
    await updateSession(organizer, SLUG, id, input({ startTime: "20:15", endTime: "21:15" }));
    expect(await queuedNotices(id)).toHaveLength(3);
    const back = await updateSession(organizer, SLUG, id, input());
    expect(back.notices.told).toBe(0);
    expect(await queuedNotices(id)).toEqual([]);
    expect(await deliverDue(afterQuietTime())).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(notices()).toHaveLength(0);
  });

  it("is not told to a delegate who cancelled within the quiet time", async () => {
    const { cancelRegistrationAtDesk } = await import("@/app/_server/desk/desk-mutations");
    const { id, de, en } = await bookedSession();
    await updateSession(organizer, SLUG, id, input({ startTime: "20:15", endTime: "21:15" }));
    await cancelRegistrationAtDesk(organizer, meetingId, en.id);
    // Besides the notices, the cancellation and the waiting list's move up have their own emails.
    await deliverDue(afterQuietTime());
    expect(noticesTo(en)).toEqual([]);
    expect(noticesTo(de)).toHaveLength(1);
    expect(notices()).toHaveLength(2);
    sink.messages.length = 0;
  });

  it("saved twice (the same form sent again): one email per delegate", async () => {
    const { id, de } = await bookedSession();
    const moved = input({ startTime: "20:15", endTime: "21:15" });
    await updateSession(organizer, SLUG, id, moved);
    const again = await updateSession(organizer, SLUG, id, moved);
    expect(again.sequence).toBe(1);
    expect(await queuedNotices(id)).toHaveLength(3);
    expect(await deliverDue(afterQuietTime())).toEqual({ sent: 3, retried: 0, failed: 0 });
    expect(noticesTo(de)).toHaveLength(1);
    sink.messages.length = 0;
  });
});

describe("not telling the delegates", () => {
  it("needs a reason, which the audit log keeps; then nothing is sent", async () => {
    const { id } = await bookedSession();
    const withheld = input({ startTime: "20:15", endTime: "21:15", withholdNotice: true });
    const refused = await refusal(updateSession(organizer, SLUG, id, withheld));
    expect([refused.code, refused.details.fields]).toEqual([
      "invalid",
      { noticeReason: { key: "noticeReasonRequired" } },
    ]);
    // Refused as a whole: the session did not move.
    expect((await db.session.findUniqueOrThrow({ where: { id } })).startsAt.toISOString()).toBe(
      "2017-04-24T18:00:00.000Z",
    );
    const saved = await updateSession(organizer, SLUG, id, {
      ...withheld,
      noticeReason: "Typo fixed on the printed program too",
    });
    expect(saved.notices).toEqual({ told: 0, withheld: 3 });
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { entity: "Session", entityId: id, action: "session.noticeWithheld" },
    });
    expect(audit).toMatchObject({
      actorEmail: organizer.email,
      reason: "Typo fixed on the printed program too",
      after: expect.objectContaining({ delegatesNotTold: 3, startsAt: "2017-04-24T18:15:00.000Z" }),
    });
    expect(await queuedNotices(id)).toEqual([]);
    expect(await deliverDue(afterQuietTime())).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(notices()).toHaveLength(0);
  });
});

describe("a cancelled session", () => {
  it("is told as cancelled, its event CANCELLED with a higher SEQUENCE; cancelled and restored within the quiet time, nothing", async () => {
    const { id, de } = await bookedSession();
    const change = await cancelSession(organizer, SLUG, id);
    expect(change.notices.told).toBe(3);
    expect(await deliverDue(afterQuietTime())).toEqual({ sent: 3, retried: 0, failed: 0 });
    const [mail] = noticesTo(de);
    expect(mail!.subject).toBe("Abgesagt: Abendgespräch – Jahrestreffen 2017");
    expect(mail!.text).toContain("„Abendgespräch“ wurde abgesagt.");
    expect(calendarOf(mail!)).toMatchObject({ uid: await uidOf(id), sequence: 1, status: "CANCELLED" });
    sink.messages.length = 0;

    const other = await bookedSession();
    await cancelSession(organizer, SLUG, other.id);
    expect((await publishSession(organizer, SLUG, other.id)).notices.told).toBe(0);
    expect(await queuedNotices(other.id)).toEqual([]);
  });
});

describe("a mail server that refuses", () => {
  it("leaves the refused notice in the outbox to be tried again, and sends it once when accepted", async () => {
    const { id, de, en } = await bookedSession();
    await updateSession(organizer, SLUG, id, input({ startTime: "20:15", endTime: "21:15" }));
    sink.refused.add(de.email);
    const first = afterQuietTime();
    expect(await deliverDue(first)).toEqual({ sent: 2, retried: 1, failed: 0 });
    const [waiting] = await db.outboxEmail.findMany({
      where: { registrationId: de.id, kind: SESSION_NOTICE_KIND },
    });
    expect(waiting).toMatchObject({ status: "queued", attempts: 1, lastError: expect.stringMatching(/550/) });
    expect(noticesTo(de)).toEqual([]);
    expect(noticesTo(en)).toHaveLength(1);

    sink.refused.delete(de.email);
    expect(await deliverDue(new Date(first.getTime() + retryDelayMs(1)))).toEqual({
      sent: 1,
      retried: 0,
      failed: 0,
    });
    expect(noticesTo(de)).toHaveLength(1);
    expect(noticesTo(en)).toHaveLength(1);
    sink.messages.length = 0;
  });
});

describe("a notice queued before an upgrade", () => {
  it("leaves with today's code: composed from the stored draft, with a working manage link and its event", async () => {
    const { registrationIdForToken } = await import("@/app/_server/registration/tokens");
    const fixture = path.join(
      import.meta.dirname,
      "../registration/emails/session-notice/fixtures/session-notice-v1.json",
    );
    const row = (JSON.parse(readFileSync(fixture, "utf8")) as Record<string, StoredRow>)[
      SESSION_NOTICE_KIND
    ]!;
    const { de } = await bookedSession();
    const { id } = await db.outboxEmail.create({
      data: {
        registrationId: de.id,
        kind: row.kind,
        toAddress: de.email,
        subject: row.subject,
        draft: row.draft as object,
        withManageLink: row.withManageLink,
        nextAttemptAt: new Date(),
        createdAt: new Date(),
      },
    });
    expect(await deliverDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    const [mail] = noticesTo(de);
    expect(mail!.subject).toBe("Geändert: Workshop: Smarte Fertigung im Mittelstand – Jahrestreffen 2017");
    expect(await registrationIdForToken(db, linkToken(mail!, "de"), "manage")).toBe(de.id);
    expect(calendarOf(mail!)).toMatchObject({ sequence: 1, location: "Saal 2" });
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "sent",
      draft: null,
    });
    sink.messages.length = 0;
  });
});
