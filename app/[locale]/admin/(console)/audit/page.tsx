import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DataTable, type Column } from "@/app/_components/DataTable";
import { PageHeader } from "@/app/_components/layout/PageHeader";
import { FilterInput, FilterSelect } from "@/app/_components/admin/FilterFields";
import { adminPaths } from "@/app/_lib/admin-paths";
import { auditValue, changedFields } from "@/app/_lib/audit-diff";
import { RECORD_ID, SLUG } from "@/app/_lib/ids";
import { Link } from "@/app/_lib/i18n/navigation";
import { formatLongDate, formatTime, HOME_TIME_ZONE } from "@/app/_lib/time";
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
  const [{ entries, more }, meetings, t] = await Promise.all([
    listAuditEntries(actor, { meetingSlug: filter.meetingSlug, action: filter.action }, filter.older),
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
        <>
          {formatLongDate(entry.at, HOME_TIME_ZONE, locale)}
          <br />
          {formatTime(entry.at, HOME_TIME_ZONE, locale)}
        </>
      ),
    },
    { key: "who", header: t("who"), cell: (entry) => entry.actorEmail },
    {
      key: "what",
      header: t("what"),
      cell: (entry) => (
        <>
          <code>{entry.action}</code>
          <div className="text-xs text-slate-500">
            {t("record")}: {entry.entity} {entry.entityId}
          </div>
        </>
      ),
    },
    {
      key: "details",
      header: t("details"),
      cell: (entry) => (
        <>
          <dl className="space-y-1">
            {changedFields(entry.before, entry.after).map((change) => (
              <div key={change.field}>
                <dt className="font-medium">{change.field}</dt>
                <dd className="break-words">
                  <span className="text-slate-500 line-through">{auditValue(change.before)}</span> →{" "}
                  {auditValue(change.after)}
                </dd>
              </div>
            ))}
          </dl>
          {entry.reason && (
            <p className="mt-1 rounded bg-amber-50 px-2 py-1">
              {t("reason")}: {entry.reason}
            </p>
          )}
        </>
      ),
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
