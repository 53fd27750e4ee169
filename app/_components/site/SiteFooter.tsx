import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("site");
  return (
    <footer className="border-t border-slate-200 bg-white print:hidden">
      <p className="mx-auto max-w-6xl px-4 py-6 text-sm text-slate-600 sm:px-6">{t("footer")}</p>
    </footer>
  );
}
