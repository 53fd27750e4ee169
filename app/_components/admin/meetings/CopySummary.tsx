import { getTranslations } from "next-intl/server";
import { adminPaths } from "@/app/_lib/admin-paths";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { Link } from "@/app/_lib/i18n/navigation";
import type { CopySummary as Summary } from "@/app/_server/meetings/copy";

type Props = { summary: Summary; meetingSlug: string; locale: AppLocale };

/**
 * What a meeting was prepared from and what came along ("2 sessions as drafts, 3 rooms, …"), with the
 * way on to the program, where the copied drafts are checked and published.
 */
export async function CopySummary({ summary, meetingSlug, locale }: Props) {
  const t = await getTranslations({ locale, namespace: "adminMeetings.copy" });
  const { counts } = summary;
  const parts = [
    counts.sessions > 0 && t("count.sessions", { count: counts.sessions }),
    counts.ceremonies > 0 && t("count.ceremonies", { count: counts.ceremonies, segments: counts.segments }),
    counts.rooms > 0 && t("count.rooms", { count: counts.rooms }),
    counts.tracks > 0 && t("count.tracks", { count: counts.tracks }),
    counts.visaLetters > 0 && t("count.visaLetters", { count: counts.visaLetters }),
    counts.quotas > 0 && t("count.quotas", { count: counts.quotas }),
    counts.practicalInfo > 0 && t("count.practicalInfo"),
  ].filter((part): part is string => Boolean(part));
  const list = new Intl.ListFormat(locale, { type: "conjunction" }).format(parts);
  return (
    <section
      aria-labelledby="copy-summary-title"
      className="max-w-3xl space-y-2 rounded-lg border border-emerald-200 bg-emerald-50 p-4"
      data-testid="copy-summary"
    >
      <h2 id="copy-summary-title" className="font-semibold">
        {t("summaryTitle", { slug: summary.fromSlug })}
      </h2>
      <p>{parts.length ? t("summary", { list }) : t("nothing")}</p>
      {counts.sessions > 0 && (
        <p className="text-sm text-slate-700">
          {t("summaryHint")}{" "}
          <Link href={adminPaths.sessions(meetingSlug)} className="text-brand-700 underline">
            {t("toProgram")}
          </Link>
        </p>
      )}
    </section>
  );
}
