import type autocannon from "autocannon";
import { startAppServer } from "../app-server";
import { checkBooks } from "./books";
import { keyedRushRequest, settle, type Ledger } from "./retries";
import { cannon, latencyLine, sleep, statusLine, timed, type Sample } from "./samples";
import { check, MEETING, newRush, showingServerOutput, type Scenario } from "./scenario";

const OUTAGE_MS = 5_000;
/** "Quickly": no answer during the outage may take longer than this. */
const MAX_OUTAGE_LATENCY_MS = 4_000;
/** Everything answers 2xx again within this long after the database is back. */
const RECOVERY_LIMIT_MS = 5_000;

/**
 * a. PostgreSQL stopped for ~5 s while the registration API, the agenda JSON, the public feed and the
 * agenda page are under load: 503 with Retry-After quickly instead of 500s or hangs, recovery on its own.
 */
export async function outageUnderLoad(scenario: Scenario): Promise<void> {
  const { cluster, connect } = scenario;
  console.log(`\n== a. PostgreSQL stopped for ${OUTAGE_MS / 1000} s under load`);
  const server = await startAppServer({ port: scenario.port, env: scenario.env });
  await showingServerOutput(
    () => server,
    async () => {
      const samples: Sample[] = [];
      const rush = newRush(scenario, "outage");
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
          timed("registration API", samples, keyedRushRequest(scenario, rush, ledger)),
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
    },
  );
}
