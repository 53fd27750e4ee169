import type { ComponentProps } from "react";
import { Link } from "@/app/_lib/i18n/navigation";

/**
 * A link that looks like the page's primary button: "new city", "new session", "print all". It leads to
 * another page rather than sending a form, so it stays a link for screen readers and for opening in a tab.
 */
export function ActionLink(props: Omit<ComponentProps<typeof Link>, "className">) {
  return (
    <Link {...props} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800" />
  );
}
