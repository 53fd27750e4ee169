/** What every fault scenario checks in the database afterwards. */
import type pg from "pg";
import { readSeatRows, type RushAnswers } from "../rush";
import { check } from "./scenario";

/**
 * What every scenario must leave behind, whatever the fault: each registration stored without its client
 * knowing answered on the retry, each 201 stored once, nothing untold, seats right. Read over a connection
 * of its own opened now: one open during an outage would have been ended by it.
 */
export async function checkBooks(
  connect: () => Promise<pg.Client>,
  rush: RushAnswers,
  settled: { replayed: number; storedUntold: number },
): Promise<void> {
  const client = await connect();
  const books = await accounting(client, rush).finally(() => client.end());
  check(
    settled.replayed === settled.storedUntold,
    "every registration stored without its client knowing was answered on the retry, not made twice",
  );
  console.log(
    `  registrations: ${books.told} confirmed to clients (201), ${books.missing} of them missing, ${books.untold} stored without a 201 after the retries, ${books.duplicates} duplicated`,
  );
  check(books.told > 0 && books.missing === 0, "every 201 is in the database");
  check(books.duplicates === 0, "no registration twice");
  check(books.untold === 0, "after the retries, no registration that no client was told about");
  check(
    books.seatProblems.length === 0,
    `seat invariant holds${books.seatProblems.length ? `: ${books.seatProblems.join("; ")}` : ""}`,
  );
}

/**
 * The registrations of a rush against what its clients were told: every 201 stored exactly once, nothing
 * stored twice for an email, stored-but-never-told counted (only a request cut off mid-way may leave one),
 * and the seat invariant of its sessions (counters = confirmed seat rows ≤ capacity; waiting list 1…n).
 */
async function accounting(
  client: pg.Client,
  rush: RushAnswers,
): Promise<{ told: number; missing: number; untold: number; duplicates: number; seatProblems: string[] }> {
  const { rows } = await client.query<{ id: string; email: string }>(
    `SELECT "id", "email" FROM "Registration" WHERE "email" LIKE $1`,
    [`rush-${rush.label}-%`],
  );
  const stored = new Set(rows.map((row) => row.id));
  const told = new Set(rush.answers.map((answer) => answer.id));
  const perEmail = new Map<string, number>();
  for (const row of rows) perEmail.set(row.email, (perEmail.get(row.email) ?? 0) + 1);
  const seats = await readSeatRows(client, rush.sessionIds);
  const seatProblems: string[] = [];
  for (const row of seats) {
    if (row.seatsTaken !== row.confirmed)
      seatProblems.push(`${row.id}: counter ${row.seatsTaken} ≠ ${row.confirmed} seat rows`);
    if (row.confirmed > row.capacity)
      seatProblems.push(`${row.id}: ${row.confirmed} seats for a capacity of ${row.capacity}`);
    if (row.confirmed < Math.min(row.capacity, row.confirmed + row.waitlisted))
      seatProblems.push(`${row.id}: free seats while people wait`);
    const expected = Array.from({ length: row.waitlisted }, (_, index) => index + 1).join();
    if (row.numbers.join() !== expected)
      seatProblems.push(`${row.id}: waiting list not numbered 1…${row.waitlisted}`);
  }
  return {
    told: told.size,
    missing: [...told].filter((id) => !stored.has(id)).length,
    untold: [...stored].filter((id) => !told.has(id)).length,
    duplicates:
      [...perEmail.values()].filter((count) => count > 1).length + (rush.answers.length - told.size),
    seatProblems,
  };
}

/** Outbox rows claimed by a sender whose lease has not been given back or run out. */
export async function outboxLeases(connect: () => Promise<pg.Client>): Promise<number> {
  const client = await connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "OutboxEmail" WHERE "lockedUntil" IS NOT NULL`,
    );
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}
