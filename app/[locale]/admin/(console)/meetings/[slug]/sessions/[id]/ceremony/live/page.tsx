import { getTranslations, setRequestLocale } from "next-intl/server";
import { LivePageHeader } from "@/app/_components/ceremony/live/LivePageHeader";
import { OperatorConsole } from "@/app/_components/ceremony/live/OperatorConsole";
import { adminPaths } from "@/app/_lib/admin-paths";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { pageActor } from "@/app/_server/authz";
import { getCrewShow } from "@/app/_server/ceremonies/live-queries";
import { orNotFound } from "@/app/_server/pages";

type Props = { params: Promise<{ locale: AppLocale; slug: string; id: string }> };

export async function generateMetadata({ params }: Props) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "adminLiveViews.operator" });
  return { title: t("title") };
}

/** The operator's console of a ceremony's live show, for a phone or a tablet at the side of the stage. */
export default async function LiveOperatorPage({ params }: Props) {
  const { locale, slug, id } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "editProgram", adminPaths.ceremonyLive(slug, id));
  const show = await orNotFound(getCrewShow(actor, slug, id, locale));
  const t = await getTranslations("adminLiveViews.operator");
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <LivePageHeader
        kicker={t("kicker")}
        title={pick(show.sessionTitle, locale)}
        ceremonyHref={adminPaths.ceremony(slug, id)}
        other={{ href: adminPaths.ceremonyCrew(slug, id), text: t("crewView") }}
      />
      <OperatorConsole meetingSlug={slug} sessionId={id} timeZone={show.timeZone} initial={show} />
    </div>
  );
}
