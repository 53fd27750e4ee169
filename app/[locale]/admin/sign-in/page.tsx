import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/app/_components/admin/SignInForm";
import { localPath } from "@/app/_lib/local-path";
import { currentActor } from "@/app/_server/authz";
import { pageLocale } from "@/app/_server/pages";

type Props = { searchParams: Promise<{ callbackUrl?: string; signedOut?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const locale = await pageLocale();
  const t = await getTranslations({ locale, namespace: "admin.signIn" });
  return { title: t("title"), robots: { index: false } };
}

export default async function SignInPage({ searchParams }: Props) {
  const locale = await pageLocale();
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
