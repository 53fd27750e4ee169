import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { MeetingAdminNav } from "@/app/_components/admin/MeetingAdminNav";
import { editorOptions } from "@/app/_components/admin/sessions/editor-options";
import { SessionForm } from "@/app/_components/admin/sessions/SessionForm";
import { SessionStatusForms } from "@/app/_components/admin/sessions/SessionStatusForms";
import { TitledSection } from "@/app/_components/layout/TitledSection";
import { adminPaths } from "@/app/_lib/admin-paths";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { zoneName } from "@/app/_lib/time";
import { colon } from "@/app/_lib/i18n/punctuation";
import { Link } from "@/app/_lib/i18n/navigation";
import { getSessionEditor } from "@/app/_server/agenda/admin-queries";
import { pageActor } from "@/app/_server/authz";
import { orNotFound } from "@/app/_server/pages";
import {
  cancelSessionAction,
  deleteSessionAction,
  duplicateSessionAction,
  publishSessionAction,
  saveSession,
  unpublishSessionAction,
} from "../actions";

type Props = { params: Promise<{ locale: AppLocale; slug: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "adminSessions.editor" }))("editTitle") };
}

export default async function EditSessionPage({ params }: Props) {
  const { locale, slug, id } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "editProgram", adminPaths.session(slug, id));
  const editor = await orNotFound(getSessionEditor(actor, slug, id));
  const session = editor.session;
  if (!session) notFound();
  const [t, ts] = await Promise.all([
    getTranslations("adminSessions.editor"),
    getTranslations("adminSessions.status"),
  ]);
  const options = editorOptions(editor, locale, (name, capacity) => t("roomCapacity", { name, capacity }));
  return (
    <div className="space-y-6">
      <MeetingAdminNav slug={slug} role={actor.role} />
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">
          {t("editTitle")}
          {colon(locale)}
          <span lang="de">{session.titleDe}</span>
        </h1>
        <div className="flex flex-wrap gap-4">
          {session.kind === "ceremony" && (
            <Link href={adminPaths.ceremony(slug, id)} className="text-brand-700 underline">
              {t("runOfShow")}
            </Link>
          )}
          <Link href={adminPaths.sessions(slug)} className="text-brand-700 underline">
            {t("backToList")}
          </Link>
        </div>
      </div>
      <SessionForm
        action={saveSession}
        meetingSlug={slug}
        timeZoneName={zoneName(editor.meeting.timeZone, locale)}
        firstDay={editor.meeting.startsOn}
        session={session}
        {...options}
      />
      <TitledSection
        id="status-title"
        title={ts("title")}
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
        small
      >
        <SessionStatusForms
          meetingSlug={slug}
          sessionId={id}
          status={session.status}
          noticeAudience={session.noticeAudience}
          actions={{
            publish: publishSessionAction,
            unpublish: unpublishSessionAction,
            cancel: cancelSessionAction,
            remove: deleteSessionAction,
            duplicate: duplicateSessionAction,
          }}
        />
      </TitledSection>
    </div>
  );
}
