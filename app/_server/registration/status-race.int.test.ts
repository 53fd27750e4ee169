/**
 * Sessions cancelled and unpublished in the middle of a rush (README "Registration"). A registration
 * checks its sessions before it locks their rows (choices.ts), so takeSeats checks them again on the
 * locked rows (seats.ts). The gate below makes the interleaving that needs it certain instead of a
 * matter of timing: every transaction about to take a seat in the sessions concerned is held after its
 * check, until the status changes have committed.
 *
 * PostgreSQL only: PGlite runs one transaction at a time, so there the status change would wait for
 * the held transaction, and no registration can have read a session that another transaction changes.
 */
import { beforeAll, describe, expect, inject, it, vi } from "vitest";
import { closedToSeats } from "@/app/_lib/registration/bookable";
import type { Actor } from "@/app/_server/authz";
import { cancelSession, unpublishSession } from "@/app/_server/agenda/status-mutations";
import { db } from "@/app/_server/db";
import type { AppError } from "@/app/_server/errors";
import { seedDemo } from "@/prisma/seed";
import { createActor } from "@/test/integration/actors";
import { delegate, limitedSession, range, seatReport } from "@/test/integration/factories";
import { refusal } from "@/test/integration/refusal";
import { changeRegistrationSessions } from "../desk/desk-mutations";
import { cancelRegistration, changeSessions } from "../self-service/manage";
import { manageTokenOf, register, type RegistrationAnswer } from "./register";

const gate = vi.hoisted(() => {
  let closedFor: ReadonlySet<string> = new Set();
  let opened = Promise.resolve();
  let open = () => {};
  let held = 0;
  return {
    /** From now until `open`, holds every seat-taking that wants one of these sessions. */
    close(sessionIds: string[]) {
      closedFor = new Set(sessionIds);
      opened = new Promise((resolve) => (open = resolve));
      held = 0;
    },
    open() {
      closedFor = new Set();
      open();
    },
    held: () => held,
    async pass(sessionIds: string[]) {
      if (!sessionIds.some((id) => closedFor.has(id))) return;
      held += 1;
      await opened;
    },
  };
});

// Every caller of takeSeat(s) imports them from ./seats: the gate sits between their check and the lock.
vi.mock("./seats", async (importOriginal) => {
  const seats = await importOriginal<typeof import("./seats")>();
  return {
    ...seats,
    takeSeats: async (...args: Parameters<typeof seats.takeSeats>) => {
      await gate.pass(args[1].map((seat) => seat.sessionId));
      return seats.takeSeats(...args);
    },
    takeSeat: async (...args: Parameters<typeof seats.takeSeat>) => {
      await gate.pass([args[2]]);
      return seats.takeSeat(...args);
    },
  };
});

// The rule as seats.ts asks it on the locked rows; choices.ts's check before the lock asks takesSeats,
// which stays real. The control makes this one find nothing closed: the check on the locked rows, out.
vi.mock("@/app/_lib/registration/bookable", async (importOriginal) => {
  const bookable = await importOriginal<typeof import("@/app/_lib/registration/bookable")>();
  return { ...bookable, closedToSeats: vi.fn(bookable.closedToSeats) };
});

const onPostgres = inject("dbTier") === "postgres";
let organizer: Actor;
let meetingId: string;

beforeAll(async () => {
  await seedDemo(db);
  organizer = await createActor("organizer");
  meetingId = (await db.meeting.findUniqueOrThrow({ where: { slug: "2017" }, select: { id: true } })).id;
});

const enroll = (sessionIds: string[]) => register("2017", delegate({ sessionIds }), { locale: "en" });

/** A session's seat rows as "registrationId status", sorted. */
async function seatRows(sessionId: string): Promise<string[]> {
  const seats = await db.sessionSeat.findMany({
    where: { sessionId },
    select: { registrationId: true, status: true },
  });
  return seats.map((seat) => `${seat.registrationId} ${seat.status}`).sort();
}

/**
 * Session A is cancelled and B unpublished while a group of registrations and five changes of sessions
 * (three by delegates, two at the desk), all wanting A or B, have checked their choices and wait at the
 * gate, and more registrations queue behind them. Returns the seat rows of A and B as the status changes
 * left them (read after both committed, while the gate held every seat-taking in them) and at the end.
 */
async function rushAroundStatusChanges() {
  const [a, b, c] = [await limitedSession(3, 0), await limitedSession(3, 1), await limitedSession(200, 2)];
  const earlier: RegistrationAnswer[] = [];
  for (const sessionIds of [...range(5).map(() => [a]), ...range(5).map(() => [b])])
    earlier.push(await enroll(sessionIds));
  const changers = await Promise.all(range(5).map(() => enroll([c])));

  gate.close([a, b]);
  // The first is written at once, alone, and passes the gate (C only); the others arrive meanwhile and
  // are written together, as one group, which the gate holds.
  const first = enroll([c]);
  const choices = range(30).map((index) => [[a, c], [b], [c], [c, b, a]][index % 4]!);
  const group = choices.map((sessionIds) => enroll(sessionIds));
  const changes = [
    ...changers.slice(0, 3).map((answer) => changeSessions(manageTokenOf(answer), [c, a], "en")),
    ...changers
      .slice(3)
      .map((answer) => changeRegistrationSessions(organizer, meetingId, answer.id, [b, c], "en")),
  ];
  await vi.waitFor(() => expect(gate.held()).toBe(1 + changes.length), { timeout: 15_000 });
  await cancelSession(organizer, "2017", a);
  await unpublishSession(organizer, "2017", b);
  const left = { a: await seatRows(a), b: await seatRows(b) };
  const later = range(6).map((index) => enroll(index % 2 ? [a] : [c, b]));
  gate.open();

  const outcomes = await Promise.allSettled([first, ...group, ...changes, ...later]);
  // A seat holder of each leaves: nobody moves up into a cancelled session or a draft.
  const holders = [earlier[0]!, earlier[5]!];
  for (const holder of holders) await cancelRegistration(manageTokenOf(holder));
  return {
    sessions: { a, b, c },
    left,
    after: { a: await seatRows(a), b: await seatRows(b) },
    holders: holders.map((holder) => holder.id),
    choices: { group: choices, changes: [...range(3).map(() => [c, a]), ...range(2).map(() => [b, c])] },
    outcomes: {
      first: outcomes[0]!,
      group: outcomes.slice(1, 31),
      changes: outcomes.slice(31, 36),
      later: outcomes.slice(36),
    },
    changers: changers.map((answer) => answer.id),
  };
}

