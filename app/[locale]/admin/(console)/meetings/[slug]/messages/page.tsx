import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { MeetingAdminNav } from "@/app/_components/admin/MeetingAdminNav";
import { MessageStatus } from "@/app/_components/admin/messages/MessageStatus";
import { NewMessageButton } from "@/app/_components/admin/messages/NewMessageButton";
import { DataTable, type Column } from "@/app/_components/DataTable";
import { adminPaths } from "@/app/_lib/admin-paths";
import { messageHeadline, messageState } from "@/app/_lib/delegate-message";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { Link } from "@/app/_lib/i18n/navigation";
import { formatDateTime } from "@/app/_lib/time";
import { pageActor } from "@/app/_server/authz";
import { listMessages, type MessageSummary } from "@/app/_server/desk/messages/messages";
import { orNotFound } from "@/app/_server/pages";
import { createMessageAction } from "./actions";

type Props = { params: Promise<{ locale: AppLocale; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "adminMessages" });
  return { title: t("title") };
}

/** The meeting's messages to delegates: drafts and sent ones with their progress, and a new one. */
export default async function MessagesPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "writeToDelegates", adminPaths.messages(slug));
  const { meeting, messages } = await orNotFound(listMessages(actor, slug));
  const t = await getTranslations("adminMessages");
  const columns: Column<MessageSummary>[] = [
    {
      key: "subject",
      header: t("subject"),
      rowHeader: true,
      className: "font-medium",
      cell: (message) => (
        <Link
          href={adminPaths.message(slug, message.id, message.filterQuery)}
          className="text-brand-700 underline-offset-2 hover:underline"
        >
          {messageHeadline(message.texts, locale) || t("noSubject")}
        </Link>
      ),
    },
    {
      key: "status",
      header: t("status"),
      cell: (message) => (
        <span className="space-y-1">
          <MessageStatus state={messageState(message.sentAt, message.progress)} />
          {message.progress && (
            <span className="block text-slate-600">{t("progressLine", message.progress)}</span>
          )}
        </span>
      ),
    },
    {
      key: "created",
      header: t("created"),
      className: "whitespace-nowrap",
      cell: (message) => formatDateTime(message.sentAt ?? message.createdAt, meeting.timeZone, locale),
    },
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{pick(meeting.title, locale) || slug}</h1>
      <MeetingAdminNav slug={slug} role={actor.role} />
      <header className="space-y-1">
        <h2 className="text-xl font-semibold">{t("title")}</h2>
        <p className="max-w-3xl text-slate-700">{t("intro")}</p>
      </header>
      <NewMessageButton action={createMessageAction} meetingSlug={slug} />
      <DataTable
        columns={columns}
        rows={messages}
        rowKey={(message) => message.id}
        label={t("list")}
        empty={t("empty")}
        minWidth="min-w-[32rem]"
        testId="messages"
      />
    </div>
  );
}
