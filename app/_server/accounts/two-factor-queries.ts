import "server-only";
import QRCode from "qrcode";
import { userRoles, type UserRole } from "@/app/_lib/roles";
import { authorize, authorizeOwnAccount, type Actor } from "../authz";
import { db } from "../db";
import { openTotpSecret } from "./second-factor";
import { secondFactorRequired } from "../auth/sessions";
import { enrolmentOf, pendingIsFresh, type Enrolment } from "./two-factor";

export type TwoFactorStatus = {
  enabled: boolean;
  /** ISO instant the current factor was confirmed, or null: none. */
  enabledAt: string | null;
  recoveryCodesLeft: number;
  /** An admin requires a second factor for the account's role. */
  required: boolean;
  /** A set-up begun and not yet confirmed: what the page shows to scan (an SVG QR code) or type. */
  pending: (Enrolment & { qrSvg: string }) | null;
};

/** One's own second factor, as the two-factor page shows it. */
export async function ownTwoFactorStatus(actor: Actor | null): Promise<TwoFactorStatus> {
  authorizeOwnAccount(actor);
  const account = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: {
      email: true,
      totpSecret: true,
      totpPending: true,
      totpPendingAt: true,
      totpEnabledAt: true,
      _count: { select: { recoveryCodes: { where: { usedAt: null } } } },
    },
  });
  // A set-up left for longer than PENDING_MINUTES, or sealed under an earlier AUTH_SECRET, starts again.
  const pending =
    account.totpPending && pendingIsFresh(account.totpPendingAt)
      ? await openTotpSecret(account.totpPending)
      : null;
  return {
    enabled: account.totpSecret !== null,
    enabledAt: account.totpSecret ? (account.totpEnabledAt?.toISOString() ?? null) : null,
    recoveryCodesLeft: account.totpSecret ? account._count.recoveryCodes : 0,
    required: await secondFactorRequired(actor.role),
    pending: pending ? await withQrCode(enrolmentOf(account.email, pending)) : null,
  };
}

async function withQrCode(enrolment: Enrolment): Promise<Enrolment & { qrSvg: string }> {
  return {
    ...enrolment,
    qrSvg: await QRCode.toString(enrolment.uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" }),
  };
}

/** Which roles must sign in with a second factor. */
export async function rolePolicies(actor: Actor | null): Promise<Record<UserRole, boolean>> {
  authorize(actor, "manageAccounts");
  const rows = await db.rolePolicy.findMany({ select: { role: true, requireTwoFactor: true } });
  const required = new Set(rows.filter((row) => row.requireTwoFactor).map((row) => row.role));
  return Object.fromEntries(userRoles.map((role) => [role, required.has(role)])) as Record<UserRole, boolean>;
}

/** The ids of the accounts that have a second factor, for the accounts list. */
export async function accountsWithTwoFactor(actor: Actor | null): Promise<Set<string>> {
  authorize(actor, "manageAccounts");
  const rows = await db.user.findMany({ where: { totpSecret: { not: null } }, select: { id: true } });
  return new Set(rows.map((row) => row.id));
}
