import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/app/_server/db";
import { seedDemo } from "@/prisma/seed";
import { createActor } from "@/test/integration/actors";
import { delegate, demoMeetingId, limitedSession } from "@/test/integration/factories";
import { rateLimitKey } from "@/app/_server/rate-limit";
import { limitLostLinkRequests, LOST_LINK_EMAIL_SCOPE, sendManageLinks } from "../self-service/lost-link";
import {
  cancelRegistration,
  changeSessions,
  deleteRegistration,
  updateDetails,
} from "../self-service/manage";
import { exportPersonalData, getManagedRegistration } from "../self-service/queries";
import { listBookableSessions, listCityOptions } from "./queries";
import { manageTokenOf, register } from "./register";
import { setCityQuota } from "../desk/quotas";
import { approveRegistration, rejectRegistration } from "../desk/review";
import { hashToken } from "../security/tokens";
import { refusal } from "@/test/integration/refusal";

let meetingId: string;
let cologneId: string;

beforeAll(async () => {
  await seedDemo(db);
  meetingId = await demoMeetingId();
  cologneId = (await db.city.findUniqueOrThrow({ where: { slug: "cologne" } })).id;
});

describe("registering", () => {
  it("confirms at once, stores only the token's hash, and queues the confirmation in the delegate's language", async () => {
    const sessionId = await limitedSession(30, 0);
    const before = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    const answer = await register(
      "2017",
      delegate({ cityId: cologneId, cityOther: null, sessionIds: [sessionId], language: "de" }),
      { locale: "de" },
    );
    // A booking changes the seat count, not the session's calendar event (its updatedAt dates the event).
    const after = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect([after.seatsTaken, after.updatedAt]).toEqual([1, before.updatedAt]);
    expect(answer).toMatchObject({ status: "confirmed", sessions: [{ sessionId, status: "confirmed" }] });
    expect(answer.manageUrl).toMatch(/^http:\/\/localhost:3000\/de\/manage\/[A-Za-z0-9_-]{43}$/);

    const token = manageTokenOf(answer);
    const tokens = await db.accessToken.findMany({ where: { registrationId: answer.id } });
    expect(tokens.map((row) => row.hash)).toEqual([hashToken(token)]);
    const stored = JSON.stringify(await db.registration.findUniqueOrThrow({ where: { id: answer.id } }));
    expect(stored).not.toContain(token);

    // The email gets its own link when it is sent; no token is stored anywhere in the clear.
    const [email] = await db.outboxEmail.findMany({ where: { registrationId: answer.id } });
    expect(email).toMatchObject({ kind: "registration.confirmed", status: "queued", withManageLink: true });
    expect(JSON.stringify(email)).not.toContain(token);

    const view = await getManagedRegistration(token);
    expect(view).toMatchObject({
      id: answer.id,
      status: "confirmed",
      city: { slug: "cologne" },
      sessions: [{ sessionId, status: "confirmed", position: null }],
    });
  });

  it("refuses a second registration of the same address, but allows one after a cancellation", async () => {
    const input = delegate();
    const first = await register("2017", input, { locale: "en" });
    const error = await refusal(register("2017", { ...input, givenName: "Lei" }, { locale: "en" }));
    expect(error.code).toBe("already_registered");
    await cancelRegistration(manageTokenOf(first));
    const again = await register("2017", input, { locale: "en" });
    expect(again.id).not.toBe(first.id);
  });

  it("refuses unknown and overlapping sessions and names them", async () => {
    const agenda = await listBookableSessions("2017");
    const smart = agenda.find((session) => session.title.en?.includes("smart manufacturing"))!;
    const invest = agenda.find((session) => session.title.en?.includes("investment"))!;
    const overlap = await refusal(
      register("2017", delegate({ sessionIds: [smart.id, invest.id] }), { locale: "en" }),
    );
    expect(overlap.details.fields).toEqual({
      sessionIds: { key: "sessionsOverlap", values: { first: smart.title.en, second: invest.title.en } },
    });
    const opening = await db.session.findFirstOrThrow({ where: { meetingId, slug: "eroeffnung" } });
    const unknown = await refusal(
      register("2017", delegate({ sessionIds: [smart.id, "nope", opening.id] }), { locale: "en" }),
    );
    expect(unknown.details.fields).toEqual({
      "sessionIds.1": { key: "unknownSession" },
      "sessionIds.2": { key: "unknownSession" },
    });
  });

  it("keeps a city's delegation within its quota and says so", async () => {
    const aachen = await db.city.findUniqueOrThrow({ where: { slug: "aachen" } });
    const organizer = await createActor("organizer");
    await setCityQuota(organizer, meetingId, aachen.id, 2);
    const from = () => delegate({ cityId: aachen.id, cityOther: null });
    await register("2017", from(), { locale: "de" });
    await register("2017", from(), { locale: "de" });
    expect((await listCityOptions(meetingId)).find((city) => city.id === aachen.id)).toMatchObject({
      quota: 2,
      full: true,
    });
    const error = await refusal(register("2017", from(), { locale: "de" }));
    expect(error.details.fields).toEqual({
      cityId: { key: "cityQuotaFull", values: { city: "Aachen", quota: 2 } },
    });
    expect((await refusal(setCityQuota(organizer, meetingId, aachen.id, -1))).code).toBe("invalid");
    await setCityQuota(organizer, meetingId, aachen.id, 3);
    await register("2017", from(), { locale: "de" });
    await setCityQuota(organizer, meetingId, aachen.id, null);
    expect((await listCityOptions(meetingId)).find((city) => city.id === aachen.id)).toMatchObject({
      quota: null,
      full: false,
    });
  });

  it("refuses outside the registration window", async () => {
    const { registrationClosesAt: set } = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    await db.meeting.update({
      where: { id: meetingId },
      data: { registrationClosesAt: new Date("2017-04-20T22:00:00Z") },
    });
    try {
      expect((await refusal(register("2017", delegate(), { locale: "de" }))).code).toBe(
        "registration_closed",
      );
      const before = await register("2017", delegate(), {
        locale: "de",
        now: new Date("2017-04-20T21:59:00Z"),
      });
      expect(before.status).toBe("confirmed");
    } finally {
      await db.meeting.update({ where: { id: meetingId }, data: { registrationClosesAt: set } });
    }
  });

  it("answers a retried key with the first answer, and refuses the key with another request", async () => {
    const input = delegate();
    const first = await register("2017", input, { locale: "de", idempotencyKey: "retry-1" });
    expect(await register("2017", input, { locale: "de", idempotencyKey: "retry-1" })).toEqual(first);
    const other = await refusal(
      register("2017", { ...input, familyName: "Li" }, { locale: "de", idempotencyKey: "retry-1" }),
    );
    expect(other.code).toBe("idempotency_conflict");
    const stored = await db.idempotencyKey.findFirstOrThrow({ where: { registrationId: first.id } });
    expect(Buffer.from(stored.response).toString("latin1")).not.toContain(manageTokenOf(first));
  });
});

