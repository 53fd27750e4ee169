/**
 * How the commands a person runs (db, admin:create, retention) start and end: the database checked before
 * anything is done, every failure one sentence on stderr with no stack trace and no password, the
 * database closed, and the exit code of the command. Only for scripts run with the react-server condition.
 */
import { closePGlite, type DatabaseTarget } from "../../app/_server/database/adapter";
import {
  connectionProblem,
  describePostgresError,
  withoutPassword,
} from "../../app/_server/database/connection-check";
import { isDatabaseUnavailable, isMissingTable } from "../../app/_server/database/errors";
import { configuredTarget } from "../../app/_server/database/target";
import { disconnectDb } from "../../app/_server/db";
import { EnvironmentError } from "../../app/_server/env";

/** A refusal the command has put into words already: printed as it is, exit code 1. */
export class CommandFailure extends Error {}

let opened: DatabaseTarget | undefined;

/**
 * The configured database (DATABASE_URL, or the embedded folder in DATA_DIR), once it has answered.
 * Throws a CommandFailure that says why not: a malformed DATABASE_URL, a server that cannot be reached,
 * a database that does not exist, a user it refuses, a folder that cannot be opened.
 */
export async function openDatabase(): Promise<DatabaseTarget> {
  const target = configuredTarget();
  opened = target;
  const problem = await connectionProblem(target);
  if (problem) throw new CommandFailure(problem);
  return target;
}

/** Runs the command and exits with its code; `failure` starts the sentence of an unexpected error. */
export async function runCommand(main: () => Promise<number>, failure = ""): Promise<never> {
  let code = 1;
  try {
    code = await main();
  } catch (error) {
    console.error(sentence(error, failure));
    code = 1;
  } finally {
    await close();
  }
  process.exit(code);
}

function sentence(error: unknown, failure: string): string {
  if (error instanceof CommandFailure || error instanceof EnvironmentError) return error.message;
  const url = opened?.kind === "postgres" ? opened.url : undefined;
  // The server went away after the check.
  if (url && isDatabaseUnavailable(error)) return describePostgresError(error, url);
  if (isMissingTable(error)) return "The database has no tables yet: run npm run db:migrate first.";
  const text = error instanceof Error ? error.message : String(error);
  return `${failure}${url ? withoutPassword(text, url) : text}`;
}

async function close(): Promise<void> {
  try {
    await disconnectDb();
    if (opened?.kind === "pglite") await closePGlite(opened.dataDir);
  } catch {
    // Closing is tidiness: the process ends next anyway.
  }
}
