import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { BadgeCard } from "@/app/_components/admin/badges/BadgeCard";
import { PrintButton } from "@/app/_components/layout/PrintButton";
import { MeetingAdminNav } from "@/app/_components/admin/MeetingAdminNav";
import { adminPaths } from "@/app/_lib/admin-paths";
import { badgeText } from "@/app/_lib/badges";
import { Link } from "@/app/_lib/i18n/navigation";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { may } from "@/app/_lib/roles";
import { pageActor } from "@/app/_server/authz";
import { getBadgeSheet } from "@/app/_server/check-in/badges";
import { orNotFound } from "@/app/_server/pages";
import "./badges.css";

type Props = {
  params: Promise<{ locale: AppLocale; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "adminOnSite.badges" });
  return { title: t("title") };
}

/** Badges on an A4 page: two across, four down. */
const PER_PAGE = 8;

/**
 * The printable badge sheet: one delegate (`?id=`, the check-in desk's "Print badge" too) or the
 * registration list's filters (the same query string as the list and the exports); without any, every
 * confirmed registration. Each badge speaks its delegate's language, whatever the page's. Everything but
 * the sheets is hidden in print.
 */
export default async function BadgesPage({ params, searchParams }: Props) {
  const [{ locale, slug }, search] = await Promise.all([params, searchParams]);
  setRequestLocale(locale);
  // One badge is what the check-in desk prints; the sheets of the list are the organizers' (getBadgeSheet).
  const one = typeof search.id === "string" ? search.id : null;
  const path = `${adminPaths.badges(slug)}${one === null ? "" : `?id=${encodeURIComponent(one)}`}`;
  const actor = await pageActor(locale, one === null ? "manageRegistrations" : "printBadge", path);
  const { meeting, selection, badges } = await orNotFound(getBadgeSheet(actor, slug, search));
  const t = await getTranslations("adminOnSite.badges");
  const title = pick(meeting.title, locale, meeting.defaultLocale);
  const pages = Array.from({ length: Math.ceil(badges.length / PER_PAGE) }, (_, index) =>
    badges.slice(index * PER_PAGE, (index + 1) * PER_PAGE),
  );
  const selectionText = {
    one: t("oneSelection"),
    filtered: t("filteredSelection"),
    confirmed: t("defaultSelection"),
  }[selection];

  return (
    <div className="space-y-5">
      <div className="space-y-3 print:hidden">
        <h1 className="text-2xl font-bold">
          {t("title")} · {title}
        </h1>
        <MeetingAdminNav slug={slug} role={actor.role} />
        <p>{selectionText}</p>
        {one !== null && !may(actor.role, "manageRegistrations") && (
          <p>
            <Link
              href={`${adminPaths.checkIn(slug)}?id=${encodeURIComponent(one)}`}
              className="font-medium text-brand-700 underline"
            >
              {t("backToCheckIn")}
            </Link>
          </p>
        )}
        <p className="text-slate-700">{t("intro")}</p>
        <p className="text-slate-700">{t("languageNote")}</p>
        <div className="flex flex-wrap items-center gap-4">
          <PrintButton label={t("print")} />
          <span className="font-semibold" data-testid="badge-count">
            {t("count", { count: badges.length })}
          </span>
        </div>
      </div>
      {badges.length === 0 && <p>{t("none")}</p>}
      <div className="badge-sheet overflow-x-auto print:overflow-visible">
        {pages.map((page, index) => (
          <section key={index} className="badge-page">
            {page.map((badge) => (
              <BadgeCard key={badge.id} badge={badge} text={badgeText(badge, meeting)} qrLabel={t("qrAlt")} />
            ))}
          </section>
        ))}
      </div>
    </div>
  );
}
