import { getTranslations } from "next-intl/server";
import { DataTable, type Column } from "@/app/_components/DataTable";
import { adminPaths } from "@/app/_lib/admin-paths";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { Link } from "@/app/_lib/i18n/navigation";
import { displayName } from "@/app/_lib/names";
import { placeName } from "@/app/_lib/places";
import { formatDateTime } from "@/app/_lib/time";
import type { DeskFilters, SortKey } from "@/app/_lib/registration/desk-filters";
import type { DeskRow } from "@/app/_server/desk/desk-queries";
import { deskHref, sortedBy } from "./format";
import { RegistrationStatusBadge } from "./RegistrationStatusBadge";

type Props = { rows: DeskRow[]; filters: DeskFilters; slug: string; locale: AppLocale; timeZone: string };

/** The registrations as a table that scrolls in its own box on a narrow screen (the page itself never scrolls sideways). */
export async function DeskTable({ rows, filters, slug, locale, timeZone }: Props) {
  const [t, tr, tl] = await Promise.all([
    getTranslations("adminRegistrations.desk"),
    getTranslations("roles"),
    getTranslations("languages"),
  ]);
  const base = adminPaths.registrations(slug);
  /** A sortable column's heading is a link that sorts by it, the second click the other way. */
  const sortable = (key: SortKey, label: string): Pick<Column<DeskRow>, "key" | "header" | "sort"> => {
    const active = filters.sort === key;
    return {
      key,
      sort: active ? (filters.descending ? "descending" : "ascending") : undefined,
      header: (
        <Link
          href={deskHref(base, sortedBy(filters, key))}
          className="inline-flex items-center gap-1 text-brand-800 underline"
          title={t("sortBy", { column: label })}
        >
          {label}
          {active && <span aria-hidden="true">{filters.descending ? "▼" : "▲"}</span>}
          {active && (
            <span className="sr-only">({filters.descending ? t("sortedDesc") : t("sortedAsc")})</span>
          )}
        </Link>
      ),
    };
  };
  const columns: Column<DeskRow>[] = [
    {
      ...sortable("name", t("name")),
      className: "min-w-52",
      cell: (row) => {
        const name = displayName(row, locale);
        return (
          <>
            <Link
              href={adminPaths.registration(slug, row.id)}
              className="font-medium text-brand-800 underline"
            >
              {name.primary}
            </Link>
            {name.secondary && <div className="text-slate-600">{name.secondary}</div>}
            <div className="text-xs break-all text-slate-500">{row.email}</div>
          </>
        );
      },
    },
    {
      ...sortable("city", t("city")),
      cell: (row) => (
        <>
          {placeName(row, locale)}
          {row.city && <div className="text-xs text-slate-500">{row.city.country}</div>}
        </>
      ),
    },
    { key: "role", header: t("role"), className: "whitespace-nowrap", cell: (row) => tr(row.role) },
    {
      ...sortable("status", t("status")),
      cell: (row) => <RegistrationStatusBadge status={row.status} label={t(`statuses.${row.status}`)} />,
    },
    {
      key: "sessions",
      header: t("sessions"),
      className: "min-w-60",
      cell: (row) => (
        <ul className="space-y-1">
          {row.seats.map((seat) => (
            <li key={seat.sessionId}>
              {pick(seat.title, locale)}
              <span
                className={`ml-1 text-xs ${seat.status === "waitlisted" ? "font-semibold text-amber-800" : "text-slate-500"}`}
              >
                (
                {seat.status === "waitlisted"
                  ? t("seat.waitlisted", { place: seat.place ?? "–" })
                  : t("seat.confirmed")}
                )
              </span>
            </li>
          ))}
        </ul>
      ),
    },
    {
      key: "needs",
      header: t("needs"),
      className: "min-w-36",
      cell: (row) => (
        <>
          {row.interpretation.length > 0 && (
            <div>
              {t("interpretationInto", {
                languages: row.interpretation.map((language) => tl(language)).join(", "),
              })}
            </div>
          )}
          {row.visaLetter && <div>{t("visa")}</div>}
        </>
      ),
    },
    {
      ...sortable("created", t("created")),
      className: "whitespace-nowrap",
      cell: (row) => formatDateTime(row.createdAt, timeZone, locale),
    },
    {
      key: "checkIn",
      header: t("checkIn"),
      cell: (row) =>
        row.checkedIn ? <span className="font-medium text-emerald-800">✓ {t("checkedIn")}</span> : "",
    },
  ];
  return (
    <DataTable
      look="boxed"
      columns={columns}
      rows={rows}
      rowKey={(row) => row.id}
      rowProps={(row) => ({ "data-registration": row.id })}
      label={t("tableLabel")}
      minWidth="min-w-[64rem]"
      testId="registrations"
    />
  );
}
