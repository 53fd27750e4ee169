import "server-only";
import { seedAllianceFacts, seedDemo } from "@/prisma/seed";
import { disableDemoAccounts, seedDemoAccounts } from "@/prisma/seed-accounts";
import { seedDemoDelegates } from "@/prisma/seed-delegates";
import { issueSetupLink } from "./accounts/first-admin";
import { isDatabaseUnavailable, isMissingTable } from "./database/errors";
import { applyMigrations } from "./database/migrations";
import { configuredTarget } from "./database/target";
import { db } from "./db";
import { env } from "./env";
import { loadKeys } from "./security/keys";
import { calendarUidDomain } from "./calendar/uid-domain";

/**
 * What a server does with its database when it starts (instrumentation.ts).
 *
 * Embedded mode owns its folder: it applies pending migrations and loads the alliance's facts (the member
 * cities). Only `npm run demo` (DEMO=true) adds the 2017 demo meeting, accounts with the password the
 * README publishes, and invented delegates. On PostgreSQL, migrations and facts are the deploy step
 * (`npm run db:migrate`), never the work of each instance.
 *
 * Outside the demo, a server that finds no admin account prints a one-time link to create one in the
 * browser.
 */
export async function prepareDatabase(): Promise<void> {
  const settings = env();
  const target = configuredTarget();
  try {
    if (target.kind === "pglite" && settings.DB_AUTO_SETUP === "true") {
      const applied = await applyMigrations(target);
      if (applied.length)
        console.log(`Embedded database in ${target.dataDir}: applied ${applied.join(", ")}`);
      const facts = await seedAllianceFacts(db);
      if (applied.length) console.log(`Embedded database: the alliance's facts are in place (${facts}).`);
      if (settings.demo) await loadDemo();
    }
    if (!settings.demo) await announceSetup(target.kind);
    if (target.kind === "postgres" && !settings.VISA_DATA_KEYS)
      warnAboutVisaDataKey(Boolean(settings.AUTH_SECRET));
    await loadKeys();
    // Fixes the calendar UIDs' domain on an installation's first start (calendar/uid-domain.ts).
    await calendarUidDomain();
  } catch (error) {
    // The server still starts and answers 503 (or, without tables, 500) until the database is ready: one
    // sentence here says what to do.
    if (isDatabaseUnavailable(error)) {
      console.error(
        "The database cannot be reached; the server answers 503 until it can. Check DATABASE_URL, and start the server again once the database answers (a new installation then prints its setup link).",
      );
    } else if (isMissingTable(error))
      console.error("The database has no tables yet: run `npm run db:migrate`, then start the server again.");
    else throw error;
  }
}

/**
 * Passport details are never stored in plain text: without VISA_DATA_KEYS they are encrypted with a key
 * derived from the app's secret (security/field-cipher.ts). A production server says so at every start,
 * and how much that protects.
 */
function warnAboutVisaDataKey(authSecretSet: boolean): void {
  console.warn(
    "VISA_DATA_KEYS is not set: visa letters' passport details are encrypted with a key derived from " +
      (authSecretSet
        ? 'AUTH_SECRET. Set VISA_DATA_KEYS to keep them apart (README, "Configuration").'
        : 'the app\'s secret, which is kept in the same database and so protects nothing from whoever reads it. Set VISA_DATA_KEYS and AUTH_SECRET (README, "Configuration").'),
  );
}

async function loadDemo(): Promise<void> {
  if ((await db.meeting.count()) === 0) console.log(`Demo: loaded the 2017 meeting (${await seedDemo(db)}).`);
  const accounts = await seedDemoAccounts(db);
  if (accounts) console.log(`Demo: created ${accounts} sign-in account(s) with the README's password.`);
  // Invented delegates, so that the registration desk and the dashboard have something to show.
  const delegates = await seedDemoDelegates(db);
  if (delegates) console.log(`Demo: registered ${delegates} invented delegates for the demo meeting.`);
}

/**
 * A real installation never keeps a known password: demo accounts left in its database (a folder that once
 * ran the demo) are disabled, and the folder's other demo data is pointed out. With no admin yet, a
 * one-time setup link is printed: the only secret this server ever logs, on purpose, for whoever can read
 * its output.
 */
async function announceSetup(mode: "pglite" | "postgres"): Promise<void> {
  const disabled = await disableDemoAccounts(db);
  if (disabled.length) {
    console.warn(
      `Disabled ${disabled.length} demo account(s) whose password is published. This database also holds the demo's ` +
        "meeting and invented delegates: start a real installation on an empty database (DATA_DIR, or DATABASE_URL).",
    );
  }
  const link = await issueSetupLink();
  if (!link) return;
  // The embedded database allows one process: admin:create must wait until this server has stopped.
  const command = "npm run admin:create -- --email <address> --name <name>";
  console.log(
    [
      "",
      "No admin account yet. Create the first one in the browser within 24 hours (the link works once):",
      `  ${link.url}`,
      mode === "pglite"
        ? `Or stop the server and run: ${command}`
        : `Or run: ${command}  (in the container: admin:create --email … --name …)`,
      "",
    ].join("\n"),
  );
}
