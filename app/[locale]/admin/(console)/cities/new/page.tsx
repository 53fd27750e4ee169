import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CityForm } from "@/app/_components/admin/cities/CityForm";
import { adminPaths } from "@/app/_lib/admin-paths";
import { emptyCityForm } from "@/app/_lib/cities/fields";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { Link } from "@/app/_lib/i18n/navigation";
import { pageActor } from "@/app/_server/authz";
import { saveCityAction } from "../actions";

type Props = { params: Promise<{ locale: AppLocale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "adminCities.form" });
  return { title: t("newTitle") };
}

/** A new city: a candidate unless the organizer says otherwise. */
export default async function NewCityPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await pageActor(locale, "editProgram", adminPaths.newCity);
  const [t, tc] = await Promise.all([getTranslations("adminCities.form"), getTranslations("countries")]);
  return (
    <div className="max-w-4xl space-y-6">
      <Link href={adminPaths.cities} className="text-brand-700 underline">
        {t("backToList")}
      </Link>
      <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
      <CityForm action={saveCityAction} defaults={emptyCityForm} countries={{ DE: tc("DE"), CN: tc("CN") }} />
    </div>
  );
}
