import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PasswordChangeForm } from "@/app/_components/admin/accounts/PasswordChangeForm";
import { SessionList } from "@/app/_components/admin/accounts/SessionList";
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
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">
          {actor.name} · {actor.email}
        </p>
      </div>
      <section aria-labelledby="sessions-heading" className="space-y-3">
        <h2 id="sessions-heading" className="text-xl font-semibold">
          {t("sessions.heading")}
        </h2>
        <p className="text-slate-700">
          {t("sessions.intro", { hours: env().AUTH_SESSION_HOURS, minutes: env().AUTH_IDLE_MINUTES })}
        </p>
        <SessionList
          sessions={sessions}
          locale={locale}
          actions={{ end: endOwnSession, endOthers: endOwnOtherSessions }}
          own
        />
      </section>
      <section aria-labelledby="two-factor-heading" className="space-y-2">
        <h2 id="two-factor-heading" className="text-xl font-semibold">
          {t("twoFactor.heading")}
        </h2>
        <p className="text-slate-700">{t("twoFactor.text")}</p>
        <Link href={adminPaths.twoFactor} className="font-medium text-brand-700 underline">
          {t("twoFactor.link")}
        </Link>
      </section>
      <section aria-labelledby="password-heading" className="space-y-3">
        <h2 id="password-heading" className="text-xl font-semibold">
          {t("password.heading")}
        </h2>
        <PasswordChangeForm action={changePassword} email={actor.email} minLength={MIN_PASSWORD_LENGTH} />
      </section>
    </div>
  );
}
