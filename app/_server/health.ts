import "server-only";
import { version } from "@/package.json";
import { connectionProblem } from "./database/connection-check";
import { configuredTarget } from "./database/target";
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from "./errors";
import { isShuttingDown } from "./shutdown";

/**
 * What GET /api/health tells a load balancer, an orchestrator or Docker's HEALTHCHECK: whether this
 * instance should get requests. Nothing about the data, no settings: the app's version and whether its
 * database answers.
 */
export type Health =
  | { status: 200; body: { status: "ok"; database: "up"; version: string } }
  | {
      status: 503;
      retryAfterSeconds?: number;
      body: { status: "unavailable"; database: "down" } | { status: "draining"; version: string };
    };

/**
 * A database that has not answered within this long counts as down: the caller (the container's
 * health check waits 4 s) must get an answer before it gives up on the instance itself.
 */
const CHECK_TIMEOUT_MS = 2_500;

export async function checkHealth({
  timeoutMs = CHECK_TIMEOUT_MS,
}: { timeoutMs?: number } = {}): Promise<Health> {
  // A stopping instance (shutdown.ts) is taken out of rotation, whatever its database says.
  if (isShuttingDown()) return { status: 503, body: { status: "draining", version } };
  if (await databaseAnswers(timeoutMs))
    return { status: 200, body: { status: "ok", database: "up", version } };
  return {
    status: 503,
    retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
    body: { status: "unavailable", database: "down" },
  };
}

// The check under way, shared: frequent checks, or several checkers, never pile up connections to a
// database that does not answer; each waits for it at most its own timeout.
const store = globalThis as unknown as { __healthCheck?: Promise<boolean>; __healthProblem?: string | null };

/**
 * `SELECT 1` over a connection of its own (database/connection-check.ts), with its own timeouts: not
 * through the app's pool, whose queue is long in a registration rush (a busy instance is not a broken
 * one) and whose stuck connection after an outage would keep saying "down". It reads no table. Each
 * change of what is wrong is written to the log once, without the password.
 */
async function databaseAnswers(timeoutMs: number): Promise<boolean> {
  const check = (store.__healthCheck ??= connectionProblem(configuredTarget(), timeoutMs)
    .then((problem) => {
      if (problem !== (store.__healthProblem ?? null))
        console.error(problem ? `[health] ${problem}` : "[health] the database answers again");
      store.__healthProblem = problem;
      return problem === null;
    })
    .finally(() => (store.__healthCheck = undefined)));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(resolve, timeoutMs, false)));
  try {
    return await Promise.race([check, late]);
  } finally {
    clearTimeout(timer);
  }
}
