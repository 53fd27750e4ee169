import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CityForm } from "@/app/_components/admin/cities/CityForm";
import { adminPaths } from "@/app/_lib/admin-paths";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { Link } from "@/app/_lib/i18n/navigation";
import { getCityForEdit } from "@/app/_server/alliance/admin-queries";
import { pageActor } from "@/app/_server/authz";
import { orNotFound } from "@/app/_server/pages";
import { saveCityAction } from "../actions";

type Props = { params: Promise<{ locale: AppLocale; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "adminCities.form" });
  return { title: t("editPageTitle") };
}

/** One city: its form, and the ceremony that admitted it where one did. */
export default async function CityPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "editProgram", adminPaths.city(id));
  const city = await orNotFound(getCityForEdit(actor, id));
  const [t, tc] = await Promise.all([getTranslations("adminCities.form"), getTranslations("countries")]);
  const name = pick({ de: city.defaults.nameDe, en: city.defaults.nameEn, zh: city.defaults.nameZh }, locale);
  const inductedBy = city.inductedBy && (
    <Link
      href={adminPaths.ceremony(city.inductedBy.meetingSlug, city.inductedBy.sessionId)}
      className="text-brand-700 underline"
    >
      {t("inductedBy", { title: pick(city.inductedBy.title, locale), meeting: city.inductedBy.meetingSlug })}
    </Link>
  );
  return (
    <div className="max-w-4xl space-y-6">
      <Link href={adminPaths.cities} className="text-brand-700 underline">
        {t("backToList")}
      </Link>
      <h1 className="text-2xl font-bold">{t("editTitle", { name })}</h1>
      <CityForm
        action={saveCityAction}
        defaults={city.defaults}
        cityId={city.id}
        countries={{ DE: tc("DE"), CN: tc("CN") }}
        inductedBy={inductedBy}
      />
    </div>
  );
}
