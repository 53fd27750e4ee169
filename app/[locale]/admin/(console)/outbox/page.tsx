import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/app/_components/admin/outbox/StatusBadge";
import { DataTable, type Column } from "@/app/_components/DataTable";
import { FilterInput, FilterSelect } from "@/app/_components/admin/FilterFields";
import { adminPaths } from "@/app/_lib/admin-paths";
import { pick } from "@/app/_lib/i18n/localized";
import { labelled } from "@/app/_lib/i18n/punctuation";
import { Link } from "@/app/_lib/i18n/navigation";
import { may } from "@/app/_lib/roles";
import { formatDateTime, HOME_TIME_ZONE } from "@/app/_lib/time";
import { pageActor } from "@/app/_server/authz";
import {
  listOutbox,
  outboxDelivers,
  outboxKindAreas,
  outboxStatuses,
  type OutboxFilter,
  type OutboxListItem,
} from "@/app/_server/mail/outbox-admin";
import { pageLocale } from "@/app/_server/pages";

type Query = { status?: string; kind?: string; q?: string; page?: string };
type Props = { searchParams: Promise<Query> };

export async function generateMetadata(): Promise<Metadata> {
  const locale = await pageLocale();
  return { title: (await getTranslations({ locale, namespace: "adminNumbers.outbox" }))("title") };
}

/** Keeps only well-formed filter values: anything else means "no filter". */
function filterOf(query: Query): Required<Pick<OutboxFilter, "page">> & OutboxFilter {
  const pick = <T extends string>(list: readonly T[], value?: string) =>
    (list as readonly string[]).includes(value ?? "") ? (value as T) : undefined;
  const page = Number(query.page);
  return {
    status: pick(outboxStatuses, query.status),
    area: pick(outboxKindAreas, query.kind),
    recipient: query.q?.trim().slice(0, 100) || undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The outbox: every outgoing email, newest first, with its state; account emails for admins only. */
export default async function OutboxPage({ searchParams }: Props) {
  const locale = await pageLocale();
  const actor = await pageActor(locale, "readNumbers", adminPaths.outbox);
  const filter = filterOf(await searchParams);
  const [{ emails, total, page, pages }, t] = await Promise.all([
    listOutbox(actor, filter),
    getTranslations("adminNumbers.outbox"),
  ]);
  const delivers = outboxDelivers(actor);
  const seesAccounts = may(actor.role, "manageAccounts");
  const query = {
    ...(filter.status && { status: filter.status }),
    ...(filter.area && { kind: filter.area }),
    ...(filter.recipient && { q: filter.recipient }),
  };
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p
          role="status"
          data-testid="outbox-delivery"
          className={`rounded border px-4 py-3 ${delivers ? "border-emerald-300 bg-emerald-50" : "border-amber-300 bg-amber-50"}`}
        >
          {delivers ? t("smtp") : t("noSmtp")}
        </p>
        <p className="text-slate-700">{t("intro")}</p>
        {!seesAccounts && <p className="text-sm text-slate-600">{t("accountsHidden")}</p>}
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("filters")}>
        <FilterSelect name="status" label={t("status")} value={filter.status}>
          <option value="">{t("allStatuses")}</option>
          {outboxStatuses.map((status) => (
            <option key={status} value={status}>
              {t(`statuses.${status}`)}
            </option>
          ))}
        </FilterSelect>
        {seesAccounts && (
          <FilterSelect name="kind" label={t("kind")} value={filter.area}>
            <option value="">{t("allKinds")}</option>
            {outboxKindAreas.map((area) => (
              <option key={area} value={area}>
                {t(`kinds.${area}`)}
              </option>
            ))}
          </FilterSelect>
        )}
        <FilterInput
          type="search"
          name="q"
          label={t("recipient")}
          value={filter.recipient}
          placeholder={t("recipientPlaceholder")}
          maxLength={100}
        />
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
          {t("filter")}
        </button>
        {Object.keys(query).length > 0 && (
          <Link href={adminPaths.outbox} className="py-2 text-brand-700 underline">
            {t("reset")}
          </Link>
        )}
      </form>
      <p className="font-medium" data-testid="outbox-count">
        {t("count", { total })}
      </p>
      <DataTable
        columns={outboxColumns(locale, t)}
        rows={emails}
        rowKey={(email) => email.id}
        rowProps={() => ({ "data-testid": "outbox-row" })}
        caption={t("list")}
        label={t("list")}
        empty={t("empty")}
        minWidth="min-w-[44rem]"
        testId="outbox-list"
      />
      {pages > 1 && (
        <nav aria-label={t("pagination")} className="flex flex-wrap items-center gap-4">
          {page > 1 && (
            <Link
              href={{ pathname: adminPaths.outbox, query: { ...query, page: page - 1 } }}
              className="text-brand-700 underline"
            >
              {t("previous")}
            </Link>
          )}
          <span>{t("page", { page, pages })}</span>
          {page < pages && (
            <Link
              href={{ pathname: adminPaths.outbox, query: { ...query, page: page + 1 } }}
              className="text-brand-700 underline"
            >
              {t("next")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}

/** Dates in the meeting's own zone; emails outside a meeting (accounts) in the home zone. */
function outboxColumns(
  locale: Awaited<ReturnType<typeof pageLocale>>,
  t: Awaited<ReturnType<typeof getTranslations<"adminNumbers.outbox">>>,
): Column<OutboxListItem>[] {
  const zone = (email: OutboxListItem) => email.meeting?.timeZone ?? HOME_TIME_ZONE;
  return [
    {
      key: "created",
      header: t("created"),
      className: "whitespace-nowrap",
      cell: (email) => formatDateTime(email.createdAt, zone(email), locale),
    },
    {
      key: "status",
      header: t("status"),
      cell: (email) => (
        <>
          <StatusBadge status={email.status} />
          {email.status === "queued" && email.attempts > 0 && (
            <div className="mt-1 text-xs text-slate-600">
              {labelled(t("nextAttempt"), formatDateTime(email.nextAttemptAt, zone(email), locale), locale)}
            </div>
          )}
        </>
      ),
    },
    {
      key: "subject",
      header: t("subject"),
      cell: (email) => (
        <>
          <Link href={adminPaths.outboxEmail(email.id)} className="font-medium text-brand-700 underline">
            {email.subject}
          </Link>
          <div className="break-all text-slate-700">{email.to}</div>
          <code className="text-xs text-slate-500">{email.kind}</code>
          {email.lastError && (
            <div className="mt-1 rounded bg-red-50 px-2 py-1 text-xs text-red-900">
              {labelled(t("lastError"), email.lastError, locale)}
            </div>
          )}
        </>
      ),
    },
    {
      key: "meeting",
      header: t("meeting"),
      cell: (email) => (email.meeting ? pick(email.meeting.title, locale) : "—"),
    },
    { key: "attempts", header: t("attempts"), className: "tabular-nums", cell: (email) => email.attempts },
  ];
}
