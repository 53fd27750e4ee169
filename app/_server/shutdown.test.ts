/**
 * The shutdown on a real Node HTTP server, as `next start` runs one: requests under way finish, new
 * connections are refused, keep-alive answers end their connection, work after an answer is waited for,
 * and the exit code says whether anything had to be cut. (scripts/faults.ts does the same to the
 * production build in the middle of a registration rush.)
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createShutdown, type Shutdown, type ShutdownOptions } from "./shutdown";

type Answer = { status: number; connection: string | undefined; body: string };

const cleanUps: (() => void)[] = [];
afterEach(() => cleanUps.splice(0).forEach((cleanUp) => cleanUp()));

/** A server whose every answer waits `delayMs`, and a way to see how many requests it has begun. */
async function slowServer(delayMs: number) {
  let begun = 0;
  const server = http.createServer((_request, response) => {
    begun += 1;
    setTimeout(() => response.end("ok"), delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanUps.push(() => server.closeAllConnections());
  const port = (server.address() as AddressInfo).port;
  return { server, port, begun: () => begun };
}

function get(port: number, agent: http.Agent | false = false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, agent }, (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () =>
          resolve({ status: response.statusCode!, connection: response.headers.connection, body }),
        );
      })
      .on("error", reject);
  });
}

function shutdownWith(overrides: Partial<ShutdownOptions> = {}): {
  shutdown: Shutdown;
  lines: string[];
  events: string[];
} {
  const lines: string[] = [];
  const events: string[] = [];
  const shutdown = createShutdown({
    graceMs: 5_000,
    stopBackground: async () => void events.push("background stopped"),
    closeResources: async () => void events.push("resources closed"),
    log: (line) => lines.push(line),
    ...overrides,
  });
  cleanUps.push(() => shutdown.dispose());
  return { shutdown, lines, events };
}

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe("shutdown", () => {
  it("refuses new connections, lets the requests under way finish with Connection: close, waits for work after the answer, exits 0", async () => {
    const { port, begun } = await slowServer(300);
    const { shutdown, lines, events } = shutdownWith();
    const keepAlive = new http.Agent({ keepAlive: true });
    cleanUps.push(() => keepAlive.destroy());
    const plain = get(port);
    const reused = get(port, keepAlive);
    await until(() => begun() === 2);

    let afterAnswer = false;
    const stopped = shutdown.stop("SIGTERM");
    expect(shutdown.stopping).toBe(true);
    shutdown.finishBeforeExit(
      reused.then(
        () => new Promise<void>((resolve) => setTimeout(() => resolve(void (afterAnswer = true)), 200)),
      ),
    );
    await expect(get(port)).rejects.toMatchObject({ code: "ECONNREFUSED" });

    expect(await plain).toMatchObject({ status: 200, body: "ok" });
    expect(await reused).toEqual({ status: 200, connection: "close", body: "ok" });
    expect(await stopped).toBe(0);
    expect(afterAnswer).toBe(true);
    expect(events).toEqual(["background stopped", "resources closed"]);
    expect(lines[0]).toMatch(
      /^\[shutdown\] SIGTERM: no new connections; 2 request\(s\) under way, up to 5 s to finish$/,
    );
    expect(lines.at(-1)).toMatch(/^\[shutdown\] every request answered; stopped in \d+ ms$/);
    // A second signal (a shell's Ctrl+C reaches npm and the server) changes nothing.
    expect(shutdown.stop("SIGINT")).toBe(stopped);
  });

  it("answers a request sent on a keep-alive connection that was idle at the signal, and ends connections that stay idle after a second", async () => {
    const { port } = await slowServer(20);
    const { shutdown } = shutdownWith();
    const agents = [
      new http.Agent({ keepAlive: true, maxSockets: 1 }),
      new http.Agent({ keepAlive: true, maxSockets: 1 }),
    ];
    cleanUps.push(() => agents.forEach((agent) => agent.destroy()));
    for (const agent of agents)
      expect(await get(port, agent)).toMatchObject({ status: 200, connection: "keep-alive" });

    const started = Date.now();
    const stopped = shutdown.stop("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await get(port, agents[0])).toEqual({ status: 200, connection: "close", body: "ok" });
    expect(await stopped).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("gives the app's own work the deadline, and waits for it", async () => {
    let deadline = 0;
    let finished = false;
    const started = Date.now();
    const { shutdown } = shutdownWith({
      graceMs: 2_000,
      stopBackground: async (until) => {
        deadline = until;
        await new Promise((resolve) => setTimeout(resolve, 150));
        finished = true;
      },
    });
    expect(await shutdown.stop("SIGTERM")).toBe(0);
    expect(finished).toBe(true);
    expect(deadline - started).toBeGreaterThanOrEqual(2_000);
    expect(deadline - started).toBeLessThan(2_100);
  });

  it("exits 1 when the grace period ends with a request still under way, and closes the database anyway", async () => {
    const { port, begun } = await slowServer(60_000);
    const { shutdown, lines, events } = shutdownWith({ graceMs: 300 });
    const hanging = get(port).catch((error: NodeJS.ErrnoException) => error.code);
    await until(() => begun() === 1);
    const started = Date.now();
    expect(await shutdown.stop("SIGTERM")).toBe(1);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(events).toContain("resources closed");
    expect(lines.at(-1)).toMatch(
      /^\[shutdown\] 1 request\(s\) still under way after 0.3 s are cut; stopped in \d+ ms$/,
    );
    cleanUps.splice(0).forEach((cleanUp) => cleanUp());
    expect(await hanging).toBe("ECONNRESET");
  });

  it("stops at once when no request has come yet (no server seen)", async () => {
    const { shutdown, events } = shutdownWith();
    const started = Date.now();
    expect(await shutdown.stop("SIGTERM")).toBe(0);
    expect(Date.now() - started).toBeLessThan(500);
    expect(events).toEqual(["background stopped", "resources closed"]);
  });
});
