import "server-only";
import type { z } from "zod";
import {
  accountFieldErrors,
  inviteInput,
  roleChangeInput,
  userId as userIdSchema,
} from "@/app/_lib/accounts/fields";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import type { UserRole } from "@/app/_lib/roles";
import { authorize, type Actor } from "../authz";
import type { Prisma } from "../db";
import { isUniqueViolation } from "../database/errors";
import { invalid, notFound } from "../errors";
import { queueAccountEmail } from "./emails";
import { endSessionsOf } from "../auth/sessions";
import {
  accountSelect,
  accountTransaction,
  isLastEnabledAdmin,
  lockEnabledAdmins,
  type AccountRow,
  auditAccount,
} from "./records";
import { issueUserToken, passwordLinkUrl } from "./tokens";

/**
 * What admins do with organizer accounts. Every change checks `manageAccounts` first, runs in one
 * transaction with its audit entry, and never lets the last enabled admin go.
 */

/**
 * A one-time set-password link, to be shown once to the admin: it helps when the email does not arrive.
 * The email carries a link of its own, minted when it leaves.
 */
export type PasswordLink = { userId: string; name: string; link: string };

/**
 * A new account without a password, and a link (7 days, one use) to set one, emailed in `locale` (the
 * inviting admin's language: the app knows no other of the invitee's).
 */
export async function inviteUser(
  actor: Actor | null,
  input: z.input<typeof inviteInput>,
  locale: AppLocale,
): Promise<PasswordLink> {
  authorize(actor, "manageAccounts");
  const parsed = inviteInput.safeParse(input);
  if (!parsed.success) throw invalid(accountFieldErrors(parsed.error));
  const { email, name, role } = parsed.data;
  try {
    return await accountTransaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email }, select: { id: true } }))
        throw invalid({ email: { key: "emailTaken" } });
      const user = await tx.user.create({ data: { email, name, role }, select: accountSelect });
      await auditAccount(tx, actor, "user.invite", { after: user });
      return sendPasswordLink(tx, actor, user, "invite", locale);
    });
  } catch (error) {
    // Two admins inviting the same address at once: the second one hears what the check above says.
    if (isUniqueViolation(error, "email")) throw invalid({ email: { key: "emailTaken" } });
    throw error;
  }
}

/**
 * Ends the account's password and sessions and sends a new link (24 hours, one use). Earlier links stop
 * working.
 */
export async function resetPassword(
  actor: Actor | null,
  userId: string,
  locale: AppLocale,
): Promise<PasswordLink> {
  authorize(actor, "manageAccounts");
  const id = parseUserId(userId);
  return accountTransaction(async (tx) => {
    const before = await findAccount(tx, id);
    const after = await tx.user.update({
      where: { id },
      data: { passwordHash: null },
      select: accountSelect,
    });
    await endSessionsOf(tx, id);
    await auditAccount(tx, actor, "user.password_reset", { before, after });
    return sendPasswordLink(tx, actor, after, "reset", locale);
  });
}

export async function setUserRole(actor: Actor | null, userId: string, role: UserRole): Promise<void> {
  authorize(actor, "manageAccounts");
  const parsed = roleChangeInput.safeParse({ userId, role });
  if (!parsed.success) throw invalid(accountFieldErrors(parsed.error));
  const { userId: id, role: newRole } = parsed.data;
  await accountTransaction(async (tx) => {
    const admins = await lockEnabledAdmins(tx);
    const before = await findAccount(tx, id);
    if (before.role === newRole) return;
    if (newRole !== "admin" && isLastEnabledAdmin(admins, id)) throw invalid({ role: { key: "lastAdmin" } });
    const after = await tx.user.update({ where: { id }, data: { role: newRole }, select: accountSelect });
    // The account signs in again and meets its new role, and any second factor the role requires.
    await endSessionsOf(tx, id);
    await auditAccount(tx, actor, "user.role_change", { before, after });
  });
}

/** The account can no longer sign in, and its sessions end at once. */
export async function disableUser(actor: Actor | null, userId: string): Promise<void> {
  authorize(actor, "manageAccounts");
  const id = parseUserId(userId);
  if (id === actor.id) throw invalid({ _: { key: "cannotDisableSelf" } });
  await accountTransaction(async (tx) => {
    const admins = await lockEnabledAdmins(tx);
    const before = await findAccount(tx, id);
    if (before.disabledAt) return;
    if (isLastEnabledAdmin(admins, id)) throw invalid({ _: { key: "lastAdmin" } });
    // The sessions end now and for good: re-enabling the account later does not bring them back.
    const after = await tx.user.update({
      where: { id },
      data: { disabledAt: new Date() },
      select: accountSelect,
    });
    await endSessionsOf(tx, id);
    // A link sent before must not outlive the decision.
    await tx.userToken.deleteMany({ where: { userId: id } });
    await auditAccount(tx, actor, "user.disable", { before, after });
  });
}

export async function enableUser(actor: Actor | null, userId: string): Promise<void> {
  authorize(actor, "manageAccounts");
  const id = parseUserId(userId);
  await accountTransaction(async (tx) => {
    const before = await findAccount(tx, id);
    if (!before.disabledAt) return;
    const after = await tx.user.update({ where: { id }, data: { disabledAt: null }, select: accountSelect });
    await auditAccount(tx, actor, "user.enable", { before, after });
  });
}

function parseUserId(value: string): string {
  const parsed = userIdSchema.safeParse(value);
  if (!parsed.success) throw notFound("Account");
  return parsed.data;
}

async function findAccount(tx: Prisma.TransactionClient, id: string): Promise<AccountRow> {
  const user = await tx.user.findUnique({ where: { id }, select: accountSelect });
  if (!user) throw notFound("Account");
  return user;
}

async function sendPasswordLink(
  tx: Prisma.TransactionClient,
  actor: Actor,
  user: AccountRow,
  purpose: "invite" | "reset",
  locale: AppLocale,
): Promise<PasswordLink> {
  // Ends every earlier link of the account, and the right of its earlier emails to mint one.
  const link = passwordLinkUrl(locale, await issueUserToken(tx, user.id, purpose));
  await queueAccountEmail(tx, {
    purpose,
    to: user.email,
    name: user.name,
    role: user.role,
    by: actor.name,
    locale,
  });
  return { userId: user.id, name: user.name, link };
}
