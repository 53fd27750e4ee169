import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DataTable, type Column } from "@/app/_components/DataTable";
import { PageHeader } from "@/app/_components/layout/PageHeader";
import { FilterInput, FilterSelect } from "@/app/_components/admin/FilterFields";
import { AuditDetails } from "@/app/_components/admin/audit/AuditDetails";
import { AuditWhat } from "@/app/_components/admin/audit/AuditWhat";
import { adminPaths } from "@/app/_lib/admin-paths";
import { RECORD_ID, SLUG } from "@/app/_lib/ids";
import { Link } from "@/app/_lib/i18n/navigation";
import { formatDateTime, HOME_TIME_ZONE, zoneOffsetLabel } from "@/app/_lib/time";
import { auditMeetingOptions, listAuditEntries } from "@/app/_server/audit/queries";
import { pageActor } from "@/app/_server/authz";
import { pageLocale } from "@/app/_server/pages";

type Props = { searchParams: Promise<{ meeting?: string; action?: string; older?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const locale = await pageLocale();
  return { title: (await getTranslations({ locale, namespace: "admin.audit" }))("title") };
}

/** Keeps only well-formed filter values: anything else means "no filter". */
function filterOf(query: Awaited<Props["searchParams"]>) {
  return {
    meetingSlug: query.meeting && SLUG.test(query.meeting) ? query.meeting : undefined,
    action: query.action && /^[a-z_.]{1,60}$/.test(query.action) ? query.action : undefined,
    older: query.older && RECORD_ID.test(query.older) ? query.older : undefined,
  };
}

export default async function AuditPage({ searchParams }: Props) {
  const locale = await pageLocale();
  const actor = await pageActor(locale, "readAudit", adminPaths.audit);
  const filter = filterOf(await searchParams);
  const [{ entries, more, names }, meetings, t] = await Promise.all([
    listAuditEntries(actor, { meetingSlug: filter.meetingSlug, action: filter.action }, filter.older, locale),
    auditMeetingOptions(actor),
    getTranslations("admin.audit"),
  ]);
  const olderHref = {
    pathname: adminPaths.audit,
    query: {
      ...(filter.meetingSlug && { meeting: filter.meetingSlug }),
      ...(filter.action && { action: filter.action }),
      older: entries.at(-1)?.id,
    },
  };
  const columns: Column<(typeof entries)[number]>[] = [
    {
      key: "when",
      header: t("when"),
      className: "whitespace-nowrap",
      cell: (entry) => (
        <time dateTime={entry.at}>
          {formatDateTime(entry.at, entry.timeZone, locale)}
          {entry.timeZone !== HOME_TIME_ZONE && (
            <span className="block text-xs text-slate-600">{zoneOffsetLabel(entry.at, entry.timeZone)}</span>
          )}
        </time>
      ),
    },
    {
      key: "who",
      header: t("who"),
      className: "break-words",
      cell: (entry) =>
        entry.actor.href ? (
          <Link href={entry.actor.href} className="text-brand-700 underline">
            {entry.actor.label}
          </Link>
        ) : (
          entry.actor.label
        ),
    },
    { key: "what", header: t("what"), cell: (entry) => <AuditWhat entry={entry} /> },
    {
      key: "details",
      header: t("details"),
      cell: (entry) => <AuditDetails entry={entry} names={names} locale={locale} />,
    },
  ];
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} intro={t("intro")} />
      <form method="get" className="flex flex-wrap items-end gap-3">
        <FilterSelect name="meeting" label={t("meeting")} value={filter.meetingSlug}>
          <option value="">{t("allMeetings")}</option>
          {meetings.map((meeting) => (
            <option key={meeting.slug} value={meeting.slug}>
              {meeting.title}
            </option>
          ))}
        </FilterSelect>
        <FilterInput name="action" label={t("action")} value={filter.action} placeholder="session." />
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
          {t("filter")}
        </button>
      </form>
      <DataTable
        columns={columns}
        rows={entries}
        rowKey={(entry) => entry.id}
        caption={t("newest")}
        label={t("title")}
        empty={t("empty")}
        minWidth="min-w-[40rem]"
        testId="audit-log"
      />
      {more && (
        <Link href={olderHref} className="text-brand-700 underline">
          {t("older")}
        </Link>
      )}
    </div>
  );
}
