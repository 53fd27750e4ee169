/**
 * Creates an admin account, or makes an existing account an enabled admin with a new password: the way
 * in on a fresh installation, and back in when every admin is locked out.
 *
 *   npm run admin:create -- --email admin@example.org --name "Erika Mustermann"
 *
 * The password comes from ADMIN_PASSWORD, or, on a terminal, is asked for twice without echo (never
 * as an argument, which other users of the machine could read in the process list). Targets
 * DATABASE_URL when set, otherwise the embedded database in DATA_DIR (not while the app runs: PGlite
 * allows one process per folder). Exit codes: 0 done, 1 refused or failed, 2 wrong usage.
 */
import { parseArgs } from "node:util";
import type { FieldErrors } from "../app/_lib/registration/fields";
import english from "../app/_lib/i18n/messages/en.json";
import { createAdmin } from "../app/_server/accounts/create-admin";
import { MIN_PASSWORD_LENGTH } from "../app/_server/auth/passwords";
import { closePGlite } from "../app/_server/database/adapter";
import { applyMigrations } from "../app/_server/database/migrations";
import { configuredTarget } from "../app/_server/database/target";
import { disconnectDb } from "../app/_server/db";
import { AppError } from "../app/_server/errors";

const USAGE = `Usage: npm run admin:create -- --email <address> [--name <name>]
  The password is read from ADMIN_PASSWORD or, on a terminal, asked for twice.
  --name is required for a new account; for an existing one it replaces the name.`;

class UsageError extends Error {}

/** Reads a line from the terminal without showing what is typed. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stdout.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = (error?: Error) => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === "\r" || character === "\n") return finish();
        if (character === "\u0003" || character === "\u0004") return finish(new UsageError("Cancelled."));
        if (character === "\u007f" || character === "\b") value = [...value].slice(0, -1).join("");
        else value += character;
      }
    };
    stdin.on("data", onData);
  });
}

async function readPassword(): Promise<string> {
  const fromEnvironment = process.env.ADMIN_PASSWORD;
  if (fromEnvironment) return fromEnvironment;
  if (!process.stdin.isTTY) throw new UsageError("Set ADMIN_PASSWORD, or run this on a terminal to type the password.");
  const password = await promptHidden(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `);
  const repeated = await promptHidden("Repeat the password: ");
  if (password !== repeated) throw new AppError("invalid", "The two passwords differ.", { fields: { passwordRepeat: { key: "passwordsDiffer" } } });
  return password;
}

function readArguments(): { email: string; name?: string } {
  try {
    const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, help: { type: "boolean" } }, strict: true });
    if (values.help || !values.email) throw new UsageError(values.help ? "" : "--email is required.");
    return { email: values.email, name: values.name };
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function main(): Promise<number> {
  let password: string;
  let input: { email: string; name?: string };
  try {
    input = readArguments();
    password = await readPassword();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) console.error(error.message);
    console.error(USAGE);
    return 2;
  }
  // Refused before the database is opened: nothing to wait for.
  if (password.length < MIN_PASSWORD_LENGTH) {
    console.error(`The password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
    return 1;
  }
  const target = configuredTarget();
  try {
    await applyMigrations(target);
    const result = await createAdmin({ ...input, password });
    console.log(
      result.outcome === "created"
        ? `Created the admin account ${result.email}. Sign in at /de/admin/sign-in.`
        : `${result.email} is now an enabled admin with the new password; its earlier sessions and links have ended.`,
    );
    return 0;
  } finally {
    await disconnectDb();
    if (target.kind === "pglite") await closePGlite(target.dataDir);
  }
}

/** The English sentences of the form messages (the translator of the app needs React, which a script does not load). */
function describe(fields: FieldErrors): string[] {
  return Object.entries(fields).map(([field, { key, values }]) => {
    const sentence = english.validation[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? ""));
    return `${field}: ${sentence}`;
  });
}

let code = 1;
try {
  code = await main();
} catch (error) {
  if (error instanceof AppError && error.details.fields) {
    for (const line of describe(error.details.fields)) console.error(line);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
}
process.exit(code);
