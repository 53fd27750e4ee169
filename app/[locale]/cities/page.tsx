import { getTranslations } from "next-intl/server";
import { CityList } from "@/app/_components/meeting/CityList";
import { listCities } from "@/app/_server/alliance/queries";
import { pageLocale } from "@/app/_server/pages";

export async function generateMetadata() {
  const t = await getTranslations("cities");
  return { title: t("title") };
}

export default async function CitiesPage() {
  const locale = await pageLocale();
  const [t, cities] = await Promise.all([getTranslations("cities"), listCities()]);
  const newest = cities.reduce<string | null>(
    (latest, city) => (city.joinedOn && (!latest || city.joinedOn > latest) ? city.joinedOn : latest),
    null,
  );
  const highlight = new Set(
    cities.filter((city) => newest && city.joinedOn === newest).map((city) => city.id),
  );
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="text-slate-700">{t("intro", { total: cities.length })}</p>
      <CityList cities={cities} highlight={highlight} locale={locale} showJoined />
    </div>
  );
}
