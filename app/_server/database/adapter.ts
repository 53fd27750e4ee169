import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPgWholeScripts } from "./pg-whole-scripts";

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

/**
 * The pool's behaviour when the server goes away. `pg` waits for a connection forever by default: a
 * server that accepts but does not answer would hang every request, so each new connection gives up
 * after a few seconds (a refused one fails at once anyway) and the request answers 503. Waiting for a
 * free connection of the pool is another matter: in a registration rush hundreds of requests queue for
 * the ten connections, as long as a transaction may wait (registration/transaction.ts), so the pool's
 * own timeout, which bounds that queue, is that long. Idle connections that the server ends (a restart,
 * pg_terminate_backend) emit 'error' on the pool; PrismaPg listens for it, so the process survives, and
 * we only note it (`onPoolError`).
 */
const CONNECT_TIMEOUT_MS = 3_000;
const POOL_QUEUE_TIMEOUT_MS = 15_000;

class QuickConnectClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super({
      ...(typeof config === "string" ? { connectionString: config } : config),
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
  }
}

export function adapterFactory(target: DatabaseTarget): SqlMigrationAwareDriverAdapterFactory {
  return target.kind === "postgres"
    ? new PrismaPgWholeScripts(
        {
          connectionString: target.url,
          // Every instant column is timestamptz. Prisma's adapters send an instant as UTC text without a
          // zone and read a timestamptz back as if its offset were UTC: both right only in a UTC session,
          // whatever the server's own `timezone` (PGlite's sessions are UTC already).
          options: "-c TimeZone=UTC",
          max: 10,
          connectionTimeoutMillis: POOL_QUEUE_TIMEOUT_MS,
          Client: QuickConnectClient,
        },
        { onPoolError: (error) => console.warn(`PostgreSQL closed an idle connection: ${error.message}`) },
      )
    : new PrismaPGlite(openPGlite(target.dataDir));
}
