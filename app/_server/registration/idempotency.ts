import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { insertRows } from "../database/insert-rows";
import { AppError } from "../errors";
import type { Prisma } from "../db";

/**
 * Idempotent requests (the `Idempotency-Key` header, the form's one-time token). The key is inserted,
 * with its answer, in the transaction that does the request's work. A concurrent retry that does the
 * work again meets the first one's rows on a unique index (the key's, or the registration's email),
 * waits for it to commit, fails, and then finds the stored answer. The answer holds the manage link, so
 * it is stored encrypted (AES-256-GCM) with a key derived from the idempotency key: the database alone
 * cannot open it.
 */

export type IdempotencyClaim = { id: string; requestHash: string; secret: Buffer };

const sha256 = (...parts: string[]) => createHash("sha256").update(parts.join("\u0000")).digest();

export function idempotencyClaim(scope: string, key: string, request: unknown): IdempotencyClaim {
  return {
    id: sha256("id", scope, key).toString("hex"),
    // Keyed with the idempotency key's secret: a request holds passport details, and a plain hash of it
    // could be matched against guesses by whoever reads the table.
    requestHash: sha256(
      "request",
      sha256("secret", scope, key).toString("hex"),
      JSON.stringify(request),
    ).toString("hex"),
    secret: sha256("secret", scope, key),
  };
}

type Client = Pick<Prisma.TransactionClient, "idempotencyKey">;

/** Stores the answers to requests, each under its claim, with one statement. */
export async function storeAnswers(
  tx: Prisma.TransactionClient,
  answers: { claim: IdempotencyClaim; registrationId: string; answer: unknown }[],
  now: Date,
): Promise<void> {
  await insertRows(
    tx,
    "IdempotencyKey",
    answers.map(({ claim, registrationId, answer }) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", claim.secret, iv);
      const sealed = Buffer.concat([
        iv,
        cipher.update(JSON.stringify(answer), "utf8"),
        cipher.final(),
        cipher.getAuthTag(),
      ]);
      return {
        id: claim.id,
        requestHash: claim.requestHash,
        registrationId,
        response: sealed,
        createdAt: now,
      } satisfies Prisma.IdempotencyKeyCreateManyInput;
    }),
  );
}

/** How long a key is remembered: retries come within minutes; a day covers a client's back-off. */
const KEPT_MS = 24 * 60 * 60 * 1000;

/** Forgets keys past their time (the stored answers hold registration ids, personal data). */
export async function purgeExpiredKeys(client: Client, now: Date): Promise<void> {
  await client.idempotencyKey.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - KEPT_MS) } } });
}

/**
 * What was answered to earlier requests with the same keys, by claim id: the answer, or
 * `idempotency_conflict` if that request differed. Claims without an earlier request are left out.
 */
export async function storedAnswers<T>(
  client: Client,
  claims: IdempotencyClaim[],
): Promise<Map<string, T | AppError>> {
  if (claims.length === 0) return new Map();
  const rows = await client.idempotencyKey.findMany({
    where: { id: { in: claims.map((claim) => claim.id) } },
  });
  const byId = new Map(claims.map((claim) => [claim.id, claim]));
  return new Map(rows.map((row) => [row.id, openAnswer<T>(byId.get(row.id)!, row)]));
}

function openAnswer<T>(
  claim: IdempotencyClaim,
  row: { requestHash: string; response: Uint8Array },
): T | AppError {
  if (row.requestHash !== claim.requestHash) {
    return new AppError("idempotency_conflict", "This Idempotency-Key was used for a different request");
  }
  const sealed = Buffer.from(row.response);
  const decipher = createDecipheriv("aes-256-gcm", claim.secret, sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  const plain = Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
  return JSON.parse(plain.toString("utf8")) as T;
}
