import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db";
import { env } from "../env";

let cached: Promise<string> | undefined;

/**
 * The key that signs organizer sessions: AUTH_SECRET when set, otherwise one made on first use and kept
 * in the database, so that every instance signs with the same key and sessions survive restarts without
 * any set-up. Whoever can read the database could forge a session with it, but could read everything
 * anyway; set AUTH_SECRET to keep the two apart.
 */
export function authSecret(): Promise<string> {
  return (cached ??= load().catch((error: unknown) => {
    cached = undefined;
    throw error;
  }));
}

async function load(): Promise<string> {
  const configured = env().AUTH_SECRET;
  if (configured) return configured;
  await db.appSecret.createMany({ data: [{ name: "auth", value: randomBytes(32).toString("base64url") }], skipDuplicates: true });
  const { value } = await db.appSecret.findUniqueOrThrow({ where: { name: "auth" } });
  return value;
}
