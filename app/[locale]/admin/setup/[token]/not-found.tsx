import { getTranslations } from "next-intl/server";
import { adminPaths } from "@/app/_lib/admin-paths";
import { Link } from "@/app/_lib/i18n/navigation";

/** A setup link that is unknown, expired or used, or any once an admin exists: what to do instead. */
export default async function SetupLinkNotFound() {
  const [t, tPassword] = await Promise.all([
    getTranslations("adminAccounts.setup"),
    getTranslations("adminAccounts.password"),
  ]);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("expiredTitle")}</h1>
      <p className="text-slate-700">{t("expired")}</p>
      <p className="text-slate-700">
        {t("expiredCommand")}{" "}
        <code className="rounded bg-slate-100 px-1 py-0.5 text-sm">npm run admin:create</code>
      </p>
      <Link
        href={adminPaths.signIn}
        className="inline-block rounded bg-brand-700 px-5 py-2.5 font-semibold text-white"
      >
        {tPassword("signIn")}
      </Link>
    </div>
  );
}
