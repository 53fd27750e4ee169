import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { MeetingAdminNav } from "@/app/_components/admin/MeetingAdminNav";
import { CopySummary } from "@/app/_components/admin/meetings/CopySummary";
import { MeetingForm } from "@/app/_components/admin/meetings/MeetingForm";
import { PracticalInfoForm } from "@/app/_components/admin/meetings/PracticalInfoForm";
import { QuotaForm } from "@/app/_components/admin/meetings/QuotaForm";
import { TitledSection } from "@/app/_components/layout/TitledSection";
import { adminPaths } from "@/app/_lib/admin-paths";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { pageActor } from "@/app/_server/authz";
import { getMeetingSettings, listCityQuotas } from "@/app/_server/meetings/admin-queries";
import { getCopySummary } from "@/app/_server/meetings/copy";
import { practicalInfoFormValues } from "@/app/_server/meetings/practical-info";
import { orNotFound } from "@/app/_server/pages";
import { savePracticalInfoAction, saveQuotasAction, updateMeetingAction } from "./actions";

type Props = { params: Promise<{ locale: AppLocale; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "adminMeetings.form" });
  return { title: t("settingsTitle") };
}

/** One meeting's settings and the delegate quotas of the member cities. */
export default async function MeetingSettingsPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "editProgram", adminPaths.meeting(slug));
  const meeting = await orNotFound(getMeetingSettings(actor, slug));
  const [quotas, copied, practical, t, tp] = await Promise.all([
    listCityQuotas(actor, meeting.id),
    getCopySummary(actor, meeting.id),
    practicalInfoFormValues(actor, meeting.id),
    getTranslations("adminMeetings"),
    getTranslations("practicalInfo.editor"),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{pick(meeting.title, locale) || meeting.defaults.slug}</h1>
      <MeetingAdminNav slug={meeting.defaults.slug} role={actor.role} />
      {copied && <CopySummary summary={copied} meetingSlug={meeting.defaults.slug} locale={locale} />}
      <div className="max-w-3xl">
        <MeetingForm action={updateMeetingAction} defaults={meeting.defaults} meetingId={meeting.id} />
      </div>
      <TitledSection id="practical-info-title" title={tp("title")} className="max-w-5xl space-y-3">
        <p className="text-slate-700">{tp("intro")}</p>
        <PracticalInfoForm action={savePracticalInfoAction} meetingId={meeting.id} defaults={practical} />
      </TitledSection>
      <TitledSection id="quotas-title" title={t("quotas.title")}>
        <p className="text-slate-700">{t("quotas.intro")}</p>
        <QuotaForm action={saveQuotasAction} meetingId={meeting.id} rows={quotas} />
      </TitledSection>
    </div>
  );
}
