import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env, type DataKey } from "../env";
import { authSecret } from "./secret";

/**
 * Personal data that must be read back but is nobody's business who reads the database: a visa letter's
 * passport details. Each value is encrypted with AES-256-GCM under a random 96-bit IV and bound to its
 * owner (the registration's id as additional data, so a value copied into another row does not open),
 * and stored as `v1.<key id>.<iv>.<tag>.<ciphertext>`: the key id in front says which key opens it, so
 * keys can be rotated (VISA_DATA_KEYS lists the current key first and older ones after it).
 *
 * Without VISA_DATA_KEYS the key is derived from the app's secret (id "app"): values are never stored in
 * plain text, but with the secret kept in the database too (no AUTH_SECRET) the database alone opens them.
 * README "Configuration" says to set VISA_DATA_KEYS in production.
 */

const FORMAT = "v1";
const APP_KEY_ID = "app";

export type Keyring = { current: DataKey; keys: ReadonlyMap<string, Buffer> };

/** Why a stored value does not open: its key is no longer configured, or it was altered. */
export class UndecryptableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UndecryptableError";
  }
}

/** The keyring of `configured` keys (current first), with the app's derived key to read older values. */
export function keyringOf(configured: readonly DataKey[] | undefined, appKey: Buffer): Keyring {
  const app = { id: APP_KEY_ID, key: appKey };
  const all = [...(configured ?? []), app];
  return { current: all[0]!, keys: new Map(all.map(({ id, key }) => [id, key])) };
}

export function encryptWith(keyring: Keyring, plain: string, owner: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyring.current.key, iv);
  cipher.setAAD(Buffer.from(owner, "utf8"));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [
    FORMAT,
    keyring.current.id,
    ...[iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url")),
  ].join(".");
}

/** The key id a stored value names, or null for something this module did not write. */
export function keyIdOf(sealed: string): string | null {
  const [format, id] = sealed.split(".");
  return format === FORMAT && id ? id : null;
}

export function decryptWith(keyring: Keyring, sealed: string, owner: string): string {
  const [format, id, iv, tag, body, ...rest] = sealed.split(".");
  if (format !== FORMAT || !id || !iv || !tag || body === undefined || rest.length > 0)
    throw new UndecryptableError("The stored value is not in the format of encrypted data");
  const key = keyring.keys.get(id);
  if (!key)
    throw new UndecryptableError(
      `The stored value was encrypted with the key "${id}", which VISA_DATA_KEYS no longer lists`,
    );
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(owner, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    throw new UndecryptableError(
      `The stored value does not open with the key "${id}": it was altered, belongs to another record, or the key changed`,
    );
  }
}

/** The app's keyring: VISA_DATA_KEYS, and the key derived from the app's secret. */
export async function dataKeyring(): Promise<Keyring> {
  const secret = await authSecret();
  const appKey = Buffer.from(hkdfSync("sha256", secret, "alliance-meeting", "data:visa", 32));
  return keyringOf(env().VISA_DATA_KEYS, appKey);
}
