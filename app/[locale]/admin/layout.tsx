import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { DemoBanner } from "@/app/_components/admin/DemoBanner";
import { env } from "@/app/_server/env";

/**
 * The back office's client components need its strings, which the public pages do not send
 * (app/[locale]/layout.tsx): here every namespace goes to the browser. In the demo, every page of it,
 * the sign-in included, says that its data is invented.
 */
export default function BackOfficeLayout({ children }: { children: ReactNode }) {
  return (
    <NextIntlClientProvider>
      {env().demo && <DemoBanner />}
      {children}
    </NextIntlClientProvider>
  );
}
