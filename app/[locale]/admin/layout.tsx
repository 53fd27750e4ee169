import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";

/**
 * The back office's client components need its strings, which the public pages do not send
 * (app/[locale]/layout.tsx): here every namespace goes to the browser.
 */
export default function BackOfficeLayout({ children }: { children: ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
