import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_lib/i18n/navigation";

export default async function NotFound() {
  const t = await getTranslations("site");
  return (
    <div className="space-y-4 py-12 text-center">
      <h1 className="text-3xl font-bold">{t("notFoundTitle")}</h1>
      <p className="text-slate-600">{t("notFoundText")}</p>
      <Link
        href="/"
        className="inline-block rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
      >
        {t("backHome")}
      </Link>
    </div>
  );
}
