import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { AppError } from "../errors";
import { db, type Prisma } from "../db";

/**
 * Idempotent requests (the `Idempotency-Key` header, the form's one-time token). The first request
 * inserts the key inside its own transaction, so a concurrent retry waits on the unique index and then
 * finds the stored answer. The answer holds the manage link, so it is stored encrypted (AES-256-GCM)
 * with a key derived from the idempotency key: the database alone cannot open it.
 */

export type IdempotencyClaim = { id: string; requestHash: string; secret: Buffer };

const sha256 = (...parts: string[]) => createHash("sha256").update(parts.join("\u0000")).digest();

export function idempotencyClaim(scope: string, key: string, request: unknown): IdempotencyClaim {
  return {
    id: sha256("id", scope, key).toString("hex"),
    requestHash: sha256("request", JSON.stringify(request)).toString("hex"),
    secret: sha256("secret", scope, key),
  };
}

/** Takes the key for this transaction; throws Prisma's unique violation (P2002) when it is taken. */
export async function claimKey(tx: Prisma.TransactionClient, claim: IdempotencyClaim): Promise<void> {
  await tx.idempotencyKey.create({ data: { id: claim.id, requestHash: claim.requestHash, response: Buffer.alloc(0) } });
}

export async function storeAnswer(tx: Prisma.TransactionClient, claim: IdempotencyClaim, registrationId: string, answer: unknown) {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", claim.secret, iv);
  const sealed = Buffer.concat([iv, cipher.update(JSON.stringify(answer), "utf8"), cipher.final(), cipher.getAuthTag()]);
  await tx.idempotencyKey.update({ where: { id: claim.id }, data: { registrationId, response: sealed } });
}

/** How long a key is remembered: retries come within minutes; a day covers a client's back-off. */
const KEPT_MS = 24 * 60 * 60 * 1000;

/** Forgets keys past their time (the stored answers hold registration ids, personal data). */
export async function purgeExpiredKeys(now: Date): Promise<void> {
  await db.idempotencyKey.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - KEPT_MS) } } });
}

/** The answer stored for an earlier request with the same key; `idempotency_conflict` if that request differed. */
export async function storedAnswer<T>(client: Pick<Prisma.TransactionClient, "idempotencyKey">, claim: IdempotencyClaim): Promise<T | null> {
  const row = await client.idempotencyKey.findUnique({ where: { id: claim.id } });
  if (!row) return null;
  if (row.requestHash !== claim.requestHash) {
    throw new AppError("idempotency_conflict", "This Idempotency-Key was used for a different request");
  }
  const sealed = Buffer.from(row.response);
  const decipher = createDecipheriv("aes-256-gcm", claim.secret, sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  const plain = Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
  return JSON.parse(plain.toString("utf8")) as T;
}
