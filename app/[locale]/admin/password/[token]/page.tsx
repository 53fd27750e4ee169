import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SetPasswordForm } from "@/app/_components/admin/accounts/SetPasswordForm";
import { adminPaths } from "@/app/_lib/admin-paths";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { Link } from "@/app/_lib/i18n/navigation";
import { passwordLinkAccount } from "@/app/_server/accounts/queries";
import { MIN_PASSWORD_LENGTH } from "@/app/_server/auth/passwords";
import { setPasswordAction } from "./actions";

type Props = { params: Promise<{ locale: AppLocale; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "adminAccounts.password" });
  // The URL is a secret: never send it on as a referrer, never index the page.
  return { title: t("title"), referrer: "no-referrer", robots: { index: false, follow: false } };
}

/** Where an invited organizer, or one whose password was reset, chooses a password. No sign-in: the link is the key. */
export default async function SetPasswordPage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const [account, t] = await Promise.all([
    passwordLinkAccount(token),
    getTranslations("adminAccounts.password"),
  ]);
  if (!account) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="text-2xl font-bold">{t("expiredTitle")}</h1>
        <p className="text-slate-700">{t("expired")}</p>
        <Link href={adminPaths.signIn} className="text-brand-700 underline">
          {t("signIn")}
        </Link>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("intro", { email: account.email })}</p>
      <SetPasswordForm
        action={setPasswordAction}
        token={token}
        email={account.email}
        minLength={MIN_PASSWORD_LENGTH}
      />
    </div>
  );
}
