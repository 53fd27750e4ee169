import "server-only";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory, type SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import type { DiffTarget, MigrationList, SchemaEngine as Engine } from "@prisma/schema-engine-wasm";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import { adapterFactory, type DatabaseTarget } from "./adapter";

/**
 * Prisma's own schema engine, in its WebAssembly build, driven through our driver adapters: it applies
 * migration folders exactly as `prisma migrate deploy` does (same `_prisma_migrations` rows and
 * checksums) and computes schema diffs, without the native binary that cannot be downloaded here.
 */

export const PRISMA_DIR = path.resolve(process.cwd(), "prisma");
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
/** The schema as of the newest migration: the starting point of the next diff. */
export const SNAPSHOT_PATH = path.join(MIGRATIONS_DIR, "schema.snapshot.prisma");

const NO_FILTER = { externalTables: [], externalEnums: [] };

// The package entry imports the .wasm as an ES module, which Node does not load; instantiate the
// module by hand and hand it to the generated bindings once per process. The bindings module is loaded
// once per process, while this one may be evaluated again (a dev-mode reload, a second module graph in
// the test runner): a second instantiation breaks the bindings, so the flag lives on globalThis.
const engineWasm = globalThis as unknown as { __schemaEngineWasm?: Promise<void> };

function loadWasm(): Promise<void> {
  engineWasm.__schemaEngineWasm ??= (async () => {
    // Resolved from the project root at run time; a bundled `require.resolve` would yield a module id.
    const resolver = createRequire(path.join(process.cwd(), "package.json"));
    const bindings = resolver.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(
      /* turbopackIgnore: true */ path.join(path.dirname(bindings), "schema_engine_bg.wasm"),
    );
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return engineWasm.__schemaEngineWasm;
}

async function withEngine<T>(target: DatabaseTarget, run: (engine: Engine) => Promise<T>): Promise<T> {
  await loadWasm();
  const schema = await readFile(/* turbopackIgnore: true */ SCHEMA_PATH, "utf8");
  const logs: string[] = [];
  // engine.free() does not dispose the adapters it connected. On PostgreSQL that leaves an idle connection
  // holding Prisma's migration advisory lock until the pool's idle timeout (10 s), and the next engine
  // in this process waits for it, close to Prisma's own 10 s lock timeout. Release them ourselves.
  const factory = adapterFactory(target);
  const connected: SqlDriverAdapter[] = [];
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    connected.push(adapter);
    return adapter;
  };
  const engine = (await bg.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    (line: string) => logs.push(line),
    bindMigrationAwareSqlAdapterFactory(factory),
  )) as Engine;
  try {
    return await run(engine);
  } catch (error) {
    throw new Error(`Schema engine failed: ${describe(error)}${logs.length ? `\n${logs.join("\n")}` : ""}`);
  } finally {
    engine.free();
    await Promise.all(connected.map((adapter) => adapter.dispose()));
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === "string" ? error : JSON.stringify(error);
}

/** The migration folders on disk (up to and including `upTo`, when given), in the shape the engine expects. */
export async function readMigrations(upTo?: string): Promise<MigrationList> {
  const dir = MIGRATIONS_DIR;
  // Read at run time from the project folder, not bundled: tell the bundler not to trace these paths.
  const entries = existsSync(/* turbopackIgnore: true */ dir)
    ? await readdir(/* turbopackIgnore: true */ dir, { withFileTypes: true })
    : [];
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => upTo === undefined || name <= upTo)
    .sort();
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(/* turbopackIgnore: true */ lockPath)
        ? await readFile(/* turbopackIgnore: true */ lockPath, "utf8")
        : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      folders.map(async (folder) => ({
        path: folder,
        migrationFile: {
          path: "migration.sql",
          content: {
            tag: "ok" as const,
            value: await readFile(
              /* turbopackIgnore: true */ path.join(dir, folder, "migration.sql"),
              "utf8",
            ),
          },
        },
      })),
    ),
  };
}

/**
 * Applies pending migrations; returns the names of those it applied (none on a second run). `upTo`: only
 * as far as that one (a test of a data migration writes rows the way the schema before it held them).
 */
export async function applyMigrations(target: DatabaseTarget, upTo?: string): Promise<string[]> {
  const migrationsList = await readMigrations(upTo);
  return withEngine(target, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return appliedMigrationNames;
  });
}

/** Drops everything in the database's schema, then applies all migrations. */
export async function resetDatabase(target: DatabaseTarget): Promise<string[]> {
  await withEngine(target, (engine) => engine.reset({ filter: NO_FILTER }));
  return applyMigrations(target);
}

/**
 * SQL that takes a database from schema `from` to schema `to` (Prisma schema texts; null is the empty
 * database). Needs no database: the adapter is only there because the engine asks for one.
 */
export async function diffSchemas(from: string | null, to: string): Promise<string> {
  const asTarget = (content: string | null): DiffTarget =>
    content === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content }] };
  return withEngine({ kind: "pglite", dataDir: "memory://" }, async (engine) => {
    const { stdout } = await engine.diff({
      from: asTarget(from),
      to: asTarget(to),
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return stdout ?? "";
  });
}

/** True when the SQL of a diff does nothing. */
export function isEmptyMigration(sql: string): boolean {
  return sql.replace(/--.*$/gm, "").trim() === "";
}
