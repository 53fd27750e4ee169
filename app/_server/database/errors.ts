import "server-only";

/**
 * Prisma's errors, recognised by their codes and meta (the generated error classes differ between
 * bundles, so `instanceof` is not reliable across the app, scripts and tests).
 */

/** A unique index refused the write; with `modelOrField`, only when its meta names that model or field. */
export function isUniqueViolation(error: unknown, modelOrField?: string): boolean {
  if (codeOf(error) !== "P2002") return false;
  return !modelOrField || JSON.stringify(metaOf(error)).includes(modelOrField);
}

/**
 * PostgreSQL ended the transaction to break a deadlock (40P01) or a serialization conflict (40001):
 * nothing was written, and running the transaction again is safe. The driver adapter reports both as
 * `TransactionWriteConflict`, as P2034 from model queries and inside P2010 from raw ones.
 */
export function isWriteConflict(error: unknown): boolean {
  const code = codeOf(error);
  return code === "P2034" || (code === "P2010" && JSON.stringify(metaOf(error)).includes("TransactionWriteConflict"));
}

function codeOf(error: unknown): unknown {
  return typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
}

function metaOf(error: unknown): unknown {
  return (error as { meta?: unknown }).meta ?? {};
}
