import type { ReactNode } from "react";
import { RegistrationFormMessages } from "@/app/_components/site/RegistrationFormMessages";

/** Both pages here show registration forms (lost link; change, cancel, delete), which read their strings in the browser. */
export default function ManageLayout({ children }: { children: ReactNode }) {
  return <RegistrationFormMessages>{children}</RegistrationFormMessages>;
}
