import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startAppServer, type AppServer } from "../app-server";
import { sendSpread } from "../one-shot";
import { rushRequest } from "../rush";
import { slowSmtp } from "../slow-smtp";
import { checkBooks, outboxLeases } from "./books";
import { keyedRushRequest, settle, type Ledger } from "./retries";
import { sleep } from "./samples";
import { check, MEETING, newRush, showingServerOutput, type Scenario } from "./scenario";

/** The stop of a deploy: the rush's size, how long it takes to send, and when SIGTERM comes. */
const STOP_RUSH = { requests: 200, spreadMs: 2_000, signalAtMs: 1_000 };

export async function stopMidRush(scenario: Scenario): Promise<void> {
  const { connect, port } = scenario;
  const { requests, spreadMs, signalAtMs } = STOP_RUSH;
  console.log(
    `\n== b. SIGTERM ${signalAtMs / 1000} s into a rush of ${requests} registrations (one connection each, over ${spreadMs / 1000} s), then started again`,
  );
  // Each email takes the mail server 300 ms: the outbox holds a claimed batch when the signal comes.
  const smtp = await slowSmtp(300);
  const folder = mkdtempSync(path.join(tmpdir(), "faults-"));
  const acceptedFile = path.join(folder, "accepted");
  const probe = path.join(import.meta.dirname, "../accepted-connections.mjs");
  const env = { ...scenario.env, SMTP_URL: smtp.url };
  let server: AppServer = await startAppServer({
    port,
    env: { ...env, NODE_OPTIONS: `--import ${probe}`, ACCEPTED_CONNECTIONS_FILE: acceptedFile },
  });
  try {
    await showingServerOutput(() => server, sendAndStop);
  } finally {
    await smtp.close();
    rmSync(folder, { recursive: true, force: true });
  }

  async function sendAndStop(): Promise<void> {
    // A server that has been running: the registration path warmed up, as a deploy finds it.
    await sendSpread(
      server.url,
      rushRequest(MEETING, newRush(scenario, "warm"), scenario.cityIds, 2),
      20,
      500,
    );
    const rush = newRush(scenario, "term");
    const ledger: Ledger = new Map();
    const sent = sendSpread(server.url, keyedRushRequest(scenario, rush, ledger), requests, spreadMs);
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
  }
}
