import type { Metadata } from "next";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AdminNav } from "@/app/_components/admin/AdminNav";
import { currentActor } from "@/app/_server/authz";
import { pageLocale } from "@/app/_server/pages";

export const metadata: Metadata = { robots: { index: false, follow: false } };

type Props = { children: ReactNode };

/**
 * The frame of every back-office page. It shows the bar for whoever is signed in; it is not the access
 * check (layouts are not re-run on every navigation): each page checks its permission itself.
 */
export default async function ConsoleLayout({ children }: Props) {
  const locale = await pageLocale();
  const actor = await currentActor();
  if (!actor) redirect(`/${locale}/admin/sign-in`);
  return (
    <div>
      <AdminNav actor={actor} />
      {children}
    </div>
  );
}
