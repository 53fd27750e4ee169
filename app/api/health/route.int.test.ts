/**
 * GET /api/health as a load balancer sees it: the real route handler on the test database, then on a
 * database that cannot be reached (a closed port: refused at once) or does not answer (a port that
 * accepts and stays silent, as a hung server or a dropped network does), then on a stopping server.
 */
import net from "node:net";
import { afterAll, describe, expect, it, vi } from "vitest";
import { disconnectDb } from "@/app/_server/db";
import { installShutdownForTests } from "@/app/_server/shutdown";
import { version } from "@/package.json";
import { GET, HEAD } from "./route";

const saved = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR };

afterAll(async () => {
  // Back to the file's own database, which test/integration/setup.ts closes and drops.
  await disconnectDb();
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

/** The route and the app's modules loaded afresh, with the app's database at `url`. */
async function routeWithDatabaseAt(url: string) {
  await disconnectDb();
  process.env.DATABASE_URL = url;
  vi.resetModules();
  return (await import("./route")).GET;
}

async function listening(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as net.AddressInfo).port;
}

describe("GET /api/health", () => {
  it("answers 200 with the version while the database answers, never cached, and nothing else", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "up", version });
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("retry-after")).toBeNull();
  });

  it("HEAD answers the same status and headers", async () => {
    const response = await HEAD();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 with Retry-After at once when the database refuses connections", async () => {
    const closed = net.createServer();
    const port = await listening(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const get = await routeWithDatabaseAt(`postgresql://postgres@127.0.0.1:${port}/health`);
    const response = await get();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", database: "down" });
    expect(response.headers.get("retry-after")).toBe("5");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 after its timeout when the database accepts connections and never answers", async () => {
    const silent = net.createServer(() => {});
    const port = await listening(silent);
    try {
      const get = await routeWithDatabaseAt(`postgresql://postgres@127.0.0.1:${port}/health`);
      const started = Date.now();
      const [first, second] = await Promise.all([get(), get()]);
      const elapsed = Date.now() - started;
      expect([first.status, second.status]).toEqual([503, 503]);
      expect(await first.json()).toEqual({ status: "unavailable", database: "down" });
      expect(first.headers.get("retry-after")).toBe("5");
      expect(elapsed).toBeGreaterThanOrEqual(2_400);
      // Both checks waited for one connection attempt, not one each.
      expect(
        await new Promise<number>((resolve, reject) =>
          silent.getConnections((error, count) => (error ? reject(error) : resolve(count))),
        ),
      ).toBe(1);
    } finally {
      silent.close();
      await disconnectDb();
    }
  });

  it("answers 503 'draining' while the server is stopping, without asking the database", async () => {
    const { shutdown, uninstall } = installShutdownForTests({
      graceMs: 1_000,
      stopBackground: async () => {},
      closeResources: async () => {},
      log: () => {},
    });
    const silent = net.createServer(() => {});
    const port = await listening(silent);
    try {
      // A database that never answers: asking it would take 2.5 s and say "down", not "draining".
      const get = await routeWithDatabaseAt(`postgresql://postgres@127.0.0.1:${port}/health`);
      expect(await shutdown.stop("SIGTERM")).toBe(0);
      const response = await get();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "draining", version });
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(
        await new Promise<number>((resolve, reject) =>
          silent.getConnections((error, count) => (error ? reject(error) : resolve(count))),
        ),
      ).toBe(0);
    } finally {
      uninstall();
      silent.close();
      await disconnectDb();
    }
  });
});
