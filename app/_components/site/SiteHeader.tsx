import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_lib/i18n/navigation";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { getAlliance } from "@/app/_server/alliance/queries";
import { LanguageSwitcher } from "./LanguageSwitcher";

export async function SiteHeader({ locale }: { locale: AppLocale }) {
  const [t, alliance] = await Promise.all([getTranslations("site"), getAlliance()]);
  return (
    <header className="border-b-4 border-brand-700 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link
          href="/"
          className="flex items-center gap-3 font-semibold leading-tight text-slate-900 no-underline"
        >
          <span
            aria-hidden="true"
            className="grid size-9 shrink-0 place-items-center rounded bg-brand-700 text-sm font-bold text-white"
          >
            中德
          </span>
          <span className="max-w-[16rem] text-sm sm:max-w-none sm:text-base">
            {alliance ? pick(alliance.name, locale) : ""}
          </span>
        </Link>
        <nav aria-label={t("home")} className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          <Link href="/" className="text-slate-700 hover:text-brand-700">
            {t("home")}
          </Link>
          <Link href="/cities" className="text-slate-700 hover:text-brand-700">
            {t("cities")}
          </Link>
          <LanguageSwitcher label={t("language")} />
        </nav>
      </div>
    </header>
  );
}
