import { getTranslations } from "next-intl/server";
import { CityList } from "@/app/_components/meeting/CityList";
import { listCities } from "@/app/_server/alliance/queries";
import { pageLocale } from "@/app/_server/pages";

export async function generateMetadata() {
  const t = await getTranslations("cities");
  return { title: t("title") };
}

/** The members, each with when it joined, the newest highlighted; observer cities apart, where there are any. */
export default async function CitiesPage() {
  const locale = await pageLocale();
  const [t, cities] = await Promise.all([getTranslations("cities"), listCities(["member", "observer"])]);
  const members = cities.filter((city) => city.status === "member");
  const observers = cities.filter((city) => city.status === "observer");
  const newest = members.reduce<string | null>(
    (latest, city) => (city.joinedOn && (!latest || city.joinedOn > latest) ? city.joinedOn : latest),
    null,
  );
  const highlight = new Set(
    members.filter((city) => newest && city.joinedOn === newest).map((city) => city.id),
  );
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="text-slate-700">{t("intro", { total: members.length })}</p>
      <CityList cities={members} highlight={highlight} locale={locale} level={2} />
      {observers.length > 0 && (
        <section aria-labelledby="observers" className="space-y-2 pt-4">
          <h2 id="observers" className="text-2xl font-semibold">
            {t("observers")}
          </h2>
          <p className="text-slate-700">{t("observersIntro")}</p>
          <CityList cities={observers} locale={locale} status="observer" />
        </section>
      )}
    </div>
  );
}
