import "server-only";

/**
 * Prisma's errors, recognised by their codes and meta (the generated error classes differ between
 * bundles, so `instanceof` is not reliable across the app, scripts and tests).
 */

/**
 * A unique index refused the write; with `modelOrField`, only when its meta names that model or field
 * (a raw query's error names the index, "Registration_meetingId_activeEmail_key"). Model queries report
 * P2002, raw ones P2010 with PostgreSQL's 23505.
 */
export function isUniqueViolation(error: unknown, modelOrField?: string): boolean {
  const code = codeOf(error);
  const meta = JSON.stringify(metaOf(error));
  if (code !== "P2002" && !(code === "P2010" && meta.includes('"originalCode":"23505"'))) return false;
  return !modelOrField || meta.includes(modelOrField);
}

/**
 * PostgreSQL ended the transaction to break a deadlock (40P01) or a serialization conflict (40001):
 * nothing was written, and running the transaction again is safe. The driver adapter reports both as
 * `TransactionWriteConflict`, as P2034 from model queries and inside P2010 from raw ones.
 */
export function isWriteConflict(error: unknown): boolean {
  const code = codeOf(error);
  return (
    code === "P2034" ||
    (code === "P2010" && JSON.stringify(metaOf(error)).includes("TransactionWriteConflict"))
  );
}

/** Prisma gave up on an interactive transaction: no connection within maxWait, or not done within its timeout. */
export function isTransactionTimeout(error: unknown): boolean {
  return codeOf(error) === "P2028";
}

/**
 * A table does not exist: a PostgreSQL database that nobody has migrated. Model queries report P2021,
 * raw ones P2010 with PostgreSQL's 42P01.
 */
export function isMissingTable(error: unknown): boolean {
  return (
    codeOf(error) === "P2021" ||
    (codeOf(error) === "P2010" && JSON.stringify(metaOf(error)).includes("42P01"))
  );
}

function codeOf(error: unknown): unknown {
  return typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
}

function metaOf(error: unknown): unknown {
  return (error as { meta?: unknown }).meta ?? {};
}

/** Prisma's codes for a server it cannot reach (P1001), that timed out (P1002, P1008) or closed the connection (P1017). */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017"]);
/** The driver adapter's kinds for the same, inside `meta.driverAdapterError.cause` (raw queries report them as P2010). */
const UNAVAILABLE_ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
/** Socket errors of the `pg` driver itself (seen by code that uses it directly, such as the availability probe). */
const UNAVAILABLE_SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
/**
 * What `pg` throws, without any code, when a socket closes under it ("Connection terminated
 * unexpectedly"), a connection attempt runs past `connectionTimeoutMillis` ("… due to connection
 * timeout"; "timeout expired" from a client's own limit, as the app's clients have; "timeout exceeded
 * when trying to connect" from the pool), or a dead client is reused. The adapter passes these on
 * unmapped, so their fixed texts are all there is to go by.
 */
const UNAVAILABLE_DRIVER_MESSAGES =
  /^(Connection terminated|timeout expired$|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/**
 * The database cannot be reached right now, through no fault of the request: refused, reset or timed-out
 * connections, and a server shutting down or starting up (SQLSTATE 57P01 admin shutdown, 57P02 crash
 * shutdown, 57P03 cannot connect now, class 08 connection exception; 53300 too many connections). Worth
 * a 503 and a retry, never a 500. Shapes as provoked against a stopped server and a closed port:
 * P1001 with `DatabaseNotReachable` (model queries, transactions), P2010 with the same kind or with the
 * SQLSTATE (raw queries), P2039 with the SQLSTATE (model queries), and pg's bare Errors above.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = codeOf(error);
  if (
    typeof code === "string" &&
    (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code) || isUnavailableSqlState(code))
  )
    return true;
  const cause = (
    metaOf(error) as {
      driverAdapterError?: { cause?: { kind?: unknown; code?: unknown; originalCode?: unknown } };
    }
  ).driverAdapterError?.cause;
  if (
    cause &&
    (UNAVAILABLE_ADAPTER_KINDS.has(String(cause.kind)) ||
      isUnavailableSqlState(cause.originalCode ?? cause.code))
  )
    return true;
  const message = (error as { message?: unknown }).message;
  return code === undefined && typeof message === "string" && UNAVAILABLE_DRIVER_MESSAGES.test(message);
}

function isUnavailableSqlState(code: unknown): boolean {
  return typeof code === "string" && /^(57P0[123]|08[0-9A-Z]{3}|53300)$/.test(code);
}
