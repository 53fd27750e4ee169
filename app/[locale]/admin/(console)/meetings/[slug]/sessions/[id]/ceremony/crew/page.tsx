import { getTranslations, setRequestLocale } from "next-intl/server";
import { CrewTimeline } from "@/app/_components/ceremony/live/CrewTimeline";
import { LivePageHeader } from "@/app/_components/ceremony/live/LivePageHeader";
import { adminPaths } from "@/app/_lib/admin-paths";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { pageActor } from "@/app/_server/authz";
import { getCrewShow } from "@/app/_server/ceremonies/live-queries";
import { orNotFound } from "@/app/_server/pages";

type Props = { params: Promise<{ locale: AppLocale; slug: string; id: string }> };

export async function generateMetadata({ params }: Props) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "adminLiveViews.crew" });
  return { title: t("title") };
}

/** The live run-of-show for crew and interpreters, read-only, in the language of the address. */
export default async function LiveCrewPage({ params }: Props) {
  const { locale, slug, id } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "editProgram", adminPaths.ceremonyCrew(slug, id));
  const show = await orNotFound(getCrewShow(actor, slug, id, locale));
  const t = await getTranslations("adminLiveViews.crew");
  return (
    <div className="space-y-4">
      <LivePageHeader
        kicker={t("kicker")}
        title={pick(show.sessionTitle, locale)}
        ceremonyHref={adminPaths.ceremony(slug, id)}
        other={{ href: adminPaths.ceremonyLive(slug, id), text: t("operatorView") }}
      />
      <CrewTimeline
        streamUrl={`${adminPaths.liveStream(slug, id)}?lang=${locale}`}
        timeZone={show.timeZone}
        initial={show}
      />
    </div>
  );
}
