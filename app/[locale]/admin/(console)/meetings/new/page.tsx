import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { MeetingForm } from "@/app/_components/admin/meetings/MeetingForm";
import { adminPaths } from "@/app/_lib/admin-paths";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { pageActor } from "@/app/_server/authz";
import { nextMeetingDraft } from "@/app/_server/meetings/admin-queries";
import { createMeetingAction } from "./actions";

type Props = { params: Promise<{ locale: AppLocale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "adminMeetings.form" });
  return { title: t("newTitle") };
}

/** A new meeting, pre-filled from the newest one a year later. */
export default async function NewMeetingPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "editProgram", adminPaths.newMeeting);
  const [draft, t] = await Promise.all([nextMeetingDraft(actor), getTranslations("adminMeetings.form")]);
  return (
    <div className="max-w-3xl space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
        {draft.sources.length > 0 && <p className="text-slate-700">{t("newIntro")}</p>}
      </header>
      <MeetingForm
        action={createMeetingAction}
        defaults={draft.defaults}
        sources={draft.sources.map((source) => ({
          id: source.id,
          label: `${pick(source.title, locale) || source.slug} (${source.slug})`,
        }))}
      />
    </div>
  );
}
