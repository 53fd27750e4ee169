import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SessionList } from "@/app/_components/admin/accounts/SessionList";
import { TitledSection } from "@/app/_components/layout/TitledSection";
import { PageHeader } from "@/app/_components/layout/PageHeader";
import { adminPaths } from "@/app/_lib/admin-paths";
import { Link } from "@/app/_lib/i18n/navigation";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { findAccount } from "@/app/_server/accounts/queries";
import { listSessions } from "@/app/_server/accounts/session-list";
import { pageActor } from "@/app/_server/authz";
import { endAccountSession, endAccountSessions } from "./actions";

type Props = { params: Promise<{ locale: AppLocale; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "adminAccounts" }))("detail.sessions") };
}

/** One account as admins see it: who, which role, and where it is signed in. */
export default async function AccountPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "manageAccounts", adminPaths.account(id));
  const account = await findAccount(actor, id);
  if (!account) notFound();
  const [sessions, t, tRoles] = await Promise.all([
    listSessions(actor, account.id),
    getTranslations("adminAccounts"),
    getTranslations("admin.roles"),
  ]);
  return (
    <div className="space-y-6">
      <Link href={adminPaths.accounts} className="text-sm font-medium text-brand-700 underline">
        {t("detail.back")}
      </Link>
      <PageHeader
        title={account.name}
        intro={`${account.email} · ${tRoles(account.role)} · ${t(`states.${account.state}`)}`}
      />
      <TitledSection id="sessions-heading" title={t("detail.sessions")}>
        <p className="text-slate-700">{t("detail.sessionsIntro", { name: account.name })}</p>
        <SessionList
          sessions={sessions}
          locale={locale}
          userId={account.id}
          actions={{ end: endAccountSession, endOthers: endAccountSessions }}
          own={account.id === actor.id}
        />
      </TitledSection>
    </div>
  );
}
