import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db";
import { env } from "../env";

/**
 * Kept on globalThis: Next bundles the start-up (instrumentation) and the pages apart, each with its own
 * copy of this module, and the secret read at start-up must be the one the pages find (see loadKeys).
 */
const state = globalThis as unknown as { __authSecret?: Promise<string> };

/**
 * The app's secret: it signs organizer sessions, and every other key is derived from it
 * (security/keys.ts: rate-limit digests, session handles, recovery codes, the sealed two-factor seeds).
 * AUTH_SECRET when set, otherwise one made on first use and kept in the database, so that every instance
 * has the same and nothing needs setting up. Kept in the database, it protects nothing from whoever can
 * read the database; set AUTH_SECRET in production to keep the two apart.
 */
export function authSecret(): Promise<string> {
  return (state.__authSecret ??= load().catch((error: unknown) => {
    state.__authSecret = undefined;
    throw error;
  }));
}

async function load(): Promise<string> {
  const configured = env().AUTH_SECRET;
  if (configured) return configured;
  await db.appSecret.createMany({
    data: [{ name: "auth", value: randomBytes(32).toString("base64url") }],
    skipDuplicates: true,
  });
  const { value } = await db.appSecret.findUniqueOrThrow({ where: { name: "auth" } });
  return value;
}
