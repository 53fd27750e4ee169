import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { messages, pickMessages, type PublicNamespace } from "@/app/_lib/i18n/messages";
import { pageLocale } from "@/app/_server/pages";

/**
 * Hands a public page's client components the strings they read, and only those: the public layout hands
 * the browser none, because whatever is in the provider is serialized into the page.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly PublicNamespace[];
  children: ReactNode;
}) {
  const locale = await pageLocale();
  return (
    <NextIntlClientProvider messages={pickMessages(messages[locale], namespaces)}>
      {children}
    </NextIntlClientProvider>
  );
}
