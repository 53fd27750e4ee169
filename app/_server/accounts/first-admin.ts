import "server-only";
import { accountFieldErrors, firstAdminInput } from "@/app/_lib/accounts/fields";
import { adminPaths } from "@/app/_lib/admin-paths";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../auth/passwords";
import { isUniqueViolation } from "../database/errors";
import { db, type Prisma } from "../db";
import { env } from "../env";
import { invalid } from "../errors";
import { hashToken, newToken, TOKEN_SHAPE } from "../security/tokens";
import { accountSelect, auditAccount } from "./records";

/**
 * The first admin of a new installation, made in the browser (as Grafana and Jenkins do): a server that
 * starts while there is no admin account prints a one-time link, and whoever can read the server's output
 * opens it and chooses the admin's address, name and password. `npm run admin:create` stays for scripts.
 *
 * A link is 256 random bits of which only the SHA-256 is stored, lives 24 hours, and stops working as soon
 * as any admin exists: each start of an instance prints its own link, and the first one used ends them all.
 */
const LIFETIME_HOURS = 24;

type Reader = Pick<Prisma.TransactionClient, "user" | "setupToken">;

/** Any admin account at all, enabled or not: a disabled one is brought back with `admin:create --reset`. */
async function adminExists(client: Reader): Promise<boolean> {
  return (await client.user.count({ where: { role: "admin" } })) > 0;
}

/**
 * A new setup link while there is no admin, or null. Expired links are swept on the way.
 * `locale` only chooses the language the page opens in.
 */
export async function issueSetupLink(
  locale: AppLocale = "en",
  now = new Date(),
): Promise<{ url: string; expiresAt: Date } | null> {
  if (await adminExists(db)) return null;
  const token = newToken();
  const expiresAt = new Date(now.getTime() + LIFETIME_HOURS * 3600_000);
  await db.$transaction([
    db.setupToken.deleteMany({ where: { expiresAt: { lte: now } } }),
    db.setupToken.create({ data: { hash: hashToken(token), expiresAt } }),
  ]);
  return { url: `${env().PUBLIC_URL}/${locale}${adminPaths.setup(token)}`, expiresAt };
}

async function tokenIsLive(client: Reader, token: string, now: Date): Promise<boolean> {
  if (!TOKEN_SHAPE.test(token)) return false;
  const row = await client.setupToken.findUnique({
    where: { hash: hashToken(token) },
    select: { expiresAt: true },
  });
  return !!row && row.expiresAt > now;
}

/** Whether the link still opens the setup form: known, not expired, and still no admin. */
export async function setupLinkIsLive(token: string, now = new Date()): Promise<boolean> {
  return (await tokenIsLive(db, token, now)) && !(await adminExists(db));
}

const linkExpired = () => invalid({ _: { key: "setupLinkExpired" } });

export type FirstAdminInput = { email: string; name: string; password: string; passwordRepeat: string };

/**
 * Creates the first admin with a live setup link. Deleting every setup link is the use: of two requests
 * at once (with the same link, or links printed by two instances), the second waits for the first one's
 * row locks, then deletes nothing and is refused, so there is never a second "first" admin.
 */
export async function createFirstAdmin(
  token: string,
  input: FirstAdminInput,
  now = new Date(),
): Promise<{ email: string }> {
  // A dead link is said first: there is no point in fixing the form for it.
  if (!(await setupLinkIsLive(token, now))) throw linkExpired();
  const parsed = firstAdminInput(MIN_PASSWORD_LENGTH).safeParse(input);
  if (!parsed.success) throw invalid(accountFieldErrors(parsed.error, MIN_PASSWORD_LENGTH));
  const { email, name, password } = parsed.data;
  const passwordHash = await hashPassword(password);

  try {
    return await db.$transaction(async (tx) => {
      const live = await tokenIsLive(tx, token, now);
      const used = await tx.setupToken.deleteMany({});
      if (!live || used.count === 0 || (await adminExists(tx))) throw linkExpired();
      const created = await tx.user.create({
        data: { email, name, role: "admin", passwordHash },
        select: accountSelect,
      });
      // The link is the credential, so the admin is recorded as having made itself.
      await auditAccount(tx, { id: created.id, email: created.email }, "user.create_first_admin", {
        after: created,
      });
      return { email: created.email };
    });
  } catch (error) {
    // An account that is not an admin has the address (a demo account this installation disabled).
    if (isUniqueViolation(error, "email")) throw invalid({ email: { key: "emailTaken" } });
    throw error;
  }
}
