/**
 * Creates an admin account: the way in on a fresh installation, and, with --reset, back in when every
 * admin is locked out.
 *
 *   npm run admin:create -- --email admin@example.org --name "Erika Mustermann"
 *   npm run admin:create -- --email admin@example.org --reset
 *
 * An address that already has an account is refused; --reset gives that account the new password and
 * makes it an enabled admin (its sessions and set-password links end). The password comes from
 * ADMIN_PASSWORD, or, on a terminal, is asked for twice without echo (never as an argument, which other
 * users of the machine could read in the process list). A password the app refuses is refused before the
 * database is opened; the account is written in one transaction, so a refusal leaves nothing behind.
 * Targets DATABASE_URL when set, otherwise the embedded database in DATA_DIR (not while the app runs:
 * PGlite allows one process per folder; pending migrations are applied there first).
 * Exit codes: 0 done, 1 refused or failed (one sentence on stderr), 2 wrong usage.
 */
import { parseArgs } from "node:util";
import { adminPaths } from "../app/_lib/admin-paths";
import type { FieldErrors } from "../app/_lib/registration/fields";
import { describeFieldErrors } from "../app/_lib/registration/errors";
import { createAdmin, parseAdminInput, type CreateAdminInput } from "../app/_server/accounts/create-admin";
import { MIN_PASSWORD_LENGTH } from "../app/_server/auth/passwords";
import { applyMigrations } from "../app/_server/database/migrations";
import { env } from "../app/_server/env";
import { AppError } from "../app/_server/errors";
import { CommandFailure, openDatabase, runCommand } from "./lib/command";

const USAGE = `Usage: npm run admin:create -- --email <address> [--name <name>] [--reset]
  The password is read from ADMIN_PASSWORD or, on a terminal, asked for twice.
  --name is required for a new account.
  --reset: the address has an account; give it this password and make it an enabled admin
           (with --name, its name changes too).`;

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
  if (!process.stdin.isTTY)
    throw new UsageError("Set ADMIN_PASSWORD, or run this on a terminal to type the password.");
  const password = await promptHidden(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `);
  const repeated = await promptHidden("Repeat the password: ");
  if (password !== repeated) throw new CommandFailure("The two passwords differ.");
  return password;
}

function readArguments(): Omit<CreateAdminInput, "password"> {
  try {
    const { values } = parseArgs({
      options: {
        email: { type: "string" },
        name: { type: "string" },
        reset: { type: "boolean" },
        help: { type: "boolean" },
      },
      strict: true,
    });
    if (values.help || !values.email) throw new UsageError(values.help ? "" : "--email is required.");
    return { email: values.email, name: values.name, reset: values.reset ?? false };
  } catch (error) {
    throw error instanceof UsageError
      ? error
      : new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function main(): Promise<number> {
  let input: CreateAdminInput;
  try {
    const options = readArguments();
    input = { ...options, password: await readPassword() };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) console.error(error.message);
    console.error(USAGE);
    return 2;
  }
  try {
    // Refused before the database is opened: nothing to wait for, nothing to undo.
    parseAdminInput(input);
    const target = await openDatabase();
    // Embedded mode only, where a new folder is a new database: on PostgreSQL migrations are a deploy step.
    if (target.kind === "pglite") await applyMigrations(target);
    const result = await createAdmin(input);
    console.log(
      result.outcome === "created"
        ? `Created the admin account ${result.email}. Sign in at ${env().PUBLIC_URL}/en${adminPaths.signIn}`
        : `${result.email} is now an enabled admin with the new password; its earlier sessions and links have ended.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.details.fields)
      throw new CommandFailure(refusal(error.details.fields, input.email));
    throw error;
  }
}

/** What was refused, in English sentences (the app's own `validation` messages). */
function refusal(fields: FieldErrors, email: string): string {
  if (fields.email?.key === "emailTaken") {
    return `There is already an account for ${email.trim().toLowerCase()}: run the command again with --reset to give it this password and make it an enabled admin.`;
  }
  if (fields.name?.key === "required")
    return `There is no account for ${email.trim().toLowerCase()} yet: give the new admin's name with --name.`;
  const sentences = describeFieldErrors(fields, "en");
  const label: Record<string, string> = { email: "--email", name: "--name" };
  return Object.entries(sentences)
    .map(([field, sentence]) => (label[field] ? `${label[field]}: ${sentence}` : sentence))
    .join(" ");
}

await runCommand(main);
