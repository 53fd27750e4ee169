import "server-only";
import { seedDemo } from "@/prisma/seed";
import { seedDemoAccounts } from "@/prisma/seed-accounts";
import { seedDemoDelegates } from "@/prisma/seed-delegates";
import { db } from "../db";
import { env } from "../env";
import { applyMigrations } from "./migrations";
import { configuredTarget } from "./target";

export async function prepareEmbeddedDatabase(): Promise<void> {
  const target = configuredTarget();
  if (target.kind !== "pglite" || env().DB_AUTO_SETUP === "false") return;
  const applied = await applyMigrations(target);
  if (applied.length) console.log(`Embedded database in ${target.dataDir}: applied ${applied.join(", ")}`);
  if ((await db.meeting.count()) === 0) {
    console.log(`Embedded database was empty: loaded the demo meeting (${await seedDemo(db)}).`);
  }
  // Only here, in embedded mode: a PostgreSQL deployment gets its first admin from `npm run admin:create`.
  const accounts = await seedDemoAccounts(db);
  if (accounts) console.log(`Created ${accounts} demo account(s); see the README.`);
  // Invented delegates, so that the registration desk and the dashboard have something to show.
  const delegates = await seedDemoDelegates(db);
  if (delegates) console.log(`Registered ${delegates} invented demo delegates for the demo meeting.`);
}
