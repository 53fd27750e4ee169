import { getTranslations } from "next-intl/server";
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

/**
 * The registrations as a table that scrolls in its own box on a narrow screen (the page itself never
 * scrolls sideways). Column headers of the sortable columns are links that sort, the second click the
 * other way.
 */
export async function DeskTable({ rows, filters, slug, locale, timeZone }: Props) {
  const [t, tr, tl] = await Promise.all([
    getTranslations("adminRegistrations.desk"),
    getTranslations("roles"),
    getTranslations("languages"),
  ]);
  const base = adminPaths.registrations(slug);
  const header = (key: SortKey | null, label: string) => {
    if (!key)
      return (
        <th scope="col" className="py-2 pr-3">
          {label}
        </th>
      );
    const active = filters.sort === key;
    const direction = active ? (filters.descending ? "descending" : "ascending") : undefined;
    return (
      <th scope="col" className="py-2 pr-3" aria-sort={direction}>
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
      </th>
    );
  };
  return (
    <div
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
      tabIndex={0}
      role="region"
      aria-label={t("tableLabel")}
    >
      <table className="w-full min-w-[64rem] border-collapse text-sm" data-testid="registrations">
        <thead>
          <tr className="border-b border-slate-300 text-left">
            {header("name", t("name"))}
            {header("city", t("city"))}
            {header(null, t("role"))}
            {header("status", t("status"))}
            {header(null, t("sessions"))}
            {header(null, t("needs"))}
            {header("created", t("created"))}
            {header(null, t("checkIn"))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const name = displayName(row, locale);
            return (
              <tr key={row.id} className="border-b border-slate-200 align-top" data-registration={row.id}>
                <td className="min-w-52 py-2 pr-3 pl-2">
                  <Link
                    href={adminPaths.registration(slug, row.id)}
                    className="font-medium text-brand-800 underline"
                  >
                    {name.primary}
                  </Link>
                  {name.secondary && <div className="text-slate-600">{name.secondary}</div>}
                  <div className="text-xs break-all text-slate-500">{row.email}</div>
                </td>
                <td className="py-2 pr-3">
                  {placeName(row, locale)}
                  {row.city && <div className="text-xs text-slate-500">{row.city.country}</div>}
                </td>
                <td className="py-2 pr-3 whitespace-nowrap">{tr(row.role)}</td>
                <td className="py-2 pr-3">
                  <RegistrationStatusBadge status={row.status} label={t(`statuses.${row.status}`)} />
                </td>
                <td className="min-w-60 py-2 pr-3">
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
                </td>
                <td className="min-w-36 py-2 pr-3">
                  {row.interpretation.length > 0 && (
                    <div>
                      {t("interpretationInto", {
                        languages: row.interpretation.map((language) => tl(language)).join(", "),
                      })}
                    </div>
                  )}
                  {row.visaLetter && <div>{t("visa")}</div>}
                </td>
                <td className="py-2 pr-3 whitespace-nowrap">
                  {formatDateTime(row.createdAt, timeZone, locale)}
                </td>
                <td className="py-2 pr-2">
                  {row.checkedIn ? (
                    <span className="font-medium text-emerald-800">✓ {t("checkedIn")}</span>
                  ) : (
                    ""
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
