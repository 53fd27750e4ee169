/**
 * `npm run faults`: what the production build does when things break under load, on a PostgreSQL cluster
 * of its own (created in a temporary folder on a free port from 5439, removed at the end, also on failure;
 * the machine's own server is never touched).
 *
 *   a. PostgreSQL stopped for ~5 s while the registration API, the agenda JSON, the public feed and the
 *      agenda page are under load: 503 with Retry-After quickly instead of 500s or hangs, recovery on its
 *      own, and afterwards every registration a client was told about exists exactly once, no other.
 *   b. The app killed in the middle of a registration rush (SIGKILL) and started again: every 201 a client
 *      got is in the database exactly once, the seats add up. Then a deploy's stop: SIGTERM one second into
 *      a rush of 200 registrations, one connection each, with the outbox sending to a slow mail server.
 *      The server exits 0; every request it had accepted is answered, none with a 5xx; it holds no
 *      outbox lease afterwards; after a restart and the clients' retries the books and seats add up.
 *
 * Each scenario prints its figures and the script exits 1 when a check fails.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { ensureBuild, startAppServer, type AppServer } from "./lib/app-server";
import { freshDatabase } from "./lib/database";
import { percentile } from "./lib/load";
import { sendSpread } from "./lib/one-shot";
import { createPrivateCluster, freePort, type PrivateCluster } from "./lib/private-postgres";
import { memberCityIds, prepareRushSessions, rushRequest, type RushAnswers } from "./lib/rush";
import { slowSmtp } from "./lib/slow-smtp";

const MEETING = "2017";
const OUTAGE_MS = 5_000;
/** "Quickly": no answer during the outage may take longer than this. */
const MAX_OUTAGE_LATENCY_MS = 4_000;
/** Everything answers 2xx again within this long after the database is back. */
const RECOVERY_LIMIT_MS = 5_000;

