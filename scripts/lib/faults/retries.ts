import { randomBytes } from "node:crypto";
import type autocannon from "autocannon";
import type pg from "pg";
import { rushRequest, type RushAnswers } from "../rush";
import { MEETING, type Scenario } from "./scenario";

/**
 * The registration requests of a rush with an Idempotency-Key each, as a careful client sends them. Every
 * request stays in the ledger until it gets an answer other than 503: those told 503, and those cut off
 * (a killed server, or the load generator stopping with requests under way), are sent again afterwards
 * with the same key and body, as Retry-After asks. A commit whose acknowledgement never reached its
 * client is then answered with the registration already stored, instead of being made twice.
 */
export type Pending = { body: string; headers: Record<string, string>; sentAt: number };
export type Ledger = Map<string, Pending>;
export function withIdempotencyKeys(base: autocannon.Request, ledger: Ledger): autocannon.Request {
  return {
    ...base,
    setupRequest: (request, context) => {
      const built = typeof base.setupRequest === "function" ? base.setupRequest(request, context) : request;
      const key = randomBytes(16).toString("hex");
      const headers = { ...(built.headers as Record<string, string>), "idempotency-key": key };
      ledger.set(key, { body: String(built.body), headers, sentAt: Date.now() });
      Object.assign(context, { key });
      return { ...built, headers };
    },
    onResponse: (status, body, context, headers) => {
      if (status === 503) return;
      ledger.delete((context as { key: string }).key);
      if (typeof base.onResponse === "function") base.onResponse(status, body, context, headers);
    },
  };
}

/**
 * Sends the ledger's requests that `retry` selects again (same key, same body) and adds their 201s to
 * what the clients were told. Returns the statuses, and how many answers named a registration that was
 * stored before the retry although its client had not been told (a replay, not a new registration).
 */
export async function settle(
  url: string,
  ledger: Ledger,
  rush: RushAnswers,
  connect: () => Promise<pg.Client>,
  retry: (pending: Pending) => boolean,
) {
  const told = new Set(rush.answers.map((answer) => answer.id));
  const client = await connect();
  const { rows } = await client
    .query<{ id: string }>(`SELECT "id" FROM "Registration" WHERE "email" LIKE $1`, [`rush-${rush.label}-%`])
    .finally(() => client.end());
  const storedUntold = new Set(rows.map((row) => row.id).filter((id) => !told.has(id)));
  const statuses: Record<number, number> = {};
  let replayed = 0;
  for (const pending of ledger.values()) {
    if (!retry(pending)) continue;
    const response = await fetch(`${url}/api/meetings/${MEETING}/registrations`, {
      method: "POST",
      headers: pending.headers,
      body: pending.body,
    });
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    if (response.status !== 201) continue;
    const answer = (await response.json()) as RushAnswers["answers"][number];
    if (storedUntold.has(answer.id)) replayed += 1;
    rush.answers.push(answer);
  }
  console.log(
    `  stored without their client knowing: ${storedUntold.size}; requests sent again with their Idempotency-Key: ${JSON.stringify(statuses)}, ` +
      `${replayed} of them answered with the registration already stored`,
  );
  return { storedUntold: storedUntold.size, replayed };
}

/** The rush's registration requests (two sessions each), every one noted in `ledger` with its key. */
export function keyedRushRequest(scenario: Scenario, rush: RushAnswers, ledger: Ledger): autocannon.Request {
  return withIdempotencyKeys(rushRequest(MEETING, rush, scenario.cityIds, 2), ledger);
}
