/**
 * The seat invariant under concurrent requests (README "Registration"): against PostgreSQL these run truly in
 * parallel on a pool of connections; on PGlite they run one after another and must give the same result.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { db } from "@/app/_server/db";
import { AppError } from "@/app/_server/errors";
import { seedDemo } from "@/prisma/seed";
import {
  delegate,
  limitedSession,
  range,
  seatInvariantViolations,
  seatReport,
} from "@/test/integration/factories";
import { cancelRegistration } from "../self-service/manage";
import { registrationTransaction } from "./transaction";
import { manageTokenOf, register, type RegistrationAnswer } from "./register";
import { newCheckInCode } from "./tokens";
import { emailViewOf, loadRegistrationView } from "./view";

const onPostgres = inject("dbTier") === "postgres";

beforeAll(async () => {
  await seedDemo(db);
});

describe("a rush on a session with limited seats", () => {
  it("200 concurrent registrations for 50 seats: exactly 50 seats, 150 on the waiting list in order", async () => {
    const sessionId = await limitedSession(50, 0);
    const answers = await Promise.all(
      range(200).map(() => register("2017", delegate({ sessionIds: [sessionId] }), { locale: "en" })),
    );

    const seats = answers.map((answer) => answer.sessions[0]!);
    expect(seats.filter((seat) => seat.status === "confirmed")).toHaveLength(50);
    const places = seats.filter((seat) => seat.status === "waitlisted").map((seat) => seat.position);
    expect(places.sort((a, b) => a! - b!)).toEqual(range(150).map((index) => index + 1));

    const report = await seatReport(sessionId);
    expect(seatInvariantViolations(report, 200)).toEqual([]);
    expect(report.seatsTaken).toBe(50);
    expect(report.waitlisted.map((seat) => seat.waitlistNumber)).toEqual(
      range(150).map((index) => index + 1),
    );
    // Each answer's place is the one stored for that delegate.
    const numberOf = new Map(report.waitlisted.map((seat) => [seat.registrationId, seat.waitlistNumber]));
    for (const answer of answers.filter((candidate) => candidate.sessions[0]!.status === "waitlisted")) {
      expect(answer.sessions[0]!.position).toBe(numberOf.get(answer.id));
    }
    expect(await db.registration.count({ where: { seats: { some: { sessionId } } } })).toBe(200);
  });

  it.runIf(onPostgres)(
    "control: the same harness catches the race of a read followed by a write",
    async () => {
      const sessionId = await limitedSession(50, 1);
      // The naive way: read the counter, then write counter + 1, without a lock.
      const naiveSeat = async (index: number) => {
        await registrationTransaction(async (tx) => {
          const registration = await tx.registration.create({
            data: {
              ...registrationRow(index),
              meetingId: (await tx.session.findUniqueOrThrow({ where: { id: sessionId } })).meetingId,
            },
          });
          const { seatsTaken, capacity } = await tx.session.findUniqueOrThrow({
            where: { id: sessionId },
            select: { seatsTaken: true, capacity: true },
          });
          // A network round trip's worth of time between the read and the write, as in production.
          await new Promise((resolve) => setTimeout(resolve, 2));
          if (seatsTaken < capacity!) {
            await tx.session.update({ where: { id: sessionId }, data: { seatsTaken: seatsTaken + 1 } });
            await tx.sessionSeat.create({
              data: { registrationId: registration.id, sessionId, status: "confirmed" },
            });
          }
        });
      };
      await Promise.all(range(200).map(naiveSeat));
      const violations = seatInvariantViolations(await seatReport(sessionId), 200);
      expect(violations.length).toBeGreaterThan(0);
    },
  );

  it("20 concurrent identical submissions with one idempotency key create one registration", async () => {
    const sessionId = await limitedSession(5, 2);
    const input = delegate({ sessionIds: [sessionId] });
    const answers = await Promise.all(
      range(20).map(() => register("2017", input, { locale: "de", idempotencyKey: "form-token-1" })),
    );
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(await db.registration.count({ where: { email: input.email } })).toBe(1);
    expect((await seatReport(sessionId)).seatsTaken).toBe(1);
  });

  it("20 concurrent submissions of one address without a key: one registration, 19 refusals", async () => {
    const input = delegate();
    const outcomes = await Promise.allSettled(range(20).map(() => register("2017", input, { locale: "de" })));
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const refusals = outcomes
      .filter((outcome) => outcome.status === "rejected")
      .map((outcome) => (outcome as PromiseRejectedResult).reason);
    expect(refusals.map((reason) => (reason as AppError).code)).toEqual(
      range(19).map(() => "already_registered"),
    );
    expect(await db.registration.count({ where: { email: input.email } })).toBe(1);
  });

  it("cancellations and new registrations at once: freed seats go to the first in line, invariant kept", async () => {
    const sessionId = await limitedSession(10, 3);
    const first: RegistrationAnswer[] = [];
    for (const _ of range(30))
      first.push(await register("2017", delegate({ sessionIds: [sessionId] }), { locale: "de" }));
    const holders = first.filter((answer) => answer.sessions[0]!.status === "confirmed");
    const waiting = first.filter((answer) => answer.sessions[0]!.status === "waitlisted");
    expect(holders).toHaveLength(10);

    await Promise.all([
      ...holders.slice(0, 6).map((answer) => cancelRegistration(manageTokenOf(answer))),
      ...range(10).map(() => register("2017", delegate({ sessionIds: [sessionId] }), { locale: "de" })),
    ]);

    const report = await seatReport(sessionId);
    expect(seatInvariantViolations(report, 34)).toEqual([]);
    expect(report.seatsTaken).toBe(10);
    // The six seats went to the six oldest places on the waiting list, not to the newcomers.
    const seated = new Set(report.confirmed.map((seat) => seat.registrationId));
    for (const answer of waiting.slice(0, 6)) expect(seated.has(answer.id)).toBe(true);
    expect(report.waitlisted).toHaveLength(24);
    const promotionEmails = await db.outboxEmail.findMany({
      where: { kind: "registration.promoted", registrationId: { in: waiting.map((answer) => answer.id) } },
    });
    expect(promotionEmails.map((email) => email.registrationId).sort()).toEqual(
      waiting
        .slice(0, 6)
        .map((answer) => answer.id)
        .sort(),
    );
  });
});

describe("registrations written in groups", () => {
  it("delegates arriving at once get the outcomes of registering one by one, in order, and each email's draft is the registration as stored", async () => {
    const [small, single] = [await limitedSession(2, 6), await limitedSession(1, 7)];
    const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: "2017" }, select: { id: true } });
    const city = await db.city.findFirstOrThrow({ where: { slug: "nanning" }, select: { id: true } });
    const registered = await db.registration.count({
      where: { meetingId: meeting.id, cityId: city.id, status: { in: ["pending", "confirmed"] } },
    });
    await db.cityQuota.upsert({
      where: { meetingId_cityId: { meetingId: meeting.id, cityId: city.id } },
      create: { meetingId: meeting.id, cityId: city.id, delegates: registered + 1 },
      update: { delegates: registered + 1 },
    });
    try {
      const both = [small, single];
      const first = delegate({ sessionIds: both });
      const inputs = [
        first,
        delegate({ sessionIds: both, language: "de" }),
        delegate({ sessionIds: [single, small], language: "en" }),
        delegate({ email: first.email }),
        delegate({ sessionIds: [small, "no-such-session"] }),
        delegate({ cityId: city.id, cityOther: null, sessionIds: [small] }),
        delegate({ cityId: city.id, cityOther: null }),
      ];
      // The first is written at once, alone; the others arrive meanwhile and are written together.
      const outcomes = await Promise.allSettled(
        inputs.map((input) => register("2017", input, { locale: "en" })),
      );
      const answers = outcomes.map((outcome) =>
        outcome.status === "fulfilled" ? outcome.value.sessions : (outcome.reason as AppError).details.fields,
      );
      expect(answers).toEqual([
        [
          { sessionId: small, status: "confirmed" },
          { sessionId: single, status: "confirmed" },
        ],
        [
          { sessionId: small, status: "confirmed" },
          { sessionId: single, status: "waitlisted", position: 1 },
        ],
        [
          { sessionId: single, status: "waitlisted", position: 2 },
          { sessionId: small, status: "waitlisted", position: 1 },
        ],
        { email: { key: "alreadyRegistered" } },
        { "sessionIds.1": { key: "unknownSession" } },
        [{ sessionId: small, status: "waitlisted", position: 2 }],
        { cityId: { key: "cityQuotaFull", values: { city: "Nanning", quota: registered + 1 } } },
      ]);
      for (const sessionId of both)
        expect(seatInvariantViolations(await seatReport(sessionId), 4)).toEqual([]);

      const ids = outcomes.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value.id] : []));
      const rows = await db.registration.findMany({
        where: { id: { in: ids } },
        select: { id: true, createdAt: true },
      });
      const writtenAt = new Map(rows.map((row) => [row.id, row.createdAt.getTime()]));
      expect(new Set(ids.slice(1).map((id) => writtenAt.get(id))).size).toBe(1);
      expect(writtenAt.get(ids[0]!)).toBeLessThanOrEqual(writtenAt.get(ids[1]!)!);
      for (const id of ids) {
        const email = await db.outboxEmail.findFirstOrThrow({
          where: { registrationId: id },
          select: { draft: true },
        });
        expect((email.draft as { view: unknown }).view).toEqual(
          JSON.parse(JSON.stringify(emailViewOf((await loadRegistrationView(db, id))!))),
        );
      }
    } finally {
      await db.cityQuota.delete({ where: { meetingId_cityId: { meetingId: meeting.id, cityId: city.id } } });
    }
  });
});

describe("crossing cancellations", () => {
  it("seat holders and waiting delegates of two sessions cancelling at once all succeed, and the rest move up", async () => {
    const sessions = [await limitedSession(3, 4), await limitedSession(3, 5)];
    const answers: RegistrationAnswer[] = [];
    for (const _ of range(12))
      answers.push(await register("2017", delegate({ sessionIds: sessions }), { locale: "de" }));
    const [holders, waiting] = [answers.slice(0, 3), answers.slice(3)];
    expect(holders.every((answer) => answer.sessions.every((seat) => seat.status === "confirmed"))).toBe(
      true,
    );

    // Every holder and six of the nine waiting: releases, promotions and their emails cross each other.
    const leaving = [...holders, ...waiting.slice(0, 6)];
    const outcomes = await Promise.allSettled(
      leaving.map((answer) => cancelRegistration(manageTokenOf(answer))),
    );
    expect(outcomes.filter((outcome) => outcome.status === "rejected")).toEqual([]);

    const staying = waiting
      .slice(6)
      .map((answer) => answer.id)
      .sort();
    for (const sessionId of sessions) {
      const report = await seatReport(sessionId);
      expect(seatInvariantViolations(report, 3)).toEqual([]);
      expect(report.confirmed.map((seat) => seat.registrationId).sort()).toEqual(staying);
      expect(report.waitlisted).toEqual([]);
    }
  });
});

function registrationRow(index: number) {
  return {
    status: "confirmed" as const,
    givenName: "Naive",
    familyName: `Number${index}`,
    role: "delegate" as const,
    email: `naive-${index}@example.org`,
    activeEmail: `naive-${index}@example.org`,
    language: "de" as const,
    cityOther: "Hannover",
    privacyConsentAt: new Date(),
    checkInCode: newCheckInCode(),
  };
}
