import { hashPassword, verifyPassword } from "../app/_server/auth/passwords";
import type { Db } from "../app/_server/db";
import { DEMO_PASSWORD, demoAccounts } from "./seed-data/demo-accounts";

const demoEmails = demoAccounts.map((account) => account.email);

/** The demo's accounts, created when missing (an account changed or disabled since stays as it is). */
export async function seedDemoAccounts(db: Db): Promise<number> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const { count } = await db.user.createMany({
    data: demoAccounts.map((account) => ({ ...account, passwordHash })),
    skipDuplicates: true,
  });
  return count;
}

/**
 * Outside the demo: disables each demo account that still opens with the published password (a folder
 * that once ran the demo, then served for real), and ends its sessions. Returns their addresses.
 */
export async function disableDemoAccounts(db: Db): Promise<string[]> {
  const candidates = await db.user.findMany({
    where: { email: { in: demoEmails }, disabledAt: null },
    select: { id: true, email: true, passwordHash: true },
  });
  const open = [];
  for (const account of candidates)
    if (await verifyPassword(DEMO_PASSWORD, account.passwordHash)) open.push(account);
  if (open.length === 0) return [];
  const ids = open.map((account) => account.id);
  await db.$transaction([
    db.user.updateMany({ where: { id: { in: ids } }, data: { disabledAt: new Date() } }),
    db.userSession.deleteMany({ where: { userId: { in: ids } } }),
  ]);
  return open.map((account) => account.email);
}
