import { hashPassword } from "../app/_server/auth/passwords";
import type { Db } from "../app/_server/db";
import { DEMO_PASSWORD, demoAccounts } from "./seed-data/demo-accounts";

/** The demo's accounts, created when missing (an account changed or disabled since stays as it is). */
export async function seedDemoAccounts(db: Db): Promise<number> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const { count } = await db.user.createMany({
    data: demoAccounts.map((account) => ({ ...account, passwordHash })),
    skipDuplicates: true,
  });
  return count;
}
