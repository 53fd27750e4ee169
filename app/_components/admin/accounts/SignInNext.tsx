"use client";

import { useTranslations } from "next-intl";
import { adminPaths } from "@/app/_lib/admin-paths";
import { Link } from "@/app/_lib/i18n/navigation";
import type { FormState } from "@/app/_lib/form-state";
import { FormMessage } from "../../forms/FormMessage";

/** A one-time link's form once it has done its work: what was done, and the way to sign in. */
export function SignInNext({ state }: { state: FormState }) {
  const t = useTranslations("adminAccounts.password");
  return (
    <div className="space-y-4">
      <FormMessage state={state} />
      <Link
        href={adminPaths.signIn}
        className="inline-block rounded bg-brand-700 px-5 py-2.5 font-semibold text-white"
      >
        {t("signIn")}
      </Link>
    </div>
  );
}
