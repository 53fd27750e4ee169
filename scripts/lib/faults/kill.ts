import { startAppServer, type AppServer } from "../app-server";
import { checkBooks } from "./books";
import { keyedRushRequest, settle, type Ledger } from "./retries";
import { cannon, sleep, statusLine, timed, type Sample } from "./samples";
import { check, newRush, type Scenario } from "./scenario";

/** b. The app killed in the middle of a registration rush and started again: every 201 stored once. */
export async function killMidRush(scenario: Scenario): Promise<void> {
  const { connect, port, env } = scenario;
  console.log(
    "\n== b. The app killed (SIGKILL, a crash) in the middle of a registration rush, then started again",
  );
  let server: AppServer = await startAppServer({ port, env });
  const rush = newRush(scenario, "kill");
  const samples: Sample[] = [];
  const ledger: Ledger = new Map();
  const load = cannon(
    server.url,
    8,
    14,
    timed("registration API", samples, keyedRushRequest(scenario, rush, ledger)),
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
