import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { messages, pickMessages, registrationFormNamespaces } from "@/app/_lib/i18n/messages";
import { pageLocale } from "@/app/_server/pages";

/**
 * Hands the registration forms (client components) the strings they read. Only pages that show such a form use
 * it, so that the other pages do not carry these strings in their payload.
 */
export async function RegistrationFormMessages({ children }: { children: ReactNode }) {
  const locale = await pageLocale();
  return (
    <NextIntlClientProvider messages={pickMessages(messages[locale], registrationFormNamespaces)}>
      {children}
    </NextIntlClientProvider>
  );
}
