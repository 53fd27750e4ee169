import "server-only";
import { userId as userIdSchema } from "@/app/_lib/accounts/fields";
import type { UserRole } from "@/app/_lib/roles";
import { authorize, type Actor } from "../authz";
import { db, type Prisma } from "../db";
import { accountSelect } from "./records";
import { userIdForToken } from "./tokens";

/** "invited": no password yet (a new account, or one whose password an admin reset). */
export type AccountState = "active" | "disabled" | "invited";

export type AccountListItem = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  state: AccountState;
  /** ISO instant, or null: never signed in. */
  lastSignInAt: string | null;
};

const listSelect = { ...accountSelect, lastSignInAt: true } as const;

/** Every organizer account, admins first, then by name. */
export async function listAccounts(actor: Actor | null): Promise<AccountListItem[]> {
  authorize(actor, "manageAccounts");
  const rows = await db.user.findMany({
    select: listSelect,
    orderBy: [{ role: "asc" }, { name: "asc" }, { email: "asc" }],
  });
  return rows.map(listItem);
}

/** One account, as the list shows it; null for an id that names none. */
export async function findAccount(actor: Actor | null, id: string): Promise<AccountListItem | null> {
  authorize(actor, "manageAccounts");
  if (!userIdSchema.safeParse(id).success) return null;
  const row = await db.user.findUnique({ where: { id }, select: listSelect });
  return row && listItem(row);
}

function listItem(row: Prisma.UserGetPayload<{ select: typeof listSelect }>): AccountListItem {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    state: row.disabledAt ? "disabled" : row.passwordHash === null ? "invited" : "active",
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
  };
}

/**
 * Whose password a set-password link sets, or null when the link is unknown, expired or the account is
 * disabled. No actor: the link is the credential.
 */
export async function passwordLinkAccount(token: string): Promise<{ email: string; name: string } | null> {
  const userId = await userIdForToken(db, token);
  if (!userId) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, name: true, disabledAt: true },
  });
  return user && !user.disabledAt ? { email: user.email, name: user.name } : null;
}
