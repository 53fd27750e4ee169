import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/app/_server/authz";
import { db } from "@/app/_server/db";
import { AppError } from "@/app/_server/errors";
import { readyEmail } from "@/app/_server/mail/outbox";
import { describeFieldErrors } from "@/app/_lib/registration/errors";
import { seedDemo } from "@/prisma/seed";
import { createRoleActors, outcome } from "@/test/integration/actors";
import {
  delegate,
  demoMeetingId,
  limitedSession,
  seatInvariantViolations,
  seatReport,
} from "@/test/integration/factories";
import {
  cancelRegistrationAtDesk,
  changeRegistrationSessions,
  editRegistration,
  moveUpFromWaitlist,
  removeFromWaitlist,
  resendConfirmation,
} from "./desk-mutations";
import { register } from "../registration/register";
import { reviewRegistration } from "./review";

let meetingId: string;
let organizer: Actor;
let admin: Actor;
let checkin: Actor;

beforeAll(async () => {
  await seedDemo(db);
  meetingId = await demoMeetingId();
  ({ organizer, admin, checkin } = await createRoleActors());
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const status = async (id: string) => (await db.registration.findUniqueOrThrow({ where: { id } })).status;
/** The registration's emails, composed as they leave. */
const emails = async (registrationId: string) =>
  Promise.all(
    (
      await db.outboxEmail.findMany({
        where: { registrationId },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      })
    ).map(readyEmail),
  );
/** The details part of a registration input: what the edit form sends. */
function detailsOf(overrides: Parameters<typeof delegate>[0] = {}) {
  const { sessionIds: _sessions, privacyConsent: _consent, ...details } = delegate(overrides);
  return details;
}
const audits = (entityId: string) =>
  db.auditEntry.findMany({ where: { entityId }, orderBy: [{ at: "asc" }, { id: "asc" }] });

/** What a registration is, to prove that a refused operation left it alone. */
async function snapshotOf(id: string) {
  const registration = await db.registration.findUniqueOrThrow({ where: { id } });
  const seats = await db.sessionSeat.findMany({
    where: { registrationId: id },
    orderBy: { sessionId: "asc" },
  });
  return {
    registration,
    seats,
    audits: await audits(id),
    emails: (await emails(id)).map((email) => email.id),
  };
}

/** Every operation refuses the anonymous visitor and the check-in staff, before it touches anything. */
describe("role checks", () => {
  it("anonymous → unauthenticated, checkin → forbidden, nothing changed", async () => {
    const sessionId = await limitedSession(1, 2);
    const { id } = await register("2017", delegate({ sessionIds: [sessionId] }), { locale: "de" });
    const details = detailsOf();
    const operations = (actor: Actor | null) => [
      reviewRegistration(actor, meetingId, id, "approved", null),
      editRegistration(actor, meetingId, id, details, "de"),
      changeRegistrationSessions(actor, meetingId, id, [], "de"),
      cancelRegistrationAtDesk(actor, meetingId, id),
      moveUpFromWaitlist(actor, meetingId, id, sessionId, { addSeat: true }),
      removeFromWaitlist(actor, meetingId, id, sessionId),
      resendConfirmation(actor, meetingId, id),
    ];
    for (const result of await Promise.all(operations(null).map(outcome)))
      expect(result).toBe("unauthenticated");
    for (const result of await Promise.all(operations(checkin).map(outcome)))
      expect(result).toBe("forbidden");
    expect(await status(id)).toBe("confirmed");
    expect(await audits(id)).toEqual([]);
    expect((await emails(id)).map((email) => email.kind)).toEqual(["registration.confirmed"]);
  });
});

describe("approval and rejection", () => {
  it("approves a pending registration with the organizer's message in the email, and rejects another", async () => {
    await db.meeting.update({ where: { id: meetingId }, data: { requiresApproval: true } });
    try {
      const sessionId = await limitedSession(1, 3);
      const first = await register("2017", delegate({ sessionIds: [sessionId], language: "de" }), {
        locale: "de",
      });
      const second = await register("2017", delegate({ sessionIds: [sessionId], language: "en" }), {
        locale: "en",
      });
      expect([await status(first.id), await status(second.id)]).toEqual(["pending", "pending"]);

      await reviewRegistration(
        organizer,
        meetingId,
        first.id,
        "approved",
        "Bitte bringen Sie Ihren Pass mit.\n<b>Danke</b>",
      );
      expect(await status(first.id)).toBe("confirmed");
      const approved = (await emails(first.id)).at(-1)!;
      expect(approved.kind).toBe("registration.approved");
      expect(approved.text).toContain(
        "Nachricht der Organisatoren:\nBitte bringen Sie Ihren Pass mit.\n<b>Danke</b>",
      );
      // Typed text is escaped in the HTML, its line breaks kept.
      expect(approved.html).toContain("Bitte bringen Sie Ihren Pass mit.<br>&lt;b&gt;Danke&lt;/b&gt;");
      expect(
        (await audits(first.id)).map((entry) => [
          entry.action,
          entry.actorEmail,
          entry.meetingId,
          entry.before,
          (entry.after as { status: string }).status,
        ]),
      ).toEqual([["registration.approve", organizer.email, meetingId, { status: "pending" }, "confirmed"]]);

      await reviewRegistration(admin, meetingId, second.id, "rejected", "We are sorry.");
      expect(await status(second.id)).toBe("rejected");
      const rejected = (await emails(second.id)).at(-1)!;
      expect([
        rejected.kind,
        rejected.text.includes("A message from the organizers:\nWe are sorry."),
      ]).toEqual(["registration.rejected", true]);
      // Its waiting place is gone; the seat stays with the approved delegate.
      expect(await db.sessionSeat.count({ where: { registrationId: second.id } })).toBe(0);
      expect(seatInvariantViolations(await seatReport(sessionId), 1)).toEqual([]);

      // Only pending registrations are decided; without a message the email has none.
      expect((await refusal(reviewRegistration(organizer, meetingId, first.id, "rejected", null))).code).toBe(
        "not_editable",
      );
      const third = await register("2017", delegate(), { locale: "de" });
      await reviewRegistration(organizer, meetingId, third.id, "approved", null);
      expect((await emails(third.id)).at(-1)!.text).not.toContain("Organisatoren");
    } finally {
      await db.meeting.update({ where: { id: meetingId }, data: { requiresApproval: false } });
    }
  });
});

describe("details, sessions, cancellation", () => {
  it("edits the details with the manage page's checks and records before and after", async () => {
    const taken = delegate();
    await register("2017", taken, { locale: "de" });
    const { id } = await register("2017", delegate({ organization: "Alt" }), { locale: "de" });
    const details = detailsOf({
      organization: "Neu",
      nativeName: "李雷",
      givenName: "Lei",
      familyName: "Li",
    });
    await editRegistration(organizer, meetingId, id, details, "de");
    const stored = await db.registration.findUniqueOrThrow({ where: { id } });
    expect([stored.organization, stored.nativeName, stored.email, stored.activeEmail]).toEqual([
      "Neu",
      "李雷",
      details.email,
      details.email,
    ]);
    const [entry] = await audits(id);
    expect(entry).toMatchObject({
      action: "registration.update",
      entity: "Registration",
      meetingId,
      before: { organization: "Alt" },
      after: { organization: "Neu" },
    });

    const duplicate = await refusal(
      editRegistration(organizer, meetingId, id, { ...details, email: taken.email }, "de"),
    );
    expect([duplicate.code, duplicate.details.fields]).toEqual([
      "already_registered",
      { email: { key: "alreadyRegistered" } },
    ]);
    expect(await audits(id)).toHaveLength(1);
  });

  it("changes sessions after the registration window closed; a full session gives a waiting place", async () => {
    const full = await limitedSession(1, 4);
    const open = await limitedSession(5, 5);
    await register("2017", delegate({ sessionIds: [full] }), { locale: "de" });
    const { id } = await register("2017", delegate(), { locale: "de" });
    const { registrationClosesAt: set } = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    await db.meeting.update({
      where: { id: meetingId },
      data: { registrationClosesAt: new Date("2017-04-01T00:00:00Z") },
    });
    try {
      await changeRegistrationSessions(organizer, meetingId, id, [full, open], "de");
    } finally {
      await db.meeting.update({ where: { id: meetingId }, data: { registrationClosesAt: set } });
    }
    const seats = await db.sessionSeat.findMany({
      where: { registrationId: id },
      orderBy: { status: "asc" },
    });
    expect(seats.map((seat) => [seat.sessionId, seat.status])).toEqual([
      [open, "confirmed"],
      [full, "waitlisted"],
    ]);
    expect(seatInvariantViolations(await seatReport(full), 2)).toEqual([]);
    expect((await emails(id)).at(-1)!.kind).toBe("registration.changed");
    const [entry] = await audits(id);
    expect(entry).toMatchObject({
      action: "registration.sessions",
      before: { seats: [] },
      after: { added: [full, open].sort(), released: [] },
    });
    // No change, no entry.
    await changeRegistrationSessions(organizer, meetingId, id, [open, full], "de");
    expect(await audits(id)).toHaveLength(1);
  });

  it("cancels: the seat goes to the first in line, who is told", async () => {
    const sessionId = await limitedSession(1, 6);
    const holder = await register("2017", delegate({ sessionIds: [sessionId] }), { locale: "de" });
    const waiting = await register("2017", delegate({ sessionIds: [sessionId] }), { locale: "de" });
    await cancelRegistrationAtDesk(organizer, meetingId, holder.id);
    const stored = await db.registration.findUniqueOrThrow({ where: { id: holder.id } });
    expect([stored.status, stored.activeEmail, stored.cancelledAt !== null]).toEqual([
      "cancelled",
      null,
      true,
    ]);
    expect((await seatReport(sessionId)).confirmed.map((seat) => seat.registrationId)).toEqual([waiting.id]);
    expect((await emails(holder.id)).at(-1)!.kind).toBe("registration.cancelled");
    expect((await emails(waiting.id)).at(-1)!.kind).toBe("registration.promoted");
    expect((await audits(holder.id)).map((entry) => [entry.action, entry.before, entry.after])).toEqual([
      [
        "registration.cancel",
        { status: "confirmed" },
        { status: "cancelled", releasedSessionIds: [sessionId] },
      ],
    ]);
    expect((await refusal(cancelRegistrationAtDesk(organizer, meetingId, holder.id))).code).toBe(
      "not_editable",
    );
  });
});

describe("waiting lists and resending", () => {
  it("moves up only into a free seat unless the capacity is raised by one, then takes someone off the list", async () => {
    const sessionId = await limitedSession(1, 7);
    await register("2017", delegate({ sessionIds: [sessionId] }), { locale: "de" });
    const first = await register("2017", delegate({ sessionIds: [sessionId] }), { locale: "de" });
    const second = await register("2017", delegate({ sessionIds: [sessionId] }), { locale: "de" });

    const full = await refusal(
      moveUpFromWaitlist(organizer, meetingId, second.id, sessionId, { addSeat: false }),
    );
    expect([full.code, full.details.fields]).toEqual([
      "invalid",
      { addSeat: { key: "sessionFullMoveUp", values: { taken: 1, capacity: 1 } } },
    ]);

    // The organizer raises the capacity for the second in line, ahead of the first.
    await moveUpFromWaitlist(organizer, meetingId, second.id, sessionId, { addSeat: true });
    const report = await seatReport(sessionId);
    expect([report.capacity, report.seatsTaken, report.confirmed.length]).toEqual([2, 2, 2]);
    expect(report.waitlisted.map((seat) => seat.registrationId)).toEqual([first.id]);
    expect(seatInvariantViolations(report, 3)).toEqual([]);
    expect((await emails(second.id)).at(-1)!.kind).toBe("registration.promoted");
    expect((await audits(second.id)).map((entry) => [entry.action, entry.before, entry.after])).toEqual([
      [
        "registration.moveUp",
        { sessionId, seat: "waitlisted", seatsTaken: 1, capacity: 1 },
        { sessionId, seat: "confirmed", seatsTaken: 2, capacity: 2 },
      ],
    ]);
    expect(await audits(sessionId)).toMatchObject([
      { action: "session.capacity", entity: "Session", before: { capacity: 1 }, after: { capacity: 2 } },
    ]);

    // A confirmed seat is not on the waiting list.
    expect(
      (await refusal(moveUpFromWaitlist(organizer, meetingId, second.id, sessionId, { addSeat: true })))
        .details.fields,
    ).toEqual({ sessionId: { key: "notWaitlisted" } });

    // A seat that is free (the session was a draft while someone cancelled, so nobody moved up) is taken without raising the capacity.
    await db.session.update({ where: { id: sessionId }, data: { status: "draft" } });
    await cancelRegistrationAtDesk(organizer, meetingId, second.id);
    await db.session.update({ where: { id: sessionId }, data: { status: "published" } });
    await moveUpFromWaitlist(organizer, meetingId, first.id, sessionId, { addSeat: false });
    expect(await seatReport(sessionId)).toMatchObject({ capacity: 2, seatsTaken: 2, waitlisted: [] });

    const third = await register("2017", delegate({ sessionIds: [sessionId] }), { locale: "de" });
    await removeFromWaitlist(organizer, meetingId, third.id, sessionId);
    expect(await db.sessionSeat.count({ where: { registrationId: third.id } })).toBe(0);
    expect(seatInvariantViolations(await seatReport(sessionId), 2)).toEqual([]);
    expect((await emails(third.id)).at(-1)!.kind).toBe("registration.changed");
    expect((await audits(third.id)).map((entry) => entry.action)).toEqual([
      "registration.removeFromWaitlist",
    ]);
    expect(
      (await refusal(removeFromWaitlist(organizer, meetingId, third.id, sessionId))).details.fields,
    ).toEqual({ sessionId: { key: "notWaitlisted" } });
  });

  it("resends the email of the current state; refuses for cancelled registrations", async () => {
    const confirmed = await register("2017", delegate(), { locale: "de" });
    expect(await resendConfirmation(organizer, meetingId, confirmed.id)).toBe("confirmed");
    expect((await emails(confirmed.id)).map((email) => email.kind)).toEqual([
      "registration.confirmed",
      "registration.confirmed",
    ]);
    await db.registration.update({ where: { id: confirmed.id }, data: { status: "pending" } });
    expect(await resendConfirmation(organizer, meetingId, confirmed.id)).toBe("received");
    expect((await emails(confirmed.id)).at(-1)!.kind).toBe("registration.received");
    expect(
      (await audits(confirmed.id)).map((entry) => [entry.action, (entry.after as { kind: string }).kind]),
    ).toEqual([
      ["registration.resend", "confirmed"],
      ["registration.resend", "received"],
    ]);
    await cancelRegistrationAtDesk(organizer, meetingId, confirmed.id);
    expect((await refusal(resendConfirmation(organizer, meetingId, confirmed.id))).code).toBe("not_editable");
  });
});

describe("the desk's meeting", () => {
  it("finds no registration of another meeting through this meeting's desk, for every operation", async () => {
    const other = await db.meeting.create({
      data: {
        slug: `other-${randomUUID().slice(0, 8)}`,
        titleDe: "Anderes Treffen",
        titleEn: "Other meeting",
        titleZh: "另一会议",
        venueName: "Rathaus",
        venueCity: "Köln",
        venueCountry: "DE",
        timeZone: "Europe/Berlin",
        startsOn: new Date("2018-04-23T00:00:00Z"),
        endsOn: new Date("2018-04-23T00:00:00Z"),
      },
      select: { id: true },
    });
    const sessionId = await limitedSession(1, 9);
    await register("2017", delegate({ sessionIds: [sessionId] }), { locale: "de" });
    const { id } = await register("2017", delegate({ sessionIds: [sessionId] }), { locale: "de" });
    const before = await snapshotOf(id);
    const operations = [
      () => reviewRegistration(organizer, other.id, id, "approved", null),
      () => editRegistration(organizer, other.id, id, detailsOf(), "de"),
      () => changeRegistrationSessions(organizer, other.id, id, [], "de"),
      () => cancelRegistrationAtDesk(organizer, other.id, id),
      () => moveUpFromWaitlist(organizer, other.id, id, sessionId, { addSeat: true }),
      () => removeFromWaitlist(organizer, other.id, id, sessionId),
      () => resendConfirmation(organizer, other.id, id),
    ];
    for (const operation of operations)
      expect(await outcome(operation()), operation.toString()).toBe("not_found");
    expect(await snapshotOf(id)).toEqual(before);
    expect(before.seats.map((seat) => seat.status)).toEqual(["waitlisted"]);
  });
});

describe("moving up", () => {
  it("refuses a session that is a draft or cancelled, in the visitor's language", async () => {
    const sessionId = await limitedSession(1, 10);
    await register("2017", delegate({ sessionIds: [sessionId] }), { locale: "de" });
    const { id } = await register("2017", delegate({ sessionIds: [sessionId] }), { locale: "de" });
    const before = await snapshotOf(id);
    try {
      for (const status of ["draft", "cancelled"] as const) {
        await db.session.update({ where: { id: sessionId }, data: { status } });
        const refused = await refusal(
          moveUpFromWaitlist(organizer, meetingId, id, sessionId, { addSeat: true }),
        );
        expect([refused.code, refused.details.fields]).toEqual([
          "invalid",
          { sessionId: { key: "sessionNotPublishedMoveUp" } },
        ]);
        expect(describeFieldErrors(refused.details.fields!, "zh").sessionId).toBe(
          "该活动已取消或尚未发布，候补名单上的人员无法递补。",
        );
      }
    } finally {
      await db.session.update({ where: { id: sessionId }, data: { status: "published" } });
    }
    expect(await snapshotOf(id)).toEqual(before);
    expect(await seatReport(sessionId)).toMatchObject({ capacity: 1, seatsTaken: 1 });
  });

  it("dates the registration's change: the personal calendar's LAST-MODIFIED follows updatedAt", async () => {
    const sessionId = await limitedSession(1, 11);
    await register("2017", delegate({ sessionIds: [sessionId] }), { locale: "de" });
    const { id } = await register("2017", delegate({ sessionIds: [sessionId] }), { locale: "de" });
    const now = new Date("2017-04-20T08:30:00Z");
    await moveUpFromWaitlist(organizer, meetingId, id, sessionId, { addSeat: true }, now);
    expect((await db.registration.findUniqueOrThrow({ where: { id } })).updatedAt).toEqual(now);
  });
});
