import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AccountActions } from "@/app/_components/admin/accounts/AccountActions";
import { InviteForm } from "@/app/_components/admin/accounts/InviteForm";
import { TwoFactorCell } from "@/app/_components/admin/accounts/TwoFactorCell";
import { TwoFactorPolicyForm } from "@/app/_components/admin/accounts/TwoFactorPolicyForm";
import { DataTable, type Column } from "@/app/_components/DataTable";
import { PageHeader } from "@/app/_components/layout/PageHeader";
import { adminPaths } from "@/app/_lib/admin-paths";
import { Link } from "@/app/_lib/i18n/navigation";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { formatLongDate, formatTime, HOME_TIME_ZONE } from "@/app/_lib/time";
import { listAccounts } from "@/app/_server/accounts/queries";
import { accountsWithTwoFactor, rolePolicies } from "@/app/_server/accounts/two-factor-queries";
import { pageActor } from "@/app/_server/authz";
import {
  changeAccountRole,
  disableAccount,
  enableAccount,
  inviteAccount,
  resetAccountPassword,
} from "./actions";
import { resetAccountTwoFactor, saveTwoFactorPolicy } from "./two-factor-actions";

type Props = { params: Promise<{ locale: AppLocale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "adminAccounts" }))("title") };
}

const stateStyles = {
  active: "bg-emerald-50 text-emerald-900 border-emerald-300",
  disabled: "bg-slate-100 text-slate-700 border-slate-300",
  invited: "bg-amber-50 text-amber-900 border-amber-300",
} as const;

export default async function AccountsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "manageAccounts", adminPaths.accounts);
  const [accounts, t, tRoles] = await Promise.all([
    listAccounts(actor),
    getTranslations("adminAccounts"),
    getTranslations("admin.roles"),
  ]);
  const [twoFactor, policies, t2fa] = await Promise.all([
    accountsWithTwoFactor(actor),
    rolePolicies(actor),
    getTranslations("adminTwoFactor.accounts"),
  ]);
  const actions = {
    changeRole: changeAccountRole,
    disable: disableAccount,
    enable: enableAccount,
    reset: resetAccountPassword,
  };
  const columns: Column<(typeof accounts)[number]>[] = [
    {
      key: "name",
      header: t("table.name"),
      rowHeader: true,
      className: "font-normal",
      cell: (account) => (
        <>
          <Link href={adminPaths.account(account.id)} className="font-medium text-brand-700 underline">
            {account.name}
          </Link>
          {account.id === actor.id && <span className="text-slate-600"> {t("table.you")}</span>}
          <br />
          <span className="break-all text-slate-600">{account.email}</span>
        </>
      ),
    },
    { key: "role", header: t("table.role"), cell: (account) => tRoles(account.role) },
    {
      key: "state",
      header: t("table.state"),
      cell: (account) => (
        <span
          className={`inline-block rounded border px-2 py-0.5 text-xs font-medium ${stateStyles[account.state]}`}
        >
          {t(`states.${account.state}`)}
        </span>
      ),
    },
    {
      key: "lastSignIn",
      header: t("table.lastSignIn"),
      className: "whitespace-nowrap",
      cell: (account) =>
        account.lastSignInAt ? (
          <>
            {formatLongDate(account.lastSignInAt, HOME_TIME_ZONE, locale)}
            <br />
            {formatTime(account.lastSignInAt, HOME_TIME_ZONE, locale)}
          </>
        ) : (
          t("table.never")
        ),
    },
    {
      key: "twoFactor",
      header: t2fa("column"),
      cell: (account) => (
        <TwoFactorCell
          account={{
            id: account.id,
            name: account.name,
            twoFactor: twoFactor.has(account.id),
            self: account.id === actor.id,
          }}
          reset={resetAccountTwoFactor}
        />
      ),
    },
    {
      key: "actions",
      header: t("table.actions"),
      cell: (account) => (
        <AccountActions
          account={{
            id: account.id,
            name: account.name,
            role: account.role,
            disabled: account.state === "disabled",
            self: account.id === actor.id,
          }}
          actions={actions}
        />
      ),
    },
  ];
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} intro={t("intro")} />
      <InviteForm action={inviteAccount} />
      <DataTable
        columns={columns}
        rows={accounts}
        rowKey={(account) => account.id}
        caption={t("table.caption")}
        minWidth="min-w-[52rem]"
        testId="accounts"
      />
      <TwoFactorPolicyForm policies={policies} action={saveTwoFactorPolicy} />
    </div>
  );
}
