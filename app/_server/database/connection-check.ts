import "server-only";
import pg from "pg";
import { openPGlite, type DatabaseTarget } from "./adapter";
import { isDatabaseUnavailable } from "./errors";

/**
 * Why a command cannot use its database, in one sentence a person can act on, or null when it can.
 * Asked once before a command does anything, over a connection of its own: the errors of Prisma and of
 * the migration engine say the same things in several shapes and lines, and some of them deep inside a
 * run. The sentence names the host, port, database and user, never the password.
 */
export async function connectionProblem(
  target: DatabaseTarget,
  timeoutMs = CONNECT_TIMEOUT_MS,
): Promise<string | null> {
  return target.kind === "postgres" ? postgresProblem(target.url, timeoutMs) : pgliteProblem(target.dataDir);
}

/** A server that accepts the connection but does not answer counts as unreachable after this long. */
const CONNECT_TIMEOUT_MS = 5_000;

async function postgresProblem(url: string, timeoutMs: number): Promise<string | null> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
  });
  // A server that goes away after connecting makes the client emit 'error'; the query below reports it.
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return describePostgresError(error, url, timeoutMs);
  } finally {
    await client.end().catch(() => {});
  }
}

/** The parts of a connection string that may be shown. */
function address(url: string): { server: string; database: string; user: string } {
  const parsed = new URL(url);
  return {
    server: `${parsed.hostname || "localhost"}:${parsed.port || "5432"}`,
    database: decoded(parsed.pathname.slice(1)) || decoded(parsed.username) || "postgres",
    user: decoded(parsed.username) || "(none)",
  };
}

/** A part of the URL as a person wrote it: a broken %-escape stays as typed instead of throwing. */
function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function describePostgresError(error: unknown, url: string, timeoutMs = CONNECT_TIMEOUT_MS): string {
  const { server, database, user } = address(url);
  const code = (error as { code?: unknown }).code;
  if (code === "3D000")
    return `The database "${database}" does not exist on the PostgreSQL server at ${server}: create it (createdb ${database}) or correct DATABASE_URL.`;
  if (code === "28P01" || code === "28000")
    return `The PostgreSQL server at ${server} refused the user "${user}": check the user name and password in DATABASE_URL.`;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN")
    return `Cannot find the PostgreSQL server ${server} named in DATABASE_URL: check the host name.`;
  if (isDatabaseUnavailable(error)) {
    return `Cannot reach the PostgreSQL server at ${server} (${reason(error, timeoutMs)}): is it running, and is DATABASE_URL right?`;
  }
  return `Cannot use the database "${database}" on ${server}: ${withoutPassword(firstLine(error), url)}`;
}

function reason(error: unknown, timeoutMs: number): string {
  const code = (error as { code?: unknown }).code;
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ETIMEDOUT" || /timeout/i.test(firstLine(error)))
    return `no answer within ${timeoutMs / 1000} seconds`;
  return firstLine(error);
}

async function pgliteProblem(dataDir: string): Promise<string | null> {
  try {
    // The instance stays open for the command: PGlite allows one per folder and process, and it is shared.
    await openPGlite(dataDir).query("SELECT 1");
    return null;
  } catch (error) {
    return `Cannot open the embedded database in ${dataDir} (DATA_DIR): ${firstLine(error)}`;
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0]!.trim();
}

/** The text with the connection string's password, as written and decoded, replaced by "****". */
export function withoutPassword(text: string, url: string): string {
  let password = "";
  try {
    password = new URL(url).password;
  } catch {
    return text;
  }
  if (!password) return text;
  return [password, decoded(password)].reduce((result, secret) => result.split(secret).join("****"), text);
}