describe("approval", () => {
  it("holds seats while pending; approving confirms, rejecting frees the seat for the next in line", async () => {
    await db.meeting.update({ where: { id: meetingId }, data: { requiresApproval: true } });
    try {
      const sessionId = await limitedSession(1, 1);
      const pending = await register("2017", delegate({ sessionIds: [sessionId] }), { locale: "de" });
      const next = await register("2017", delegate({ sessionIds: [sessionId] }), { locale: "de" });
      expect(pending).toMatchObject({ status: "pending", sessions: [{ status: "confirmed" }] });
      expect(next.sessions[0]).toMatchObject({ status: "waitlisted", position: 1 });
      expect((await db.outboxEmail.findFirstOrThrow({ where: { registrationId: pending.id } })).kind).toBe(
        "registration.received",
      );

      await approveRegistration(next.id);
      expect((await getManagedRegistration(manageTokenOf(next))).status).toBe("confirmed");
      await rejectRegistration(pending.id);
      const rejected = await getManagedRegistration(manageTokenOf(pending));
      expect(rejected).toMatchObject({ status: "rejected", sessions: [] });
      expect((await getManagedRegistration(manageTokenOf(next))).sessions[0]).toMatchObject({
        status: "confirmed",
      });
      expect((await refusal(approveRegistration(pending.id))).code).toBe("not_editable");
      const kinds = await db.outboxEmail.findMany({
        where: { registrationId: { in: [pending.id, next.id] } },
        orderBy: { createdAt: "asc" },
      });
      // Emails of one transaction share its timestamp: compare them as a set.
      expect(
        kinds
          .map(
            (email) =>
              `${email.registrationId === pending.id ? "first" : "next"}:${email.kind.replace("registration.", "")}`,
          )
          .sort(),
      ).toEqual(["first:received", "first:rejected", "next:approved", "next:promoted", "next:received"]);
    } finally {
      await db.meeting.update({ where: { id: meetingId }, data: { requiresApproval: false } });
    }
  });
});