/** The field errors of a refusal, or "ok". */
function fieldsOf(outcome: PromiseSettledResult<unknown>) {
  return outcome.status === "fulfilled"
    ? "ok"
    : ((outcome.reason as AppError).details?.fields ?? outcome.reason);
}

/** What the check before the lock answers for these choices once `closed` sessions take no seats. */
function refusalFor(sessionIds: string[], closed: string[]) {
  const fields = Object.fromEntries(
    sessionIds.flatMap((id, index) =>
      closed.includes(id) ? [[`sessionIds.${index}`, { key: "unknownSession" }]] : [],
    ),
  );
  return Object.keys(fields).length > 0 ? fields : "ok";
}

describe.runIf(onPostgres)("a session cancelled or unpublished during a rush", () => {
  it("takes no seat and no waiting place in it after the change commits, and refuses as the check does", async () => {
    const race = await rushAroundStatusChanges();
    const { a, b, c } = race.sessions;

    // What the status changes left, less the two holders who left afterwards, without moving anyone up.
    const leaving = (row: string) => race.holders.some((holder) => row.startsWith(`${holder} `));
    expect(race.after.a).toEqual(race.left.a.filter((row) => !leaving(row)));
    expect(race.after.b).toEqual(race.left.b.filter((row) => !leaving(row)));
    expect(race.left.a.filter((row) => row.endsWith(" confirmed"))).toHaveLength(3);
    for (const sessionId of [a, b]) {
      const report = await seatReport(sessionId);
      expect(report.seatsTaken).toBe(report.confirmed.length);
      expect(report.confirmed).toHaveLength(2);
      expect(report.waitlisted).toHaveLength(2);
    }

    // Every one held at the gate, and every one after, gets the refusal the check before the lock gives.
    expect(fieldsOf(race.outcomes.first)).toBe("ok");
    expect(race.outcomes.group.map(fieldsOf)).toEqual(
      race.choices.group.map((ids) => refusalFor(ids, [a, b])),
    );
    expect(race.outcomes.changes.map(fieldsOf)).toEqual(
      race.choices.changes.map((ids) => refusalFor(ids, [a, b])),
    );
    expect(race.outcomes.later.map(fieldsOf)).toEqual(
      range(6).map((index) => refusalFor(index % 2 ? [a] : [c, b], [a, b])),
    );
    // The refused changes left the delegates with what they had.
    for (const id of race.changers)
      expect(
        await db.sessionSeat.findMany({ where: { registrationId: id }, select: { sessionId: true } }),
      ).toEqual([{ sessionId: c }]);
    const accepted = race.outcomes.group.filter((outcome) => outcome.status === "fulfilled");
    expect(accepted).toHaveLength(
      race.choices.group.filter((ids) => ids.length === 1 && ids[0] === c).length,
    );
  });

  it("a delegate held alone gets exactly the refusal the check before the lock gives", async () => {
    const [a, c] = [await limitedSession(3, 3), await limitedSession(3, 4)];
    gate.close([a]);
    const held = refusal(register("2017", delegate({ sessionIds: [c, a] }), { locale: "zh" }));
    await vi.waitFor(() => expect(gate.held()).toBe(1), { timeout: 15_000 });
    await cancelSession(organizer, "2017", a);
    gate.open();
    const afterwards = await refusal(register("2017", delegate({ sessionIds: [c, a] }), { locale: "zh" }));
    const raced = await held;
    expect([raced.code, raced.message, raced.details]).toEqual([
      afterwards.code,
      afterwards.message,
      afterwards.details,
    ]);
    expect(raced.details.fields).toEqual({ "sessionIds.1": { key: "unknownSession" } });
    expect(await seatRows(a)).toEqual([]);
    expect(await seatRows(c)).toEqual([]);
  });

  it("control: without the check on the locked row, the same rush takes seats in the cancelled and the unpublished session", async () => {
    const actual = await vi.importActual<typeof import("@/app/_lib/registration/bookable")>(
      "@/app/_lib/registration/bookable",
    );
    vi.mocked(closedToSeats).mockImplementation(() => []);
    try {
      const race = await rushAroundStatusChanges();
      const taken = (after: string[], left: string[]) => after.filter((row) => !left.includes(row));
      // Each delegate held at the gate with A or B among their choices got a seat or waiting place in it.
      const wanting = (sessionId: string) =>
        race.choices.group.filter((ids) => ids.includes(sessionId)).length +
        race.choices.changes.filter((ids) => ids.includes(sessionId)).length;
      expect(taken(race.after.a, race.left.a)).toHaveLength(wanting(race.sessions.a));
      expect(taken(race.after.b, race.left.b)).toHaveLength(wanting(race.sessions.b));
      expect(wanting(race.sessions.a)).toBeGreaterThan(0);
    } finally {
      vi.mocked(closedToSeats).mockImplementation(actual.closedToSeats);
    }
  });
});
