/**
 * Throw-away databases for integration tests: an embedded PGlite folder in a temp directory, or a database
 * created on the PostgreSQL server that TEST_DATABASE_URL points at and dropped afterwards.
 * App modules are only imported inside functions, so that the per-file setup can set the environment
 * before the first of them loads.
 */
import { randomBytes } from "node:crypto";
import { cp, mkdtemp, rm } from "node:fs/promises";
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
    /** Set by global-setup.ts: the run's migrated database (a PGlite folder or a PostgreSQL URL). */
    migratedTemplate: MigratedTemplate;
  }
}

/**
 * A database migrated once per run and tier, which each test file's database copies: applying the
 * migrations through the WebAssembly schema engine costs seconds per file, a copy a fraction of that.
 */
export interface MigratedTemplate {
  target: DatabaseTarget;
  /** What applyMigrations returned on the empty database. */
  appliedMigrations: string[];
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

/** A new database of the current project's tier, with every migration applied: a copy of the run's template. */
export async function copyMigratedTemplate(): Promise<TestDatabase> {
  const { target } = inject("migratedTemplate");
  return target.kind === "pglite"
    ? createPGliteDatabase(inject("tempRoot"), target.dataDir)
    : createPostgresDatabase(
        inject("testDatabaseUrl"),
        inject("runId"),
        new URL(target.url).pathname.slice(1),
      );
}

/** Once per run and tier (global-setup.ts): a database of that tier with every migration applied. */
export async function createMigratedTemplate(
  tier: Tier,
  options: { tempRoot: string; adminUrl: string; runId: string },
): Promise<MigratedTemplate> {
  const { applyMigrations } = await import("@/app/_server/database/migrations");
  const { closePGlite } = await import("@/app/_server/database/adapter");
  const target: DatabaseTarget =
    tier === "pglite"
      ? { kind: "pglite", dataDir: await mkdtemp(path.join(options.tempRoot, "template-")) }
      : { kind: "postgres", url: await createPostgresTemplate(options.adminUrl, options.runId) };
  const appliedMigrations = await applyMigrations(target);
  // A PGlite folder is copied file by file and PostgreSQL copies only a template nobody is connected to:
  // close the engine's instance (on PostgreSQL, applyMigrations has already closed its connections).
  if (target.kind === "pglite") await closePGlite(target.dataDir);
  return { target, appliedMigrations };
}

/** The PostgreSQL template's name: `test_{runId}_…` like the files' databases, so a crashed run's is found too. */
export const templateName = (runId: string) => `test_${runId}_template`;

async function createPostgresTemplate(adminUrl: string, runId: string): Promise<string> {
  const name = templateName(runId);
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function createPGliteDatabase(tempRoot: string, template?: string): Promise<TestDatabase> {
  const dataDir = await mkdtemp(path.join(tempRoot, "pglite-"));
  if (template) await cp(template, dataDir, { recursive: true });
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

async function createPostgresDatabase(
  adminUrl: string,
  runId: string,
  template?: string,
): Promise<TestDatabase> {
  if (!adminUrl) throw new Error("The PostgreSQL tier needs TEST_DATABASE_URL.");
  const name = `test_${runId}_${randomBytes(4).toString("hex")}`;
  const copy = template ? ` TEMPLATE "${template}"` : "";
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"${copy}`));
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
