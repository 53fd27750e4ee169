import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SignInForm } from "@/app/_components/admin/SignInForm";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { currentActor } from "@/app/_server/authz";

type Props = { params: Promise<{ locale: AppLocale }>; searchParams: Promise<{ callbackUrl?: string; signedOut?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "admin.signIn" });
  return { title: t("title"), robots: { index: false } };
}

/** Only paths of this site, so that the sign-in page cannot be used to send people elsewhere. */
function localPath(value: string | undefined, fallback: string): string {
  return value && /^\/(?!\/)[^\\]*$/.test(value) ? value : fallback;
}

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { callbackUrl, signedOut } = await searchParams;
  const target = localPath(callbackUrl, `/${locale}/admin`);
  if (await currentActor()) redirect(target);
  const t = await getTranslations("admin.signIn");
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {signedOut && (
        <p role="status" className="rounded border border-emerald-300 bg-emerald-50 px-4 py-3">
          {t("signedOut")}
        </p>
      )}
      <p className="text-slate-700">{t("intro")}</p>
      <SignInForm callbackUrl={target} />
    </div>
  );
}
