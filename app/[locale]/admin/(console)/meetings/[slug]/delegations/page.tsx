import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DelegationCard, MemberLine } from "@/app/_components/admin/delegates/DelegationCard";
import { MeetingAdminNav } from "@/app/_components/admin/MeetingAdminNav";
import { adminPaths } from "@/app/_lib/admin-paths";
import { Link } from "@/app/_lib/i18n/navigation";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { pageActor } from "@/app/_server/authz";
import { orNotFound } from "@/app/_server/pages";
import { getDelegations } from "@/app/_server/desk/delegations";

type Props = { params: Promise<{ locale: AppLocale; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "adminRegistrations.delegations" });
  return { title: t("title") };
}

/** The delegations city by city, German and Chinese member cities side by side, then everyone else. */
export default async function DelegationsPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "manageRegistrations", adminPaths.delegations(slug));
  const { meeting, delegations, outside } = await orNotFound(getDelegations(actor, slug));
  const [t, tc, tv] = await Promise.all([
    getTranslations("adminRegistrations.delegations"),
    getTranslations("countries"),
    getTranslations("adminRegistrations.visa"),
  ]);
  const people = delegations.reduce((sum, delegation) => sum + delegation.registered, 0) + outside.length;
  const cities = delegations.filter((delegation) => delegation.registered > 0).length;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{pick(meeting.title, locale) || slug}</h1>
      <MeetingAdminNav slug={slug} role={actor.role} />
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <div className="space-y-1">
          <h2 className="text-xl font-semibold">{t("title")}</h2>
          <p className="max-w-3xl text-slate-700">{t("intro")}</p>
          <p className="font-medium" data-testid="delegations-total">
            {t("total", { people, cities })}
          </p>
        </div>
        <Link href={adminPaths.visaLetters(slug)} className="text-brand-700 underline">
          {tv("title")}
        </Link>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        {(["DE", "CN"] as const).map((country) => (
          <section
            key={country}
            aria-labelledby={`country-${country}`}
            className="space-y-3"
            data-testid={`country-${country}`}
          >
            <h2 id={`country-${country}`} className="text-lg font-semibold">
              {tc(country)}
            </h2>
            {delegations
              .filter((delegation) => delegation.country === country)
              .sort((a, b) => pick(a.name, locale).localeCompare(pick(b.name, locale), locale))
              .map((delegation) => (
                <DelegationCard key={delegation.cityId} delegation={delegation} slug={slug} />
              ))}
          </section>
        ))}
      </div>
      <section
        aria-labelledby="outside"
        className="space-y-2 rounded border border-slate-200 bg-white p-4"
        data-testid="outside"
      >
        <h2 id="outside" className="text-lg font-semibold">
          {t("outside")}
        </h2>
        <p className="text-sm text-slate-700">{t("outsideIntro")}</p>
        {outside.length === 0 ? (
          <p className="text-sm text-slate-600">{t("outsideEmpty")}</p>
        ) : (
          <ul className="grid gap-x-6 sm:grid-cols-2">
            {outside.map((member) => (
              <MemberLine key={member.id} member={member} slug={slug} showRole />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
