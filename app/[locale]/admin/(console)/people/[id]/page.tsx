import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DeletePersonForm, PersonForm } from "@/app/_components/admin/people/PersonForm";
import { TitledSection } from "@/app/_components/layout/TitledSection";
import { adminPaths } from "@/app/_lib/admin-paths";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { Link } from "@/app/_lib/i18n/navigation";
import { nameLine, type PersonName } from "@/app/_lib/names";
import type { PersonFormDefaults } from "@/app/_lib/people/fields";
import { pageActor } from "@/app/_server/authz";
import { orNotFound } from "@/app/_server/pages";
import { personCityOptions } from "@/app/_server/people/city-options";
import { getPerson } from "@/app/_server/people/queries";
import { deletePersonAction, savePersonAction } from "../actions";

type Props = { params: Promise<{ locale: AppLocale; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "adminMeetings.people" });
  return { title: t("editTitle") };
}

/** The stored name as the form holds it (all strings), for the heading. */
function nameOf(defaults: PersonFormDefaults): PersonName {
  return {
    givenName: defaults.givenName,
    familyName: defaults.familyName,
    nativeName: defaults.nativeName || null,
    nameOrder: defaults.nameOrder === "family_first" ? "family_first" : "given_first",
  };
}

/** One person: the form, where they take part (the reason a deletion is refused), and delete. */
export default async function PersonPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "editProgram", adminPaths.person(id));
  const person = await orNotFound(getPerson(actor, id));
  const [t, tc] = await Promise.all([getTranslations("adminMeetings.people"), getTranslations("countries")]);
  const cities = await personCityOptions(locale, { DE: tc("DE"), CN: tc("CN") });
  const role = { speaker: t("asSpeaker"), segment: t("asSegment"), official: t("asOfficial") };
  return (
    <div className="max-w-3xl space-y-6">
      <Link href={adminPaths.people} className="text-brand-700 underline">
        {t("backToList")}
      </Link>
      <h1 className="text-2xl font-bold">
        {t("editHeading", { name: nameLine(nameOf(person.defaults), locale) })}
      </h1>
      <PersonForm action={savePersonAction} defaults={person.defaults} personId={person.id} cities={cities} />
      <TitledSection
        id="uses-title"
        title={t("usesTitle")}
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
        small
      >
        {person.uses.length === 0 ? (
          <p>{t("usesNone")}</p>
        ) : (
          <>
            <p>{t("usesIntro")}</p>
            <ul className="list-disc space-y-1 pl-6">
              {person.uses.map((use) => (
                <li key={`${use.as}-${use.sessionId}`}>
                  {role[use.as]}{" "}
                  <Link
                    href={
                      use.as === "speaker"
                        ? adminPaths.session(use.meetingSlug, use.sessionId)
                        : adminPaths.ceremony(use.meetingSlug, use.sessionId)
                    }
                    className="text-brand-700 underline"
                  >
                    {pick(use.sessionTitle, locale)}
                  </Link>{" "}
                  ({use.meetingSlug})
                </li>
              ))}
            </ul>
          </>
        )}
        <DeletePersonForm action={deletePersonAction} personId={person.id} />
      </TitledSection>
    </div>
  );
}
