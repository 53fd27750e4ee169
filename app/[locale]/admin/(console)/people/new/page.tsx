import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PersonForm } from "@/app/_components/admin/people/PersonForm";
import { adminPaths } from "@/app/_lib/admin-paths";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { Link } from "@/app/_lib/i18n/navigation";
import { pageActor } from "@/app/_server/authz";
import { personCityOptions } from "@/app/_server/people/city-options";
import { savePersonAction } from "../actions";

type Props = { params: Promise<{ locale: AppLocale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "adminMeetings.people" });
  return { title: t("newTitle") };
}

const empty = {
  givenName: "",
  familyName: "",
  nativeName: "",
  nameOrder: "given_first",
  honorificDe: "",
  honorificEn: "",
  honorificZh: "",
  positionDe: "",
  positionEn: "",
  positionZh: "",
  organization: "",
  cityId: "",
  slug: "",
};

export default async function NewPersonPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await pageActor(locale, "editProgram", adminPaths.newPerson);
  const [t, tc] = await Promise.all([getTranslations("adminMeetings.people"), getTranslations("countries")]);
  const cities = await personCityOptions(locale, { DE: tc("DE"), CN: tc("CN") });
  return (
    <div className="max-w-3xl space-y-6">
      <Link href={adminPaths.people} className="text-brand-700 underline">
        {t("backToList")}
      </Link>
      <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
      <PersonForm action={savePersonAction} defaults={empty} cities={cities} />
    </div>
  );
}
