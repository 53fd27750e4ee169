import "server-only";
import pg from "pg";
import type { DatabaseTarget } from "../database/adapter";

/**
 * One retention run at a time. Across processes (two cron jobs that overlap, two app servers each with
 * its own cron) a PostgreSQL advisory lock decides: a session lock on a connection of its own, held for
 * the whole run and released by PostgreSQL itself if the process dies. The embedded database is opened
 * by one process only, so there the guard within the process is all there is.
 */

/** Any fixed number: all runs must ask for the same one. "retn" in ASCII. */
const RETENTION_LOCK_KEY = 0x7265746e;

let runningHere = false;

/** Runs `work` holding the lock, or returns "busy" at once when another run holds it. */
export async function withRetentionLock<T>(
  target: DatabaseTarget,
  work: () => Promise<T>,
): Promise<T | "busy"> {
  // Set before the first await, so that a second call in this process sees it at once.
  if (runningHere) return "busy";
  runningHere = true;
  try {
    if (target.kind === "pglite") return await work();
    const connection = new pg.Client({ connectionString: target.url });
    await connection.connect();
    try {
      const { rows } = await connection.query<{ locked: boolean }>(
        "SELECT pg_try_advisory_lock($1) AS locked",
        [RETENTION_LOCK_KEY],
      );
      if (!rows[0]?.locked) return "busy";
      try {
        return await work();
      } finally {
        await connection.query("SELECT pg_advisory_unlock($1)", [RETENTION_LOCK_KEY]);
      }
    } finally {
      await connection.end();
    }
  } finally {
    runningHere = false;
  }
}

export { RETENTION_LOCK_KEY };
