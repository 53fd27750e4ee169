/**
 * Once per integration project and run, in the main Vitest process: a run id and a temp folder that the
 * per-file databases are named after, the migrated template they copy, and, at the end, removal of whatever a crashed test file left
 * behind. A test file that throws while being imported never runs its afterAll hooks.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createMigratedTemplate, templateName } from "./databases";

export default async function setup(project: TestProject) {
  const runId = randomBytes(4).toString("hex");
  const tempRoot = await mkdtemp(path.join(os.tmpdir(), `alliance-test-${runId}-`));
  project.provide("runId", runId);
  project.provide("tempRoot", tempRoot);
  // vitest.config.ts provides both; the empty URL is what it gives when the PostgreSQL tier does not run.
  const { dbTier, testDatabaseUrl: adminUrl = "" } = project.config.provide;
  if (!dbTier) throw new Error("vitest.config.ts gives this integration project no provide.dbTier");

  const teardown = async () => {
    await rm(tempRoot, { recursive: true, force: true });
    if (dbTier !== "postgres" || !adminUrl) return;
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE $1",
        [`test\\_${runId}\\_%`],
      );
      for (const { datname } of rows) {
        if (datname !== templateName(runId)) {
          console.warn(`Dropping database ${datname}, left behind by a test file that did not finish.`);
        }
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    } finally {
      await client.end();
    }
  };

  try {
    project.provide("migratedTemplate", await createMigratedTemplate(dbTier, { tempRoot, adminUrl, runId }));
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
