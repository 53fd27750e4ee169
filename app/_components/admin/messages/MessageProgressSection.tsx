import { getTranslations } from "next-intl/server";
import { PersonName } from "@/app/_components/admin/delegates/PersonName";
import { StatusBadge } from "@/app/_components/admin/outbox/StatusBadge";
import { DataTable, type Column } from "@/app/_components/DataTable";
import { adminPaths } from "@/app/_lib/admin-paths";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { Link } from "@/app/_lib/i18n/navigation";
import { formatDateTime } from "@/app/_lib/time";
import type { MessageProgress, SentRecipient } from "@/app/_server/desk/messages/messages";
import { RefreshWhileWaiting } from "./RefreshWhileWaiting";

type Props = {
  progress: MessageProgress;
  sentAt: string;
  sentByEmail: string | null;
  recipients: SentRecipient[];
  locale: AppLocale;
  timeZone: string;
  languageNames: Record<AppLocale, string>;
};

/** A sent message: how many emails left, wait and failed, and each recipient's email. */
export async function MessageProgressSection(props: Props) {
  const { progress, recipients, locale } = props;
  const t = await getTranslations("adminMessages");
  const figures = [
    ["sent", progress.sent],
    ["waiting", progress.waiting],
    ["failed", progress.failed],
  ] as const;
  const columns: Column<SentRecipient>[] = [
    {
      key: "name",
      header: t("recipients.name"),
      rowHeader: true,
      className: "font-medium",
      cell: (recipient) => (
        <PersonName person={recipient.name} honorific={recipient.name.honorific} locale={locale} />
      ),
    },
    {
      key: "language",
      header: t("recipients.gets"),
      cell: (recipient) => props.languageNames[recipient.language],
    },
    {
      key: "email",
      header: t("progress.email"),
      cell: (recipient) =>
        recipient.status && recipient.emailId ? (
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={recipient.status} />
            <Link href={adminPaths.outboxEmail(recipient.emailId)} className="text-brand-700 underline">
              {t("progress.openEmail")}
            </Link>
            {recipient.lastError && <span className="text-xs text-slate-600">{recipient.lastError}</span>}
          </span>
        ) : (
          t("progress.gone")
        ),
    },
  ];
  return (
    <section aria-labelledby="message-progress" className="space-y-3" data-testid="message-progress">
      <RefreshWhileWaiting waiting={progress.waiting > 0} />
      <h2 id="message-progress" className="text-xl font-semibold">
        {t("progress.title")}
      </h2>
      <p>
        {t("progress.sentBy", {
          date: formatDateTime(props.sentAt, props.timeZone, locale),
          email: props.sentByEmail ?? "",
        })}
      </p>
      <dl className="grid max-w-xl grid-cols-3 gap-3">
        {figures.map(([key, count]) => (
          <div
            key={key}
            className="rounded border border-slate-200 bg-white p-3"
            data-testid={`progress-${key}`}
          >
            <dt className="text-sm text-slate-600">{t(`progress.${key}`)}</dt>
            <dd className="text-2xl font-bold tabular-nums">{count}</dd>
          </div>
        ))}
      </dl>
      {progress.retrying > 0 && <p>{t("progress.retrying", { count: progress.retrying })}</p>}
      {progress.failed > 0 && <p>{t("progress.failedNote")}</p>}
      <p className="text-sm text-slate-600">
        {progress.waiting > 0 ? t("progress.refreshing") : progress.failed === 0 ? t("progress.done") : null}
      </p>
      <DataTable
        columns={columns}
        rows={recipients}
        rowKey={(recipient) => recipient.registrationId}
        rowProps={() => ({ "data-testid": "sent-recipient" })}
        label={t("recipients.title")}
        minWidth="min-w-[36rem]"
      />
    </section>
  );
}
