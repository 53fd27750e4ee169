import { beforeAll, describe, expect, it } from "vitest";
import { personalFeed } from "@/app/_server/self-service/personal-feed";
import { db } from "@/app/_server/db";
import { seedDemo } from "@/prisma/seed";
import { outcome } from "@/test/integration/actors";
import { delegate, limitedSession, seatInvariantViolations, seatReport } from "@/test/integration/factories";
import { rotateCalendarToken } from "./calendar-link";
import { deleteRegistration } from "./manage";
import { exportPersonalData, getManagedRegistration } from "./queries";
import { manageTokenOf, register } from "../registration/register";

/** The delegate's own rights on the manage page: the export holds their data and nobody else's; deletion leaves nothing. */

beforeAll(async () => {
  await seedDemo(db);
});

describe("a delegate's own data", () => {
  it("the export holds exactly the delegate's data and nothing of another delegate", async () => {
    const sessionId = await limitedSession(5, 6);
    const mine = await register(
      "2017",
      delegate({
        givenName: "Anna",
        familyName: "Eigen",
        nativeName: null,
        nameOrder: "given_first",
        phone: "+49 221 111",
        sessionIds: [sessionId],
        language: "de",
      }),
      { locale: "de" },
    );
    const other = await register(
      "2017",
      delegate({
        givenName: "Bernd",
        familyName: "Fremd",
        nativeName: "白德",
        phone: "+86 20 222",
        sessionIds: [sessionId],
      }),
      { locale: "zh" },
    );
    const token = manageTokenOf(mine);
    await rotateCalendarToken(token);
    const stored = await db.registration.findUniqueOrThrow({ where: { id: mine.id } });
    const otherStored = await db.registration.findUniqueOrThrow({ where: { id: other.id } });

    const data = await exportPersonalData(token);
    expect(Object.keys(data).sort()).toEqual([
      "activeLinks",
      "emails",
      "exportedAt",
      "registration",
      "visaLetter",
    ]);
    // No letter asked for: nothing about one (the visa-data tests cover a delegate's own passport details).
    expect(data.visaLetter).toBeNull();
    expect(data.registration).toMatchObject({
      id: mine.id,
      givenName: "Anna",
      familyName: "Eigen",
      email: stored.email,
      phone: "+49 221 111",
      status: "confirmed",
      sessions: [{ sessionId, status: "confirmed" }],
    });
    expect(data.emails).toEqual([
      {
        kind: "registration.confirmed",
        toAddress: stored.email,
        subject: expect.any(String),
        status: "queued",
        createdAt: expect.any(Date),
        sentAt: null,
      },
    ]);
    expect(data.activeLinks).toEqual({ manage: 1, calendar: 1 });
    const text = JSON.stringify(data);
    for (const foreign of [other.id, otherStored.email, "Bernd", "Fremd", "白德", "+86 20 222"])
      expect(text).not.toContain(foreign);
  });

  it("deleting frees the seat for the first on the waiting list, removes everything and ends both links", async () => {
    const sessionId = await limitedSession(1, 7);
    const leaving = await register("2017", delegate({ sessionIds: [sessionId] }), { locale: "en" });
    const waiting = await register("2017", delegate({ sessionIds: [sessionId] }), { locale: "en" });
    const last = await register("2017", delegate({ sessionIds: [sessionId] }), { locale: "en" });
    const token = manageTokenOf(leaving);
    const calendarToken = await rotateCalendarToken(token);
    expect(await personalFeed(calendarToken, null)).not.toBeNull();
    const email = (await db.registration.findUniqueOrThrow({ where: { id: leaving.id } })).email;
    // An organizer's earlier edit at the desk, as the audit log records it.
    const edit = await db.auditEntry.create({
      data: {
        actorEmail: "organizer@example.org",
        action: "registration.update",
        entity: "Registration",
        entityId: leaving.id,
        at: new Date(),
        before: { email, phone: "+49 30 123", status: "confirmed" },
        after: { email: `new-${email}`, phone: "+49 30 456", status: "confirmed" },
      },
    });

    await deleteRegistration(token);

    const seats = await seatReport(sessionId);
    expect(seatInvariantViolations(seats, 2)).toEqual([]);
    expect(seats.confirmed.map((seat) => seat.registrationId)).toEqual([waiting.id]);
    expect(seats.waitlisted.map((seat) => seat.registrationId)).toEqual([last.id]);
    expect(
      await db.outboxEmail.count({ where: { registrationId: waiting.id, kind: "registration.promoted" } }),
    ).toBe(1);

    expect(await db.registration.count({ where: { id: leaving.id } })).toBe(0);
    expect(await db.registration.count({ where: { email } })).toBe(0);
    expect(await db.outboxEmail.count({ where: { toAddress: email } })).toBe(0);
    expect(await db.accessToken.count({ where: { registrationId: leaving.id } })).toBe(0);
    expect(await outcome(getManagedRegistration(token))).toBe("not_found");
    expect(await outcome(exportPersonalData(token))).toBe("not_found");
    expect(await personalFeed(calendarToken, null)).toBeNull();
    // The log keeps that the registration was edited, not whose it was.
    const scrubbed = await db.auditEntry.findUniqueOrThrow({ where: { id: edit.id } });
    expect([scrubbed.before, scrubbed.after]).toEqual([
      { email: null, phone: null, status: "confirmed" },
      { email: null, phone: null, status: "confirmed" },
    ]);
    // A second deletion with the same link finds nothing.
    expect(await outcome(deleteRegistration(token))).toBe("not_found");
  });
});
