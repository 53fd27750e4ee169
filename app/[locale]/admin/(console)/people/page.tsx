import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DataTable, type Column } from "@/app/_components/DataTable";
import { ActionLink } from "@/app/_components/layout/ActionLink";
import { PageHeader } from "@/app/_components/layout/PageHeader";
import { adminPaths } from "@/app/_lib/admin-paths";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { Link } from "@/app/_lib/i18n/navigation";
import { displayName } from "@/app/_lib/names";
import { pageActor } from "@/app/_server/authz";
import { listPeople } from "@/app/_server/people/queries";

type Props = { params: Promise<{ locale: AppLocale }>; searchParams: Promise<{ q?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "adminMeetings.people" });
  return { title: t("title") };
}

/** Speakers and officials, searchable by name in any script and by organization. */
export default async function PeoplePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "editProgram", adminPaths.people);
  const { q } = await searchParams;
  const search = (typeof q === "string" ? q : "").slice(0, 100);
  const [people, t] = await Promise.all([listPeople(actor, search), getTranslations("adminMeetings.people")]);
  const columns: Column<(typeof people)[number]>[] = [
    {
      key: "name",
      header: t("name"),
      rowHeader: true,
      className: "font-medium",
      cell: (person) => {
        const name = displayName(person, locale);
        return (
          <>
            <Link href={adminPaths.person(person.id)} className="text-brand-700 underline">
              {name.primary}
            </Link>
            {name.secondary && <span className="ml-1 font-normal text-slate-600">({name.secondary})</span>}
          </>
        );
      },
    },
    { key: "position", header: t("position"), cell: (person) => pick(person.position, locale) },
    { key: "organization", header: t("organization"), cell: (person) => person.organization },
    { key: "city", header: t("city"), cell: (person) => (person.city ? pick(person.city, locale) : "") },
  ];

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        action={<ActionLink href={adminPaths.newPerson}>{t("new")}</ActionLink>}
      />
      <form role="search" method="get" className="flex flex-wrap items-end gap-2">
        <div className="space-y-1">
          <label htmlFor="people-search" className="block font-medium">
            {t("search")}
          </label>
          <input
            id="people-search"
            name="q"
            type="search"
            defaultValue={search}
            maxLength={100}
            aria-describedby="people-search-hint"
            className="w-72 max-w-full rounded border border-slate-300 bg-white px-3 py-2"
          />
          <p id="people-search-hint" className="text-sm text-slate-600">
            {t("searchHint")}
          </p>
        </div>
        <button
          type="submit"
          className="mb-6 rounded border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-50"
        >
          {t("searchSubmit")}
        </button>
      </form>
      <DataTable
        columns={columns}
        rows={people}
        rowKey={(person) => person.id}
        empty={t("empty")}
        testId="people"
      />
    </div>
  );
}
