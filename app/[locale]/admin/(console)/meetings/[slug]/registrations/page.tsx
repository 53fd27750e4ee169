import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { MeetingAdminNav } from "@/app/_components/admin/MeetingAdminNav";
import { DeskFilterForm } from "@/app/_components/admin/registrations/DeskFilterForm";
import { DeskTable } from "@/app/_components/admin/registrations/DeskTable";
import { deskHref } from "@/app/_components/admin/registrations/format";
import { adminPaths, withQuery } from "@/app/_lib/admin-paths";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { Link } from "@/app/_lib/i18n/navigation";
import { deskFilterQuery, parseDeskFilters } from "@/app/_lib/registration/desk-filters";
import { pageActor } from "@/app/_server/authz";
import { orNotFound } from "@/app/_server/pages";
import { deskChoices, getDeskMeeting, listDeskRegistrations } from "@/app/_server/desk/desk-queries";

type Props = {
  params: Promise<{ locale: AppLocale; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "adminRegistrations.desk" });
  return { title: t("title") };
}

/** The registration desk: every registration of the meeting, searched, filtered and sorted through the address. */
export default async function RegistrationsPage({ params, searchParams }: Props) {
  const [{ locale, slug }, query] = await Promise.all([params, searchParams]);
  setRequestLocale(locale);
  const actor = await pageActor(locale, "manageRegistrations", adminPaths.registrations(slug));
  const meeting = await orNotFound(getDeskMeeting(actor, slug));
  const filters = parseDeskFilters(query);
  const page = Number.parseInt(typeof query.page === "string" ? query.page : "1", 10) || 1;
  const [list, choices, t] = await Promise.all([
    listDeskRegistrations(actor, meeting.id, filters, page),
    deskChoices(actor, meeting.id),
    getTranslations("adminRegistrations.desk"),
  ]);
  const base = adminPaths.registrations(slug);
  const filterQuery = deskFilterQuery(filters);
  const withFilters = (path: string) => (filterQuery ? `${path}?${filterQuery}` : path);
  // The files speak the language of the page they are downloaded from: headers, statuses, roles, sheet.
  const exportHref = (format: "csv" | "xlsx") =>
    withQuery(adminPaths.registrationsExport(slug, format), filterQuery, `lang=${locale}`);
  const link = "font-medium text-brand-700 underline";

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{pick(meeting.title, locale) || slug}</h1>
      <MeetingAdminNav slug={slug} role={actor.role} />
      <header className="space-y-1">
        <h2 className="text-xl font-semibold">{t("title")}</h2>
        <p className="text-slate-700">{t("intro")}</p>
      </header>
      <DeskFilterForm
        filters={filters}
        cities={choices.cities}
        sessions={choices.sessions}
        locale={locale}
        timeZone={meeting.timeZone}
        resetHref={base}
      />
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-2">
        <p className="text-lg font-semibold" role="status" data-testid="registration-count">
          {t("count", { count: list.total })}
        </p>
        <span className="text-slate-600">{t("forList")}</span>
        {/* Route handlers without a language prefix: plain links, not the locale-aware Link. */}
        <a href={exportHref("csv")} className={link} download>
          {t("exportCsv")}
        </a>
        <a href={exportHref("xlsx")} className={link} download>
          {t("exportXlsx")}
        </a>
        <Link href={withFilters(adminPaths.badges(slug))} className={link}>
          {t("badges")}
        </Link>
        <Link href={adminPaths.delegations(slug)} className={link}>
          {t("delegations")}
        </Link>
        <Link href={adminPaths.visaLetters(slug)} className={link}>
          {t("visaLetters")}
        </Link>
      </div>
      {list.total === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <DeskTable
          rows={list.rows}
          filters={filters}
          slug={slug}
          locale={locale}
          timeZone={meeting.timeZone}
        />
      )}
      {list.pages > 1 && (
        <nav aria-label={t("pagination")} className="flex flex-wrap items-center gap-4">
          {list.page > 1 && (
            <Link href={deskHref(base, filters, list.page - 1)} className={link} rel="prev">
              {t("previous")}
            </Link>
          )}
          <span>{t("page", { page: list.page, pages: list.pages })}</span>
          {list.page < list.pages && (
            <Link href={deskHref(base, filters, list.page + 1)} className={link} rel="next">
              {t("next")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
