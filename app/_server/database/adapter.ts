import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

/**
 * Where the data lives: a PostgreSQL server (`url`) or an embedded PGlite folder (`dataDir`).
 * Everything above this module is identical for both.
 */
export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

// PGlite allows one instance per data folder and process: the Prisma client and the migration engine
// must share it. Kept on globalThis so that dev-mode module reloads reuse it too.
const store = globalThis as unknown as { __pglite?: Map<string, PGlite> };

export function openPGlite(dataDir: string): PGlite {
  store.__pglite ??= new Map();
  const key = dataDir === "memory://" ? dataDir : path.resolve(dataDir);
  let instance = store.__pglite.get(key);
  if (!instance) {
    if (key !== "memory://") mkdirSync(key, { recursive: true });
    instance = new PGlite(key);
    store.__pglite.set(key, instance);
  }
  return instance;
}

export async function closePGlite(dataDir: string): Promise<void> {
  const key = dataDir === "memory://" ? dataDir : path.resolve(dataDir);
  const instance = store.__pglite?.get(key);
  store.__pglite?.delete(key);
  await instance?.close();
}

export function adapterFactory(target: DatabaseTarget): SqlMigrationAwareDriverAdapterFactory {
  return target.kind === "postgres"
    ? new PrismaPg({ connectionString: target.url, max: 10 })
    : new PrismaPGlite(openPGlite(target.dataDir));
}
