import { getTranslations } from "next-intl/server";
import { feedPath } from "@/app/_lib/calendar-links";
import { subscribeData } from "@/app/_server/calendar/subscribe";
import { SubscribeLinks } from "./SubscribeLinks";

type Props = { feedPath: string; name: string; label?: string };

/** "Subscribe": a feed for calendar apps, folded away until asked for. */
export async function Subscribe({ feedPath, name, label }: Props) {
  const [t, data] = await Promise.all([getTranslations("calendar"), subscribeData(feedPath, name)]);
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4">
      <summary className="cursor-pointer font-semibold">{label ?? t("subscribe")}</summary>
      <div className="mt-3">
        <SubscribeLinks {...data} />
      </div>
    </details>
  );
}

/** "Add to calendar": one session as an .ics download, described in the visitor's language. */
export async function AddToCalendar({
  meetingSlug,
  sessionId,
  locale,
}: {
  meetingSlug: string;
  sessionId: string;
  locale: string;
}) {
  const t = await getTranslations("calendar");
  return (
    <a
      href={feedPath.session(meetingSlug, sessionId, locale)}
      download
      className="inline-block rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
    >
      {t("addToCalendar")}
    </a>
  );
}
