import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PasswordChangeForm } from "@/app/_components/admin/accounts/PasswordChangeForm";
import { SessionList } from "@/app/_components/admin/accounts/SessionList";
import { TitledSection } from "@/app/_components/layout/TitledSection";
import { PageHeader } from "@/app/_components/layout/PageHeader";
import { adminPaths } from "@/app/_lib/admin-paths";
import { Link } from "@/app/_lib/i18n/navigation";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { listSessions } from "@/app/_server/accounts/session-list";
import { MIN_PASSWORD_LENGTH } from "@/app/_server/auth/passwords";
import { ownAccountPageActor } from "@/app/_server/authz";
import { env } from "@/app/_server/env";
import { changePassword, endOwnOtherSessions, endOwnSession } from "./actions";

type Props = { params: Promise<{ locale: AppLocale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "adminOwnAccount" }))("title") };
}

/** Every organizer's own account: where they are signed in, their password, their second factor. */
export default async function OwnAccountPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await ownAccountPageActor(locale, adminPaths.ownAccount);
  const [sessions, t] = await Promise.all([
    listSessions(actor, actor.id),
    getTranslations("adminOwnAccount"),
  ]);
  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} intro={`${actor.name} · ${actor.email}`} />
      <TitledSection id="sessions-heading" title={t("sessions.heading")}>
        <p className="text-slate-700">
          {t("sessions.intro", { hours: env().AUTH_SESSION_HOURS, minutes: env().AUTH_IDLE_MINUTES })}
        </p>
        <SessionList
          sessions={sessions}
          locale={locale}
          actions={{ end: endOwnSession, endOthers: endOwnOtherSessions }}
          own
        />
      </TitledSection>
      <TitledSection id="two-factor-heading" title={t("twoFactor.heading")} className="space-y-2">
        <p className="text-slate-700">{t("twoFactor.text")}</p>
        <Link href={adminPaths.twoFactor} className="font-medium text-brand-700 underline">
          {t("twoFactor.link")}
        </Link>
      </TitledSection>
      <TitledSection id="password-heading" title={t("password.heading")}>
        <PasswordChangeForm action={changePassword} email={actor.email} minLength={MIN_PASSWORD_LENGTH} />
      </TitledSection>
    </div>
  );
}
