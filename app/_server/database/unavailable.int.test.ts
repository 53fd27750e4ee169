/**
 * What a running PostgreSQL does when it goes away, provoked for real (PostgreSQL tier only; PGlite lives
 * in the process and cannot go away): a connection ended by the server in the middle of a query (what a
 * fast shutdown does to every session: 57P01), idle pool connections ended under the app, and the
 * availability probe seeing the server go and come back (through a local relay that is closed, then opened).
 */
import net from "node:net";
import { describe, expect, it } from "vitest";
import { availabilityProbe } from "./availability";
import { isDatabaseUnavailable } from "./errors";
import { configuredTarget } from "./target";
import { db } from "../db";
import { asAppError } from "../errors";

const target = configuredTarget();

describe.runIf(target.kind === "postgres")("a PostgreSQL server going away", () => {
  it("a query whose connection the server ends (57P01) is 'unavailable'", async () => {
    const sleeping = db.$queryRaw`SELECT pg_sleep(10), 'unavailable-test-sleep'`.then(
      () => null,
      (error: unknown) => error,
    );
    // Until the sleep shows up in pg_stat_activity, then end that backend as a shutdown would.
    let ended = 0;
    while (ended === 0) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      ended = Number(
        (
          await db.$queryRaw<
            { n: bigint }[]
          >`SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity
            WHERE query LIKE '%unavailable-test-sleep%' AND pid <> pg_backend_pid() AND datname = current_database()`
        )[0]!.n,
      );
    }
    const error = await sleeping;
    expect(error).toMatchObject({
      code: "P2010",
      meta: { driverAdapterError: { cause: { originalCode: "57P01" } } },
    });
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(asAppError(error)?.code).toBe("unavailable");
  });

  it("the app's pool survives its idle connections being ended, and queries again", async () => {
    await Promise.all([db.meeting.count(), db.room.count(), db.$queryRaw`SELECT 1`]);
    const [ended] = await db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`;
    expect(Number(ended!.n)).toBeGreaterThan(0);
    // Let the pool hear of the ends ('error' on idle clients, which would crash an unguarded process).
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(db.meeting.count()).resolves.toBeGreaterThanOrEqual(0);
  });

  it("the availability probe goes unhealthy when the server cannot be reached and healthy when it can again", async () => {
    const server = new URL(target.kind === "postgres" ? target.url : "");
    // A relay to the real server on a port of our own: closed = the database is away.
    const relay = net.createServer((client) => {
      const upstream = net.connect(Number(server.port || 5432), server.hostname);
      client.pipe(upstream).pipe(client);
      upstream.on("error", () => client.destroy());
      client.on("error", () => upstream.destroy());
    });
    await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
    const port = (relay.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => relay.close(() => resolve()));

    const viaRelay = new URL(server);
    viaRelay.hostname = "127.0.0.1";
    viaRelay.port = String(port);
    const transitions: string[] = [];
    const probe = availabilityProbe(viaRelay.toString(), (line) => transitions.push(line.split(":")[0]!));
    try {
      expect(await probe.isAvailable()).toBe(false);
      await new Promise<void>((resolve) => relay.listen(port, "127.0.0.1", resolve));
      // While unhealthy the answer is kept for half a second, then asked again.
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(await probe.isAvailable()).toBe(true);
      expect(transitions).toEqual(["Database reachable again"]);
      // A query that failed elsewhere (a page render, instrumentation.ts) marks it down at once, until the next probe.
      probe.markUnavailable();
      expect(await probe.isAvailable()).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(await probe.isAvailable()).toBe(true);
      expect(transitions).toEqual([
        "Database reachable again",
        "Database unavailable",
        "Database reachable again",
      ]);
    } finally {
      await probe.close();
      relay.close();
    }
  });
});
