/**
 * Throw-away databases for integration tests: an embedded PGlite folder in a temp directory, or a database
 * created on the PostgreSQL server that TEST_DATABASE_URL points at and dropped afterwards.
 * App modules are only imported inside functions, so that the per-file setup can set the environment
 * before the first of them loads.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import type { DatabaseTarget } from "@/app/_server/database/adapter";

export type Tier = "pglite" | "postgres";

declare module "vitest" {
  export interface ProvidedContext {
    dbTier: Tier;
    /** Empty when the PostgreSQL tier does not run. */
    testDatabaseUrl: string;
    /** Set by global-setup.ts: names this run's databases, so that leftovers can be found. */
    runId: string;
    /** Set by global-setup.ts: holds this run's PGlite folders; removed at the end of the run. */
    tempRoot: string;
  }
}

export interface TestDatabase {
  tier: Tier;
  target: DatabaseTarget;
  /** One statement, optionally with $1… parameters; returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** A script of any number of statements. */
  exec(sql: string): Promise<void>;
  /** Closes every connection this process holds to it and deletes it. */
  drop(): Promise<void>;
}

/** A new, empty database of the current project's tier. */
export async function createTestDatabase(): Promise<TestDatabase> {
  return inject("dbTier") === "pglite"
    ? createPGliteDatabase(inject("tempRoot"))
    : createPostgresDatabase(inject("testDatabaseUrl"), inject("runId"));
}

async function createPGliteDatabase(tempRoot: string): Promise<TestDatabase> {
  const dataDir = await mkdtemp(path.join(tempRoot, "pglite-"));
  // The app's own instance registry: PGlite allows one instance per folder, shared with Prisma and the
  // migration engine.
  const { openPGlite, closePGlite } = await import("@/app/_server/database/adapter");
  return {
    tier: "pglite",
    target: { kind: "pglite", dataDir },
    async query<Row>(sql: string, params?: unknown[]) {
      return (await openPGlite(dataDir).query<Row>(sql, params)).rows;
    },
    async exec(sql) {
      await openPGlite(dataDir).exec(sql);
    },
    async drop() {
      await closePGlite(dataDir);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function createPostgresDatabase(adminUrl: string, runId: string): Promise<TestDatabase> {
  if (!adminUrl) throw new Error("The PostgreSQL tier needs TEST_DATABASE_URL.");
  const name = `test_${runId}_${randomBytes(4).toString("hex")}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let client: pg.Client | undefined;
  const connection = async () => {
    if (!client) {
      client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
    }
    return client;
  };
  return {
    tier: "postgres",
    target: { kind: "postgres", url: url.toString() },
    async query<Row>(sql: string, params?: unknown[]) {
      return (await (await connection()).query(sql, params)).rows as Row[];
    },
    async exec(sql) {
      // Without parameters pg uses the simple query protocol, which takes several statements at once.
      await (await connection()).query(sql);
    },
    async drop() {
      await client?.end();
      client = undefined;
      // FORCE: pools the code under test left open (the migration engine's, for one) must not keep it alive.
      await withClient(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The database the current test file runs against, prepared by test/integration/setup.ts. */
export interface FileDatabase extends TestDatabase {
  /** What applyMigrations returned on the empty database. */
  appliedMigrations: string[];
}

const slot = globalThis as unknown as { __testDatabase?: FileDatabase };

export function setFileDatabase(database: FileDatabase): void {
  slot.__testDatabase = database;
}

export function fileDatabase(): FileDatabase {
  if (!slot.__testDatabase) throw new Error("No test database: is test/integration/setup.ts in setupFiles?");
  return slot.__testDatabase;
}
