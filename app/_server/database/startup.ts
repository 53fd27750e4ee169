import "server-only";
import { seedAllianceFacts, seedDemo } from "@/prisma/seed";
import { disableDemoAccounts, seedDemoAccounts } from "@/prisma/seed-accounts";
import { seedDemoDelegates } from "@/prisma/seed-delegates";
import { issueSetupLink } from "../accounts/first-admin";
import { db } from "../db";
import { env } from "../env";
import { isDatabaseUnavailable, isMissingTable } from "./errors";
import { applyMigrations } from "./migrations";
import { configuredTarget } from "./target";

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
      if (applied.length) console.log(`Embedded database in ${target.dataDir}: applied ${applied.join(", ")}`);
      const facts = await seedAllianceFacts(db);
      if (applied.length) console.log(`Embedded database: the alliance's facts are in place (${facts}).`);
      if (settings.demo) await loadDemo();
    }
    if (!settings.demo) await announceSetup();
  } catch (error) {
    // The server still starts and answers 503 (or, without tables, 500) until the database is ready: one
    // sentence here says what to do.
    if (isDatabaseUnavailable(error)) console.error("The database cannot be reached; the server answers 503 until it can. Check DATABASE_URL.");
    else if (isMissingTable(error)) console.error("The database has no tables yet: run `npm run db:migrate`, then start the server again.");
    else throw error;
  }
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
 * ran the demo) are disabled. With no admin yet, a one-time setup link is printed: the only secret this
 * server ever logs, on purpose, for whoever can read its output.
 */
async function announceSetup(): Promise<void> {
  const disabled = await disableDemoAccounts(db);
  if (disabled.length) console.warn(`Disabled the demo account(s) ${disabled.join(", ")}: their password is published.`);
  const link = await issueSetupLink();
  if (!link) return;
  console.log(
    [
      "",
      "No admin account yet. Create the first one in the browser within 24 hours (the link works once):",
      `  ${link.url}`,
      "Or on the server: npm run admin:create -- --email <address> --name <name>",
      "",
    ].join("\n"),
  );
}
