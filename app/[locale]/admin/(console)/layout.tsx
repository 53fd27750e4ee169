import type { Metadata } from "next";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AdminNav } from "@/app/_components/admin/AdminNav";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { currentActor } from "@/app/_server/authz";

export const metadata: Metadata = { robots: { index: false, follow: false } };

type Props = { children: ReactNode; params: Promise<{ locale: AppLocale }> };

/**
 * The frame of every back-office page. It shows the bar for whoever is signed in; it is not the access
 * check (layouts are not re-run on every navigation): each page checks its permission itself.
 */
export default async function ConsoleLayout({ children, params }: Props) {
  const { locale } = await params;
  const actor = await currentActor();
  if (!actor) redirect(`/${locale}/admin/sign-in`);
  return (
    <div>
      <AdminNav actor={actor} />
      {children}
    </div>
  );
}
