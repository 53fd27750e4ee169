/**
 * What the fault scenarios of scripts/faults.ts share: their checks, the database and app they run
 * against, and the registration rush each of them sends.
 */
import { randomBytes } from "node:crypto";
import type pg from "pg";
import type { AppServer } from "../app-server";
import type { PrivateCluster } from "../private-postgres";
import type { RushAnswers } from "../rush";

export const MEETING = "2017";

/** The failed checks of the whole run: the script exits 1 when there is any. */
export const failures: string[] = [];
export function check(ok: boolean, what: string): void {
  console.log(`  ${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
}

/** Where a scenario runs: the private cluster, the app's port and environment, and what the rush books. */
export type Scenario = {
  cluster: PrivateCluster;
  /** A connection of its own, opened now: one open during an outage would have been ended by it. */
  connect: () => Promise<pg.Client>;
  port: number;
  /** The app's environment: the database, and no rate limit in the way of a rush. */
  env: Record<string, string>;
  cityIds: string[];
  sessionIds: string[];
};

export function newRush(scenario: Scenario, label: string): RushAnswers {
  return {
    label: `${label}${randomBytes(2).toString("hex")}`,
    sessionIds: scenario.sessionIds,
    answers: [],
    unexpected: {},
  };
}

/**
 * Runs a scenario's steps against the server `current()` returns (a scenario may restart it), prints
 * the server's output when a step throws, and stops the server at the end.
 */
export async function showingServerOutput(current: () => AppServer, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    console.error(current().output());
    throw error;
  } finally {
    await current().stop();
  }
}
