import "server-only";
import pg from "pg";
import { env } from "../env";
import { isDatabaseUnavailable } from "./errors";

/**
 * Whether PostgreSQL answers, as cheaply as it can be known: one `SELECT 1` over a connection of its own,
 * remembered for a second while the answer is yes (so under load the probe runs once a second, not once a
 * request) and asked again at most every half second while it is no, so that pages come back within
 * about that long after the database does. Callers at the same moment share one probe.
 *
 * Used by proxy.ts to answer page requests with 503 during an outage (pages cannot set their own status);
 * route handlers and server actions need no probe, they map the failing query itself (asAppError).
 */

const HEALTHY_FOR_MS = 1_000;
const UNHEALTHY_FOR_MS = 500;
/** A server that accepts connections but does not answer counts as down after this long. */
const PROBE_TIMEOUT_MS = 2_000;

export type AvailabilityProbe = {
  /** True when the last probe (at most a second old, half a second while down) got an answer. */
  isAvailable(): Promise<boolean>;
  /** A query elsewhere failed for want of the database: down until the next probe says otherwise. */
  markUnavailable(): void;
  close(): Promise<void>;
};

export function availabilityProbe(
  connectionString: string,
  log: (line: string) => void = console.warn,
): AvailabilityProbe {
  const pool = new pg.Pool({
    connectionString,
    max: 1,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    query_timeout: PROBE_TIMEOUT_MS,
    allowExitOnIdle: true,
    application_name: "availability-probe",
  });
  // The server ending the idle connection (a restart) is what this probe exists to notice, not a crash.
  pool.on("error", () => {});

  let last: { healthy: boolean; at: number } | undefined;
  let inFlight: Promise<boolean> | undefined;

  async function probe(): Promise<boolean> {
    let healthy: boolean;
    let reason = "";
    try {
      await pool.query("SELECT 1");
      healthy = true;
    } catch (error) {
      healthy = false;
      reason = error instanceof Error ? error.message : String(error);
    }
    if (last && last.healthy !== healthy)
      log(healthy ? "Database reachable again" : `Database unavailable: ${reason}`);
    last = { healthy, at: Date.now() };
    return healthy;
  }

  return {
    isAvailable() {
      if (last && Date.now() - last.at < (last.healthy ? HEALTHY_FOR_MS : UNHEALTHY_FOR_MS))
        return Promise.resolve(last.healthy);
      inFlight ??= probe().finally(() => (inFlight = undefined));
      return inFlight;
    },
    markUnavailable() {
      if (last?.healthy !== false) log("Database unavailable: a query failed");
      last = { healthy: false, at: Date.now() };
    },
    close: () => pool.end(),
  };
}

const store = globalThis as unknown as { __availability?: AvailabilityProbe };

/**
 * The process's probe of DATABASE_URL, or null in embedded mode: PGlite runs inside this process, so
 * there is no server that could be away while the app is up.
 */
export function databaseAvailability(databaseUrl: string | undefined): AvailabilityProbe | null {
  if (!databaseUrl) return null;
  return (store.__availability ??= availabilityProbe(databaseUrl));
}

/** Marks the database down when `error` says it is away (a failed page render); anything else is ignored. */
export function noteDatabaseFailure(error: unknown): void {
  if (isDatabaseUnavailable(error)) databaseAvailability(env().DATABASE_URL)?.markUnavailable();
}
