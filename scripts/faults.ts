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
 * Each scenario prints its figures and the script exits 1 when a check fails. The scenarios, and what
 * they share (the checks, the timed load, the retries, the books), are in scripts/lib/faults/.
 */
import pg from "pg";
import { ensureBuild } from "./lib/app-server";
import { freshDatabase } from "./lib/database";
import { killMidRush } from "./lib/faults/kill";
import { outageUnderLoad } from "./lib/faults/outage";
import { failures, MEETING, type Scenario } from "./lib/faults/scenario";
import { stopMidRush } from "./lib/faults/stop";
import { createPrivateCluster, freePort } from "./lib/private-postgres";
import { memberCityIds, prepareRushSessions } from "./lib/rush";

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
    const connect = async () => {
      const connection = new pg.Client({ connectionString: databaseUrl });
      await connection.connect();
      return connection;
    };
    const client = await connect();
    const cityIds = await memberCityIds(client);
    const sessionIds = await prepareRushSessions(client, MEETING, "faults", 4);
    await client.end();
    const port = await freePort(3504);

    const scenario: Scenario = {
      cluster,
      connect,
      port,
      env: { DATABASE_URL: databaseUrl, RATE_LIMIT_REGISTRATIONS: "1000000" },
      cityIds,
      sessionIds,
    };
    // A scenario that throws is one failure; the next one runs all the same.
    for (const run of [outageUnderLoad, killMidRush, stopMidRush])
      await run(scenario).then(undefined, (error) => failures.push(String(error)));
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
