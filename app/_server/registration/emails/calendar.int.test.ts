import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseWithIcalJs, parseWithNodeIcal } from "@/test/ical";
import { sinkForTheApp } from "@/test/smtp-sink";

/** The calendar attached to registration emails when a delegate gives sessions up. */
const sink = await sinkForTheApp({ MAIL_MAX_ATTEMPTS: "3", PUBLIC_URL: "https://meeting.example" });

const { db } = await import("@/app/_server/db");
const { queueRegistrationEmail } = await import("./queue");
const { registrationIdForToken } = await import("@/app/_server/registration/tokens");
const { deliverOutbox } = await import("@/app/_server/mail/delivery");
const { onTheDemoMeeting, linkToken, only } = await import("@/test/integration/registration-emails");

const { demo, register } = onTheDemoMeeting(sink);

describe("calendars of registration emails", () => {
  it("cancels the sessions a delegate gave up in the calendar of the change and of the cancellation", async () => {
    const room = await db.room.findFirstOrThrow({ where: { meetingId: demo.meetingId } });
    // 10:00–11:00 in Hannover on 25 April 2017, 08:00Z; SEQUENCE 4 after earlier changes.
    const given = await db.session.create({
      data: {
        meetingId: demo.meetingId,
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
      [demo.workshopId, given.id],
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
    // The whole program: the sessions open to everyone too (the conformance test counts them), and the
    // delegate's own, here the workshop and the session given up.
    const own = (uid: string) => uid.startsWith(demo.workshopId) || uid.startsWith(given.id);
    expect(
      parseWithIcalJs(changedIcs)
        .events.filter((event) => own(event.uid))
        .map((event) => [event.uid, event.sequence, event.status]),
    ).toEqual([
      [`${demo.workshopId}@meeting.example`, 0, "CONFIRMED"],
      [`${given.id}@meeting.example`, 5, "CANCELLED"],
    ]);
    const cancelledEvent = parseWithIcalJs(changedIcs).events.find((event) =>
      event.uid.startsWith(given.id),
    )!;
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
      parseWithNodeIcal(changedIcs)
        .filter((event) => own(event.uid))
        .map((event) => [event.uid, event.sequence, event.status, event.start.toISOString()]),
    ).toEqual([
      [`${demo.workshopId}@meeting.example`, 0, "CONFIRMED", "2017-04-24T11:30:00.000Z"],
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
});
