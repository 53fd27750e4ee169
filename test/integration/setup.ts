/**
 * Runs before each integration test file, in that file's own process: creates a fresh database for the
 * project's tier as a copy of the run's migrated template (global-setup.ts), points the app at it, and
 * deletes it when the file is done.
 * (If this file or the test file throws before the tests run, afterAll never runs; global-setup.ts
 * removes what is left at the end of the run.)
 */
import { afterAll, inject } from "vitest";
import { copyMigratedTemplate, setFileDatabase } from "./databases";

const database = await copyMigratedTemplate();

// app/_server/env.ts reads process.env once and caches it, so this must happen before any app module
// asks for it. A DATABASE_URL from the developer's shell must never reach the embedded tier.
if (database.target.kind === "postgres") {
  process.env.DATABASE_URL = database.target.url;
  delete process.env.DATA_DIR;
} else {
  delete process.env.DATABASE_URL;
  process.env.DATA_DIR = database.target.dataDir;
}

const { configuredTarget } = await import("@/app/_server/database/target");
const seen = configuredTarget();
if (JSON.stringify(seen) !== JSON.stringify(database.target)) {
  throw new Error(
    `The app would use ${JSON.stringify(seen)}, not the test database ${JSON.stringify(database.target)}.`,
  );
}

setFileDatabase({ ...database, appliedMigrations: inject("migratedTemplate").appliedMigrations });
// As a server does at start-up (app/_server/startup.ts): keys are derived from the app's secret, which
// must not be read for the first time inside a transaction on the embedded database's one connection.
const { loadKeys } = await import("@/app/_server/security/keys");
await loadKeys();

afterAll(async () => {
  const { disconnectDb } = await import("@/app/_server/db");
  const { closePGlite } = await import("@/app/_server/database/adapter");
  await disconnectDb();
  // diffSchemas gives the schema engine an in-memory PGlite it never closes.
  await closePGlite("memory://");
  await database.drop();
});
