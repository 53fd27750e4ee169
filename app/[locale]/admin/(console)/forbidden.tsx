"use client";

import { useTranslations } from "next-intl";
import { adminPaths } from "@/app/_lib/admin-paths";
import { Link } from "@/app/_lib/i18n/navigation";

/**
 * Answered with status 403 when a signed-in role may not open a page (forbidden() in authz.ts). A client
 * component: Next also renders this boundary outside any request, where server-side translations fail.
 */
export default function Forbidden() {
  const t = useTranslations("admin.forbidden");
  return (
    <div className="space-y-3" data-testid="forbidden">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>{t("text")}</p>
      <Link href={adminPaths.home} className="text-brand-700 underline">
        {t("back")}
      </Link>
    </div>
  );
}
