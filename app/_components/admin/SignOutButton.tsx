"use client";

import { signOut } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";

/** Ends the session (next-auth's sign-out with its CSRF token) and returns to the sign-in page. */
export function SignOutButton() {
  const t = useTranslations("admin.nav");
  const locale = useLocale();
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: `/${locale}/admin/sign-in?signedOut=1` })}
      className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
    >
      {t("signOut")}
    </button>
  );
}
