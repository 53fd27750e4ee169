import "server-only";
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "./secret";

/**
 * Keys for other purposes than signing sessions, each derived from the app's secret (AUTH_SECRET, or the
 * one the app keeps in its database) with HKDF under its own name, so that no two uses share a key and
 * none of them reveals the secret.
 */

/**
 * Reads the app's secret now, before any transaction needs a key: reading it inside one would wait for a
 * second connection, which the embedded database does not have. Servers call this at start-up
 * (startup.ts), commands before their transactions.
 */
export async function loadKeys(): Promise<void> {
  await authSecret();
}

async function derivedKey(purpose: string): Promise<Buffer> {
  const secret = await authSecret();
  // Derived once per secret and purpose: a registration rush asks for a digest with every request.
  const name = `${purpose}\n${secret}`;
  let key = derived.get(name);
  if (!key)
    derived.set(name, (key = Buffer.from(hkdfSync("sha256", secret, "alliance-meeting", purpose, 32))));
  return key;
}

const derived = new Map<string, Buffer>();

/**
 * A keyed digest of a value (22 base64url characters, 132 bits): the same value gives the same digest, and
 * without the app's secret nobody can tell which value it came from, not even by trying every IPv4 address.
 */
export async function keyedDigest(purpose: string, value: string): Promise<string> {
  return createHmac("sha256", await derivedKey(`digest:${purpose}`))
    .update(value)
    .digest("base64url")
    .slice(0, 22);
}

/**
 * A link token (the shape of tokens.ts's newToken: 256 bits, 43 base64url characters) derived from a value:
 * the same value gives the same token, so it can be shown again without being stored; without the app's
 * secret nobody can make one.
 */
export async function derivedToken(purpose: string, value: string): Promise<string> {
  return createHmac("sha256", await derivedKey(`token:${purpose}`))
    .update(value)
    .digest("base64url");
}

const SEAL_VERSION = "v1";

/**
 * A secret the app must read back (a two-factor seed), encrypted with AES-256-GCM: with AUTH_SECRET
 * set, a copy of the database does not give it away (without it, the key is in the same database).
 * Changing AUTH_SECRET makes sealed values unreadable (`unseal` answers null).
 */
export async function seal(purpose: string, plain: string): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", await derivedKey(`seal:${purpose}`), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [SEAL_VERSION, iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** The value `seal` sealed for this purpose, or null when it was sealed with another key or altered. */
export async function unseal(purpose: string, sealed: string): Promise<string | null> {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== SEAL_VERSION || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv(
      "aes-256-gcm",
      await derivedKey(`seal:${purpose}`),
      Buffer.from(iv, "base64url"),
    );
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    return null;
  }
}