const failures: string[] = [];
function check(ok: boolean, what: string): void {
  console.log(`  ${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
}

type Sample = {
  target: string;
  startedAt: number;
  at: number;
  ms: number;
  status: number;
  retryAfter: boolean;
};

/** An autocannon request that times each answer and notes its status and Retry-After. */
function timed(target: string, samples: Sample[], base: autocannon.Request): autocannon.Request {
  return {
    ...base,
    setupRequest: (request, context) => {
      (context as { startedAt?: number }).startedAt = Date.now();
      return typeof base.setupRequest === "function" ? base.setupRequest(request, context) : request;
    },
    onResponse: (status, body, context, headers) => {
      const at = Date.now();
      const startedAt = (context as { startedAt?: number }).startedAt ?? at;
      samples.push({
        target,
        startedAt,
        at,
        ms: at - startedAt,
        status,
        retryAfter: Boolean(headers?.["retry-after"]),
      });
      if (typeof base.onResponse === "function") base.onResponse(status, body, context, headers);
    },
  };
}

/**
 * The registration requests of a rush with an Idempotency-Key each, as a careful client sends them. Every
 * request stays in the ledger until it gets an answer other than 503: those told 503, and those cut off
 * (a killed server, or the load generator stopping with requests under way), are sent again afterwards
 * with the same key and body, as Retry-After asks. A commit whose acknowledgement never reached its
 * client is then answered with the registration already stored, instead of being made twice.
 */
type Pending = { body: string; headers: Record<string, string>; sentAt: number };
type Ledger = Map<string, Pending>;
function withIdempotencyKeys(base: autocannon.Request, ledger: Ledger): autocannon.Request {
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
async function settle(
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

function cannon(
  url: string,
  connections: number,
  seconds: number,
  request: autocannon.Request,
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, timeout: 10, requests: [request] }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function statusLine(samples: Sample[]): string {
  const counts: Record<number, number> = {};
  for (const sample of samples) counts[sample.status] = (counts[sample.status] ?? 0) + 1;
  return Object.entries(counts)
    .map(([status, count]) => `${status}×${count}`)
    .join(" ");
}

function latencyLine(samples: Sample[]): string {
  const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  if (sorted.length === 0) return "–";
  return `p50 ${percentile(sorted, 50)} ms, p99 ${percentile(sorted, 99)} ms, max ${sorted.at(-1)} ms`;
}

function newRush(label: string, sessionIds: string[]): RushAnswers {
  return { label: `${label}${randomBytes(2).toString("hex")}`, sessionIds, answers: [], unexpected: {} };
}

/**
 * What every scenario must leave behind, whatever the fault: each registration stored without its client
 * knowing answered on the retry, each 201 stored once, nothing untold, seats right. Read over a connection
 * of its own opened now: one open during an outage would have been ended by it.
 */
async function checkBooks(
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
  const { rows: seats } = await client.query<{
    id: string;
    capacity: number;
    seatsTaken: number;
    waitlistIssued: number;
    confirmed: number;
    waitlisted: number;
    numbers: number[];
  }>(
    `SELECT s."id", s."capacity", s."seatsTaken", s."waitlistIssued",
       count(ss."sessionId") FILTER (WHERE ss."status" = 'confirmed')::int AS "confirmed",
       count(ss."sessionId") FILTER (WHERE ss."status" = 'waitlisted')::int AS "waitlisted",
       coalesce(array_agg(ss."waitlistNumber" ORDER BY ss."waitlistNumber") FILTER (WHERE ss."status" = 'waitlisted'), '{}') AS "numbers"
     FROM "Session" s LEFT JOIN "SessionSeat" ss ON ss."sessionId" = s."id" WHERE s."id" = ANY($1) GROUP BY s."id"`,
    [rush.sessionIds],
  );
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

async function outageUnderLoad(
  cluster: PrivateCluster,
  connect: () => Promise<pg.Client>,
  databaseUrl: string,
  port: number,
  cityIds: string[],
  sessionIds: string[],
): Promise<void> {
  console.log(`\n== a. PostgreSQL stopped for ${OUTAGE_MS / 1000} s under load`);
  const server = await startAppServer({
    port,
    env: { DATABASE_URL: databaseUrl, RATE_LIMIT_REGISTRATIONS: "1000000" },
  });
  try {
    const samples: Sample[] = [];
    const rush = newRush("outage", sessionIds);
    const ledger: Ledger = new Map();
    const get = (path: string): autocannon.Request => ({
      method: "GET",
      path,
      headers: { "accept-language": "en" },
    });
    const loads = Promise.all([
      cannon(
        server.url,
        6,
        22,
        timed(
          "registration API",
          samples,
          withIdempotencyKeys(rushRequest(MEETING, rush, cityIds, 2), ledger),
        ),
      ),
      cannon(server.url, 2, 22, timed("agenda JSON", samples, get(`/api/meetings/${MEETING}/agenda`))),
      cannon(server.url, 2, 22, timed("public feed", samples, get(`/calendar/${MEETING}.ics`))),
      cannon(server.url, 2, 22, timed("agenda page", samples, get(`/en/meetings/${MEETING}/agenda`))),
    ]);
    await sleep(6_000);
    const stoppedAt = Date.now();
    cluster.stop();
    await sleep(OUTAGE_MS - (Date.now() - stoppedAt));
    cluster.start();
    const backAt = Date.now();
    const results = await loads;
    const noAnswer = results.reduce((sum, result) => sum + result.errors + result.timeouts, 0);

    console.log(`  stopped at +0 ms (pg_ctl stop -m fast), accepting again at +${backAt - stoppedAt} ms`);
    const phases = {
      before: samples.filter((sample) => sample.at < stoppedAt),
      outage: samples.filter((sample) => sample.at >= stoppedAt && sample.at < backAt),
      after: samples.filter((sample) => sample.at >= backAt),
    };
    const targets = ["registration API", "agenda JSON", "public feed", "agenda page"];
    for (const target of targets) {
      console.log(`  ${target}`);
      for (const [phase, list] of Object.entries(phases)) {
        const mine = list.filter((sample) => sample.target === target);
        console.log(
          `    ${phase.padEnd(7)} ${String(mine.length).padStart(5)} answers  ${statusLine(mine).padEnd(28)} ${latencyLine(mine)}`,
        );
      }
    }
    console.log(`  requests without any answer (connection errors, timeouts): ${noAnswer}`);

    for (const target of ["registration API", "agenda JSON", "public feed"]) {
      const outage = phases.outage.filter((sample) => sample.target === target);
      check(
        outage.some((sample) => sample.status === 503),
        `${target}: 503 during the outage`,
      );
      check(
        outage.every((sample) => sample.status !== 500),
        `${target}: no 500 during the outage`,
      );
      check(
        outage.filter((sample) => sample.status === 503).every((sample) => sample.retryAfter),
        `${target}: every 503 has Retry-After`,
      );
    }
    const pages = phases.outage.filter((sample) => sample.target === "agenda page");
    const firstGate = pages.find((sample) => sample.status === 503 && sample.retryAfter);
    const early = pages.filter((sample) => sample.status >= 500 && sample.status !== 503);
    const afterGate = firstGate
      ? pages.filter((sample) => sample.startedAt > firstGate.at && sample.status !== 503)
      : [];
    console.log(
      `  agenda page: the gate answered 503 from +${firstGate ? firstGate.at - stoppedAt : "–"} ms; ${early.length} page requests failed with 500 ` +
        `before it noticed (renders already under way or within its one-second cache)`,
    );
    check(Boolean(firstGate), "agenda page: 503 with Retry-After once the gate notices");
    check(
      afterGate.length === 0,
      `agenda page: only 503 after the gate noticed (${afterGate.length} other answers)`,
    );
    // Requests sent during the outage; those already under way when it began waited for the busy server.
    const sentDuring = phases.outage.filter((sample) => sample.startedAt >= stoppedAt);
    const slowest = Math.max(0, ...sentDuring.map((sample) => sample.ms));
    console.log(`  requests sent during the outage: ${sentDuring.length}, ${latencyLine(sentDuring)}`);
    check(
      slowest <= MAX_OUTAGE_LATENCY_MS,
      `no request sent during the outage answered slower than ${MAX_OUTAGE_LATENCY_MS} ms (slowest ${slowest} ms)`,
    );
    check(
      samples.every(
        (sample) => sample.target === "agenda page" || sample.status < 500 || sample.status === 503,
      ),
      "API, JSON and feed: no 5xx but 503, in any phase",
    );
    for (const target of targets) {
      const lastFailure = Math.max(
        backAt,
        ...phases.after
          .filter((sample) => sample.target === target && sample.status >= 300)
          .map((sample) => sample.at),
      );
      const recovered = phases.after.some(
        (sample) => sample.target === target && sample.status < 300 && sample.at > lastFailure,
      );
      check(
        recovered && lastFailure - backAt <= RECOVERY_LIMIT_MS,
        `${target}: 2xx again ${lastFailure - backAt} ms after the database returned`,
      );
    }
    check(noAnswer === 0, "every request got an answer (no hang, no dropped connection)");

    // Every client told 503 or cut off tries again, as Retry-After asks, with the same key.
    const settled = await settle(server.url, ledger, rush, connect, () => true);
    await checkBooks(connect, rush, settled);
  } catch (error) {
    console.error(server.output());
    throw error;
  } finally {
    await server.stop();
  }
}

async function killMidRush(
  connect: () => Promise<pg.Client>,
  databaseUrl: string,
  port: number,
  cityIds: string[],
  sessionIds: string[],
): Promise<void> {
  console.log(
    "\n== b. The app killed (SIGKILL, a crash) in the middle of a registration rush, then started again",
  );
  const env = { DATABASE_URL: databaseUrl, RATE_LIMIT_REGISTRATIONS: "1000000" };
  let server: AppServer = await startAppServer({ port, env });
  const rush = newRush("kill", sessionIds);
  const samples: Sample[] = [];
  const ledger: Ledger = new Map();
  const load = cannon(
    server.url,
    8,
    14,
    timed("registration API", samples, withIdempotencyKeys(rushRequest(MEETING, rush, cityIds, 2), ledger)),
  );
  await sleep(4_000);
  const killedAt = Date.now();
  await server.stop("SIGKILL");
  const goneAt = Date.now();
  server = await startAppServer({ port, env });
  const backAt = Date.now();
  const result = await load;
  const cutOff = result.errors + result.timeouts;
  console.log(`  stopped in ${goneAt - killedAt} ms, answering again ${backAt - goneAt} ms later`);
  console.log(
    `  answers: ${statusLine(samples)}; requests without an answer (cut off, or refused while no server listened): ${cutOff}`,
  );
  // The clients whose request was under way when the server went (or when the load stopped) try again;
  // those refused while nothing listened never reached the app.
  const settled = await settle(
    server.url,
    ledger,
    rush,
    connect,
    (pending) => pending.sentAt < goneAt || pending.sentAt >= backAt,
  );
  await server.stop();
  check(
    samples.every((sample) => sample.status === 201),
    "every answer was a 201",
  );
  await checkBooks(connect, rush, settled);
}

/** The stop of a deploy: the rush's size, how long it takes to send, and when SIGTERM comes. */
const STOP_RUSH = { requests: 200, spreadMs: 2_000, signalAtMs: 1_000 };

async function stopMidRush(
  connect: () => Promise<pg.Client>,
  databaseUrl: string,
  port: number,
  cityIds: string[],
  sessionIds: string[],
): Promise<void> {
  const { requests, spreadMs, signalAtMs } = STOP_RUSH;
  console.log(
    `\n== b. SIGTERM ${signalAtMs / 1000} s into a rush of ${requests} registrations (one connection each, over ${spreadMs / 1000} s), then started again`,
  );
  // Each email takes the mail server 300 ms: the outbox holds a claimed batch when the signal comes.
  const smtp = await slowSmtp(300);
  const folder = mkdtempSync(path.join(tmpdir(), "faults-"));
  const acceptedFile = path.join(folder, "accepted");
  const probe = path.join(import.meta.dirname, "lib/accepted-connections.mjs");
  const env = { DATABASE_URL: databaseUrl, RATE_LIMIT_REGISTRATIONS: "1000000", SMTP_URL: smtp.url };
  let server: AppServer = await startAppServer({
    port,
    env: { ...env, NODE_OPTIONS: `--import ${probe}`, ACCEPTED_CONNECTIONS_FILE: acceptedFile },
  });
  try {
    // A server that has been running: the registration path warmed up, as a deploy finds it.
    await sendSpread(server.url, rushRequest(MEETING, newRush("warm", sessionIds), cityIds, 2), 20, 500);
    const rush = newRush("term", sessionIds);
    const ledger: Ledger = new Map();
    const sent = sendSpread(
      server.url,
      withIdempotencyKeys(rushRequest(MEETING, rush, cityIds, 2), ledger),
      requests,
      spreadMs,
    );
    await sleep(signalAtMs);
    const leasesAtSignal = await outboxLeases(connect);
    const signalledAt = Date.now();
    const exit = await server.stop("SIGTERM");
    const stoppedIn = Date.now() - signalledAt;
    const leasesAfter = await outboxLeases(connect);
    const outcomes = await sent;
    const accepted = new Set(readFileSync(acceptedFile, "utf8").split("\n").filter(Boolean).map(Number));
    const statuses: Record<string, number> = {};
    for (const outcome of outcomes) {
      const kind = outcome.status
        ? String(outcome.status)
        : outcome.localPort === undefined
          ? `${outcome.error} (never connected)`
          : `${outcome.error} after connecting`;
      statuses[kind] = (statuses[kind] ?? 0) + 1;
    }
    const failed = outcomes.filter((outcome) => outcome.error && outcome.localPort !== undefined);
    const cutAfterAccept = failed.filter((outcome) => accepted.has(outcome.localPort!));
    console.log(
      `  exit code ${exit.code ?? exit.signal}, gone ${stoppedIn} ms after the signal; the server said:`,
    );
    for (const line of server
      .output()
      .split("\n")
      .filter((text) => text.startsWith("[shutdown]")))
      console.log(`    ${line}`);
    console.log(`  answers and errors: ${JSON.stringify(statuses)}`);
    console.log(
      `  connections that failed after connecting: ${failed.length}, of them accepted by the server: ${cutAfterAccept.length} ` +
        `(one it had not accepted was still in the kernel's queue when the server stopped listening: it reached no code of the app)`,
    );
    console.log(
      `  outbox leases held at the signal: ${leasesAtSignal}, after the stop: ${leasesAfter}; emails taken by the mail server: ${smtp.received()}`,
    );
    check(exit.code === 0, `the server exited with 0 (${exit.code ?? exit.signal})`);
    check(
      outcomes.every((outcome) => !outcome.status || outcome.status < 500),
      "no answer was a 5xx",
    );
    check(
      outcomes.every((outcome) => !outcome.status || outcome.status === 201),
      "every answer was a 201",
    );
    check(
      cutAfterAccept.length === 0,
      "no connection the server had accepted was reset or left without an answer",
    );
    check(leasesAfter === 0, "no outbox row keeps a lease of the stopped server");

    server = await startAppServer({ port, env });
    // The clients refused or reset try again with their Idempotency-Key, as a careful client does.
    const settled = await settle(server.url, ledger, rush, connect, () => true);
    await checkBooks(connect, rush, settled);
  } catch (error) {
    console.error(server.output());
    throw error;
  } finally {
    await server.stop();
    await smtp.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Outbox rows claimed by a sender whose lease has not been given back or run out. */
async function outboxLeases(connect: () => Promise<pg.Client>): Promise<number> {
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

async function main(): Promise<void> {
  const started = Date.now();
  await ensureBuild();
  const cluster = await createPrivateCluster({ port: 5439 });
  const cleanUp = () => cluster.remove();
  process.once("SIGINT", () => {
    cleanUp();
    process.exit(130);
  });
  try {
    console.log(`Private PostgreSQL on port ${cluster.port}; migrating and seeding …`);
    const databaseUrl = await freshDatabase(cluster.url, "faults");
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const cityIds = await memberCityIds(client);
    const sessionIds = await prepareRushSessions(client, MEETING, "faults", 4);
    await client.end();
    const port = await freePort(3504);

    const fresh = async () => {
      const connection = new pg.Client({ connectionString: databaseUrl });
      await connection.connect();
      return connection;
    };
    await outageUnderLoad(cluster, fresh, databaseUrl, port, cityIds, sessionIds).then(undefined, (error) =>
      failures.push(String(error)),
    );
    await killMidRush(fresh, databaseUrl, port, cityIds, sessionIds).then(undefined, (error) =>
      failures.push(String(error)),
    );
    await stopMidRush(fresh, databaseUrl, port, cityIds, sessionIds).then(undefined, (error) =>
      failures.push(String(error)),
    );
  } finally {
    cleanUp();
  }
  console.log(
    `\n${failures.length === 0 ? "All fault checks passed" : `${failures.length} fault checks FAILED`} in ${Math.round((Date.now() - started) / 1000)} s.`,
  );
  process.exit(failures.length === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
