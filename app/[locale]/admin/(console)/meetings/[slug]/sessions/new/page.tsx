import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { MeetingAdminNav } from "@/app/_components/admin/MeetingAdminNav";
import { editorOptions } from "@/app/_components/admin/sessions/editor-options";
import { SessionForm } from "@/app/_components/admin/sessions/SessionForm";
import { adminPaths } from "@/app/_lib/admin-paths";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { zoneName } from "@/app/_lib/time";
import { Link } from "@/app/_lib/i18n/navigation";
import { getSessionEditor } from "@/app/_server/agenda/admin-queries";
import { pageActor } from "@/app/_server/authz";
import { orNotFound } from "@/app/_server/pages";
import { saveSession } from "../actions";

type Props = { params: Promise<{ locale: AppLocale; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "adminSessions.editor" }))("newTitle") };
}

export default async function NewSessionPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "editProgram", adminPaths.newSession(slug));
  const editor = await orNotFound(getSessionEditor(actor, slug));
  const t = await getTranslations("adminSessions.editor");
  const options = editorOptions(editor, locale, (name, capacity) => t("roomCapacity", { name, capacity }));
  return (
    <div className="space-y-6">
      <MeetingAdminNav slug={slug} role={actor.role} />
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
        <Link href={adminPaths.sessions(slug)} className="text-brand-700 underline">
          {t("backToList")}
        </Link>
      </div>
      <SessionForm
        action={saveSession}
        meetingSlug={slug}
        timeZoneName={zoneName(editor.meeting.timeZone, locale)}
        firstDay={editor.meeting.startsOn}
        {...options}
      />
    </div>
  );
}
