import type { ReactNode } from "react";
import { registrationFormNamespaces } from "@/app/_lib/i18n/messages";
import { ClientMessages } from "./ClientMessages";

/**
 * Hands the registration forms (client components) the strings they read. Only pages that show such a form use
 * it, so that the other pages do not carry these strings in their payload.
 */
export function RegistrationFormMessages({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={registrationFormNamespaces}>{children}</ClientMessages>;
}
