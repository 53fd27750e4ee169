import "server-only";
import { version } from "@/package.json";
import { isDatabaseUnavailable } from "./database/errors";
import { db } from "./db";
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from "./errors";
import { isShuttingDown } from "./shutdown";

/**
 * What GET /api/health tells a load balancer, an orchestrator or Docker's HEALTHCHECK: whether this
 * instance should get requests. Nothing about the data, no settings: the app's version and whether its
 * database answers.
 */
export type Health =
  | { status: 200; body: { status: "ok"; database: "up"; version: string } }
  | { status: 503; retryAfterSeconds?: number; body: { status: "unavailable"; database: "down" } | { status: "draining"; version: string } };

/**
 * A database that has not answered within this long counts as down: the caller (the container's
 * health check waits 4 s) must get an answer before it gives up on the instance itself.
 */
const CHECK_TIMEOUT_MS = 2_500;

export async function checkHealth({ timeoutMs = CHECK_TIMEOUT_MS }: { timeoutMs?: number } = {}): Promise<Health> {
  // A stopping instance (shutdown.ts) is taken out of rotation, whatever its database says.
  if (isShuttingDown()) return { status: 503, body: { status: "draining", version } };
  if (await databaseAnswers(timeoutMs)) return { status: 200, body: { status: "ok", database: "up", version } };
  return { status: 503, retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS, body: { status: "unavailable", database: "down" } };
}

// The SELECT 1 under way, shared: frequent checks, or several checkers, never pile up queries behind a
// database that does not answer; each waits for it at most its own timeout.
const store = globalThis as unknown as { __healthQuery?: Promise<boolean> };

/**
 * `SELECT 1` through the app's own client, so over the same pool and driver the requests use: it reads
 * no table. A failure that is not an outage (a bug, a misconfiguration) is written to the log as one
 * line; an outage is the availability probe's to report (database/availability.ts).
 */
async function databaseAnswers(timeoutMs: number): Promise<boolean> {
  const query = (store.__healthQuery ??= db.$queryRaw`SELECT 1`.then(
    () => true,
    (error: unknown) => {
      if (!isDatabaseUnavailable(error)) console.error(`[health] SELECT 1 failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      return false;
    },
  ).finally(() => (store.__healthQuery = undefined)));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(resolve, timeoutMs, false)));
  try {
    return await Promise.race([query, late]);
  } finally {
    clearTimeout(timer);
  }
}
