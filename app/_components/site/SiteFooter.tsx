import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_lib/i18n/navigation";

export async function SiteFooter() {
  const t = await getTranslations("site");
  return (
    <footer className="border-t border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-sm text-slate-600 sm:flex-row sm:items-start sm:justify-between sm:gap-6 sm:px-6">
        <p>{t("footer")}</p>
        <Link href="/privacy" className="shrink-0 text-brand-700 underline">
          {t("privacy")}
        </Link>
      </div>
    </footer>
  );
}