describe("the manage link", () => {
  it("edits details, changes sessions with promotion, cancels, and refuses changes afterwards", async () => {
    const [morning, afternoon] = [await limitedSession(1, 2), await limitedSession(5, 3)];
    const holder = await register("2017", delegate({ sessionIds: [morning] }), { locale: "de" });
    const waiting = await register("2017", delegate({ sessionIds: [morning] }), { locale: "de" });
    const token = manageTokenOf(holder);

    const details = {
      ...delegate(),
      email: "renamed@example.org",
      givenName: "Lei",
      cityId: cologneId,
      cityOther: null,
    };
    const { sessionIds: _s, privacyConsent: _p, ...editable } = details;
    await updateDetails(token, editable, "de");
    expect(await getManagedRegistration(token)).toMatchObject({
      givenName: "Lei",
      email: "renamed@example.org",
      city: { slug: "cologne" },
    });

    // The morning is full and someone waits: giving up its seat is asked first, and nothing changes.
    const seatsOf = async (manageToken: string) =>
      (await getManagedRegistration(manageToken)).sessions.map((seat) => seat.sessionId);
    expect(await changeSessions(token, [afternoon], "de")).toEqual([
      { sessionId: morning, title: expect.objectContaining({ de: expect.any(String) }), othersWaiting: true },
    ]);
    expect(await seatsOf(token)).toEqual([morning]);
    // "Keep my seat": the rest of the choice is saved, the seat stays.
    expect(await changeSessions(token, [afternoon], "de", { giveUp: "keep" })).toEqual([]);
    expect((await seatsOf(token)).sort()).toEqual([morning, afternoon].sort());
    expect(await changeSessions(token, [afternoon], "de", { giveUp: "confirmed" })).toEqual([]);
    expect(await seatsOf(token)).toEqual([afternoon]);
    expect((await getManagedRegistration(manageTokenOf(waiting))).sessions).toMatchObject([
      { sessionId: morning, status: "confirmed" },
    ]);

    await cancelRegistration(token);
    const cancelled = await getManagedRegistration(token);
    expect(cancelled).toMatchObject({ status: "cancelled", sessions: [] });
    expect((await db.session.findUniqueOrThrow({ where: { id: afternoon } })).seatsTaken).toBe(0);
    expect((await refusal(changeSessions(token, [afternoon], "de"))).code).toBe("not_editable");
    expect((await refusal(cancelRegistration(token))).code).toBe("not_editable");
  });

  it("exports everything stored and deletes it all", async () => {
    const sessionId = await limitedSession(3, 4);
    const answer = await register(
      "2017",
      delegate({ sessionIds: [sessionId], dietaryNeeds: "vegetarisch" }),
      { locale: "de" },
    );
    const token = manageTokenOf(answer);
    const data = await exportPersonalData(token);
    expect(data.registration).toMatchObject({
      id: answer.id,
      dietaryNeeds: "vegetarisch",
      sessions: [{ sessionId }],
    });
    expect(data.emails).toMatchObject([{ kind: "registration.confirmed" }]);
    expect(JSON.stringify(data)).not.toContain(token);

    const email = (await db.registration.findUniqueOrThrow({ where: { id: answer.id } })).email;
    await limitLostLinkRequests(email, "198.51.100.50");
    const counter = await rateLimitKey(LOST_LINK_EMAIL_SCOPE, email);
    expect(await db.rateLimit.count({ where: { key: counter } })).toBe(1);

    await deleteRegistration(token);
    expect(await db.rateLimit.count({ where: { key: counter } })).toBe(0);
    expect((await refusal(getManagedRegistration(token))).code).toBe("not_found");
    for (const count of await Promise.all([
      db.registration.count({ where: { id: answer.id } }),
      db.sessionSeat.count({ where: { registrationId: answer.id } }),
      db.accessToken.count({ where: { registrationId: answer.id } }),
      db.outboxEmail.count({ where: { registrationId: answer.id } }),
      db.idempotencyKey.count({ where: { registrationId: answer.id } }),
    ])) {
      expect(count).toBe(0);
    }
    expect((await db.session.findUniqueOrThrow({ where: { id: sessionId } })).seatsTaken).toBe(0);
  });

  it("a lost link is queued for known addresses only; the limit holds per address, whichever client asks", async () => {
    const answer = await register("2017", delegate(), { locale: "de" });
    const email = (await db.registration.findUniqueOrThrow({ where: { id: answer.id } })).email;
    await sendManageLinks(email.toUpperCase());
    expect(
      await db.outboxEmail.findMany({ where: { registrationId: answer.id, kind: "registration.link" } }),
    ).toMatchObject([{ withManageLink: true }]);

    const before = await db.outboxEmail.count();
    await sendManageLinks("nobody@example.org");
    expect(await db.outboxEmail.count()).toBe(before);

    // Default limit: 5 per hour per address.
    for (let attempt = 1; attempt <= 5; attempt++)
      await limitLostLinkRequests(email, `198.51.100.${attempt}`);
    const limited = await refusal(limitLostLinkRequests(email.toUpperCase(), "198.51.100.99"));
    expect(limited.code).toBe("rate_limited");
    expect(limited.details.retryAfterSeconds).toBeGreaterThan(3500);
    // An unknown address is counted the same way: the limit tells nothing about who is registered.
    for (let attempt = 1; attempt <= 5; attempt++)
      await limitLostLinkRequests("nobody@example.org", `198.51.100.${attempt + 20}`);
    expect((await refusal(limitLostLinkRequests("nobody@example.org", "198.51.100.98"))).code).toBe(
      "rate_limited",
    );
  });
});
