import "server-only";
import { adapterFactory } from "./database/adapter";
import { configuredTarget } from "./database/target";
import { PrismaClient } from "./generated/prisma/client";

/**
 * The one Prisma client of the process: PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise.
 * Created on first use, not on import, so that `next build` (which imports every route) never opens the
 * database; cached on globalThis so that development reloads do not open new pools.
 */
const cache = globalThis as unknown as { __prisma?: PrismaClient };

function client(): PrismaClient {
  return (cache.__prisma ??= new PrismaClient({ adapter: adapterFactory(configuredTarget()) }));
}

export const db = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const instance = client();
    const value = Reflect.get(instance, property, instance);
    return typeof value === "function" ? value.bind(instance) : value;
  },
});

/** Closes the client if this process opened it (scripts and tests; the server keeps it for its life). */
export async function disconnectDb(): Promise<void> {
  const instance = cache.__prisma;
  cache.__prisma = undefined;
  await instance?.$disconnect();
}

export type Db = PrismaClient;
export type { Prisma } from "./generated/prisma/client";
