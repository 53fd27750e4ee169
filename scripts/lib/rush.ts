/**
 * The registration rush of scripts/bench.ts: sessions made for it, a unique valid delegate per request,
 * and the seat invariant (README "Registration") checked in SQL afterwards against what the clients were told.
 */
import { randomBytes } from "node:crypto";
import type autocannon from "autocannon";
import pg from "pg";

/** Seats per session: the size of a workshop room at the fair. */
export const RUSH_CAPACITY = 50;

type Answer = {
  id: string;
  status: string;
  sessions: { sessionId: string; status: "confirmed" | "waitlisted"; position?: number }[];
};

/** What the clients of one rush were told. */
export type RushAnswers = {
  label: string;
  sessionIds: string[];
  answers: Answer[];
  unexpected: Record<number, number>;
};

/**
 * Makes `count` published sessions of `RUSH_CAPACITY` seats in the meeting, one hour apart so that a
 * delegate may take several, and makes sure nothing of the meeting refuses a registration: the window
 * open, no approval, no city quotas (the demo meeting has none of these in the way, but the rush must
 * not depend on it). The seed leaves the meeting itself as it was otherwise.
 */
export async function prepareRushSessions(
  client: pg.Client,
  meetingSlug: string,
  label: string,
  count: number,
): Promise<string[]> {
  const { rows: meetings } = await client.query<{ id: string }>(
    `UPDATE "Meeting" SET "registrationOpensAt" = now() - interval '1 day', "registrationClosesAt" = NULL, "requiresApproval" = false
     WHERE "slug" = $1 RETURNING "id"`,
    [meetingSlug],
  );
  const meetingId = meetings[0]?.id;
  if (!meetingId) throw new Error(`No meeting ${meetingSlug} in the benchmark database`);
  await client.query(`DELETE FROM "CityQuota" WHERE "meetingId" = $1`, [meetingId]);
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const id = `bench${label.replace(/[^a-z0-9]/gi, "")}${index}${randomBytes(4).toString("hex")}`;
    await client.query(
      `INSERT INTO "Session" ("id", "meetingId", "slug", "kind", "status", "titleDe", "titleEn", "startsAt", "endsAt",
         "capacity", "languages", "interpretation", "updatedAt")
       VALUES ($1, $2, $3, 'workshop', 'published', $4, $5, $6, $7, $8, '{de,en}', '{}', now())`,
      [
        id,
        meetingId,
        `bench-${label}-${index}`,
        `Benchmark-Workshop ${label} ${index + 1}`,
        `Benchmark workshop ${label} ${index + 1}`,
        new Date(Date.UTC(2017, 3, 25, index, 0)),
        new Date(Date.UTC(2017, 3, 25, index, 50)),
        RUSH_CAPACITY,
      ],
    );
    ids.push(id);
  }
  return ids;
}

export async function memberCityIds(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(`SELECT "id" FROM "City" ORDER BY "id"`);
  if (rows.length === 0) throw new Error("The benchmark database has no cities: was it seeded?");
  return rows.map((row) => row.id);
}

const GIVEN = [
  "Anna",
  "Björn",
  "Chen",
  "Dörte",
  "Élise",
  "Fang",
  "Günther",
  "Hui",
  "Ingrid",
  "Jun",
  "Karl",
  "Lina",
  "Ming",
  "Nils",
];
const FAMILY = [
  "Bauer",
  "Li",
  "Müller",
  "Wang",
  "Schröder",
  "Zhang",
  "Köhler",
  "Liu",
  "Weiß",
  "Zhao",
  "O'Neill",
  "Meyer-Lüdenscheidt",
];
const pickOne = <T>(values: readonly T[]): T => values[Math.floor(Math.random() * values.length)]!;

