import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { FirstAdminForm } from "@/app/_components/admin/accounts/FirstAdminForm";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { setupLinkIsLive } from "@/app/_server/accounts/first-admin";
import { MIN_PASSWORD_LENGTH } from "@/app/_server/auth/passwords";
import { createFirstAdminAction } from "./actions";

type Props = { params: Promise<{ locale: AppLocale; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "adminAccounts.setup" });
  // The URL is a secret: never send it on as a referrer, never index the page.
  return { title: t("title"), referrer: "no-referrer", robots: { index: false, follow: false } };
}

/**
 * Where the first admin account of an installation is made, from the link the server printed at start.
 * A link that is unknown, expired or used, or any link once an admin exists, answers 404 with a page that
 * says why (not-found.tsx beside this one).
 */
export default async function SetupPage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  if (!(await setupLinkIsLive(token))) notFound();
  const t = await getTranslations("adminAccounts.setup");
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("intro")}</p>
      <FirstAdminForm action={createFirstAdminAction} token={token} minLength={MIN_PASSWORD_LENGTH} />
    </div>
  );
}
