import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminNav } from "@/app/_components/admin/AdminNav";
import { currentActor } from "@/app/_server/authz";

export const metadata: Metadata = { robots: { index: false, follow: false } };

type Props = { children: ReactNode };

/**
 * The frame of every back-office page. It shows the bar for whoever is signed in; it is not the access
 * check (layouts are not re-run on every navigation): each page checks its permission itself and sends
 * anyone not signed in to the sign-in page, with the way back.
 */
export default async function ConsoleLayout({ children }: Props) {
  const actor = await currentActor();
  return (
    <div>
      {actor && <AdminNav actor={actor} />}
      {children}
    </div>
  );
}
