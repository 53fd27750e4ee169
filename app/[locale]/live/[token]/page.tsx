import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConfidenceMonitor } from "@/app/_components/ceremony/live/ConfidenceMonitor";
import { ClientMessages } from "@/app/_components/site/ClientMessages";
import { liveNamespaces } from "@/app/_lib/i18n/messages";
import { livePaths } from "@/app/_lib/live-paths";
import { getMonitorShow } from "@/app/_server/ceremonies/live-queries";
import { orNotFound } from "@/app/_server/pages";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("live.monitor");
  // The address is a secret: never sent on as a referrer, never indexed.
  return { title: t("title"), referrer: "no-referrer", robots: { index: false, follow: false } };
}

/**
 * The speaker's confidence monitor, opened from its link on a stage laptop without signing in; in the
 * language of the address. An unknown or revoked link is a 404 that says so (not-found.tsx).
 */
export default async function ConfidenceMonitorPage({ params }: Props) {
  const { token } = await params;
  const show = await orNotFound(getMonitorShow(token));
  return (
    <ClientMessages namespaces={liveNamespaces}>
      <ConfidenceMonitor streamUrl={livePaths.monitorStream(token)} initial={show} />
    </ClientMessages>
  );
}