/** A client address per request (random, from 10.0.0.0/8), as if every delegate came from elsewhere. */
const randomAddress = () =>
  `10.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;

/**
 * The autocannon request of a rush: each request a new delegate (valid per app/_lib/registration/fields.ts)
 * from a new address, choosing `perDelegate` of the sessions at random; every 201 answer is kept.
 */
export function rushRequest(
  meetingSlug: string,
  rush: RushAnswers,
  cityIds: string[],
  perDelegate: number,
): autocannon.Request {
  let serial = 0;
  const run = randomBytes(3).toString("hex");
  return {
    method: "POST",
    path: `/api/meetings/${encodeURIComponent(meetingSlug)}/registrations`,
    setupRequest: (request) => {
      serial += 1;
      const sessionIds = [...rush.sessionIds].sort(() => Math.random() - 0.5).slice(0, perDelegate);
      const body = {
        givenName: pickOne(GIVEN),
        familyName: pickOne(FAMILY),
        email: `rush-${rush.label}-${run}-${serial}@bench.example.org`,
        role: "delegate",
        language: pickOne(["de", "en", "zh"]),
        cityId: pickOne(cityIds),
        sessionIds,
        privacyConsent: true,
      };
      return {
        ...request,
        headers: {
          "content-type": "application/json",
          "accept-language": "en",
          "x-forwarded-for": randomAddress(),
        },
        body: JSON.stringify(body),
      };
    },
    onResponse: (status, body) => {
      if (status === 201) rush.answers.push(JSON.parse(body) as Answer);
      else rush.unexpected[status] = (rush.unexpected[status] ?? 0) + 1;
    },
  };
}

type SeatRow = {
  id: string;
  capacity: number;
  seatsTaken: number;
  waitlistIssued: number;
  confirmed: number;
  waitlisted: number;
  numbers: number[];
};

/** Each session's seat counters beside its seat rows: confirmed, waitlisted, and the waiting-list numbers. */
export async function readSeatRows(client: pg.Client, sessionIds: string[]): Promise<SeatRow[]> {
  const { rows } = await client.query<SeatRow>(
    `SELECT s."id", s."capacity", s."seatsTaken", s."waitlistIssued",
       count(ss."sessionId") FILTER (WHERE ss."status" = 'confirmed')::int AS "confirmed",
       count(ss."sessionId") FILTER (WHERE ss."status" = 'waitlisted')::int AS "waitlisted",
       coalesce(array_agg(ss."waitlistNumber" ORDER BY ss."waitlistNumber") FILTER (WHERE ss."status" = 'waitlisted'), '{}') AS "numbers"
     FROM "Session" s LEFT JOIN "SessionSeat" ss ON ss."sessionId" = s."id"
     WHERE s."id" = ANY($1) GROUP BY s."id"`,
    [sessionIds],
  );
  return rows;
}

/**
 * The seat invariant after a rush, for each of its sessions: confirmed seat rows = the counter ≤ capacity,
 * exactly capacity when demand exceeded it, and the waiting list numbered 1, 2, 3 … without gaps; and the
 * database agrees with every answer: the same registrations, seats and waiting-list places. Returns the
 * problems found (none: the invariant holds).
 */
export async function checkSeatInvariant(client: pg.Client, rush: RushAnswers): Promise<string[]> {
  const problems: string[] = [];
  const rows = await readSeatRows(client, rush.sessionIds);
  const told = (sessionId: string, status: string) =>
    rush.answers
      .flatMap((answer) => answer.sessions)
      .filter((seat) => seat.sessionId === sessionId && seat.status === status);
  for (const row of rows) {
    const where = `session ${row.id}`;
    if (row.seatsTaken !== row.confirmed)
      problems.push(`${where}: counter ${row.seatsTaken} ≠ ${row.confirmed} confirmed seat rows`);
    if (row.confirmed > row.capacity)
      problems.push(`${where}: ${row.confirmed} confirmed seats for a capacity of ${row.capacity}`);
    const demand = row.confirmed + row.waitlisted;
    if (row.confirmed !== Math.min(demand, row.capacity))
      problems.push(
        `${where}: ${row.confirmed} confirmed of a demand of ${demand} (capacity ${row.capacity})`,
      );
    const expected = Array.from({ length: row.waitlisted }, (_, index) => index + 1);
    if (row.numbers.join() !== expected.join() || row.waitlistIssued !== row.waitlisted) {
      problems.push(
        `${where}: waiting list not numbered 1…${row.waitlisted} (numbers ${row.numbers.join(",")}, issued ${row.waitlistIssued})`,
      );
    }
    const confirmedAnswers = told(row.id, "confirmed").length;
    if (confirmedAnswers !== row.confirmed)
      problems.push(
        `${where}: ${confirmedAnswers} clients were told "confirmed", ${row.confirmed} seats are`,
      );
    // Nobody leaves the list during a rush, so each place told is the number kept: 1, 2, 3 … once each.
    const places = told(row.id, "waitlisted")
      .map((seat) => seat.position ?? 0)
      .sort((a, b) => a - b);
    if (places.join() !== expected.join())
      problems.push(
        `${where}: waiting-list places told ${places.length} clients differ from the ${row.waitlisted} kept`,
      );
  }
  if (rows.length !== rush.sessionIds.length)
    problems.push(`${rush.sessionIds.length - rows.length} sessions of the rush are gone`);
  const { rows: registrations } = await client.query<{ id: string; status: string }>(
    `SELECT r."id", r."status"::text AS "status" FROM "Registration" r WHERE r."email" LIKE $1`,
    [`rush-${rush.label}-%`],
  );
  const answered = new Set(rush.answers.map((answer) => answer.id));
  if (
    registrations.length !== answered.size ||
    registrations.some((registration) => !answered.has(registration.id))
  ) {
    problems.push(`${registrations.length} registrations stored, ${answered.size} confirmed to clients`);
  }
  const notConfirmed = registrations.filter((registration) => registration.status !== "confirmed").length;
  if (notConfirmed > 0) problems.push(`${notConfirmed} registrations are not confirmed`);
  return problems;
}
