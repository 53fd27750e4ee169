import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActionLink } from "@/app/_components/layout/ActionLink";
import { PageHeader } from "@/app/_components/layout/PageHeader";
import { adminPaths } from "@/app/_lib/admin-paths";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { Link } from "@/app/_lib/i18n/navigation";
import { may, type Permission } from "@/app/_lib/roles";
import { formatCalendarDate, zoneOffsetLabel } from "@/app/_lib/time";
import { pageActor } from "@/app/_server/authz";
import { listMeetingsForAdmin, type AdminMeetingListItem } from "@/app/_server/meetings/admin-queries";

type Props = { params: Promise<{ locale: AppLocale }> };

/** The statuses in the order the card names them: the ones that come, then the ones that do not. */
const statusOrder = ["confirmed", "pending", "cancelled", "rejected"] as const;

/** What each role may open of a meeting, in the order of the work. */
function links(slug: string): {
  key: "settings" | "program" | "desk" | "checkIn" | "numbersLink";
  href: string;
  permission: Permission;
}[] {
  return [
    { key: "settings", href: adminPaths.meeting(slug), permission: "editProgram" },
    { key: "program", href: adminPaths.sessions(slug), permission: "editProgram" },
    { key: "desk", href: adminPaths.registrations(slug), permission: "manageRegistrations" },
    { key: "checkIn", href: adminPaths.checkIn(slug), permission: "checkIn" },
    { key: "numbersLink", href: adminPaths.numbers(slug), permission: "readNumbers" },
  ];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "adminMeetings.home" });
  return { title: t("title") };
}

/** The back office's home: every meeting with its figures; edit links for those who may edit the program. */
export default async function BackOfficeHome({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "openBackOffice", adminPaths.home);
  const [meetings, t, tc] = await Promise.all([
    listMeetingsForAdmin(actor),
    getTranslations("adminMeetings.home"),
    getTranslations("countries"),
  ]);
  const editor = may(actor.role, "editProgram");
  // Every registration, as the desk's list counts them, split by status: the active ones alone would
  // disagree with the list without saying why.
  const registrationCount = (byStatus: AdminMeetingListItem["registrations"]) => {
    const total = statusOrder.reduce((sum, status) => sum + byStatus[status], 0);
    const parts = statusOrder
      .filter((status) => byStatus[status] > 0)
      .map((status) => t(`registrationStatus.${status}`, { count: byStatus[status] }));
    const registrations = t("registrations", { count: total });
    return parts.length === 0
      ? registrations
      : t("registrationsSplit", { registrations, parts: parts.join(t("partSeparator")) });
  };

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        action={editor && <ActionLink href={adminPaths.newMeeting}>{t("create")}</ActionLink>}
      />
      {!editor && (
        <p role="note" className="rounded border border-sky-300 bg-sky-50 px-4 py-2 text-sky-900">
          {t("checkinNote")}
        </p>
      )}
      {meetings.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="space-y-3" data-testid="admin-meetings">
          {meetings.map((meeting) => {
            const starts = formatCalendarDate(meeting.startsOn, locale);
            const dates =
              meeting.endsOn === meeting.startsOn
                ? starts
                : `${starts} – ${formatCalendarDate(meeting.endsOn, locale)}`;
            return (
              <li key={meeting.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <article className="space-y-2">
                  <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                    <h2 className="text-lg font-semibold">{pick(meeting.title, locale) || meeting.slug}</h2>
                    <span
                      className={`rounded px-2 py-0.5 text-xs font-medium ${meeting.published ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-900"}`}
                    >
                      {meeting.published ? t("published") : t("draft")}
                    </span>
                  </div>
                  <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                    <dt className="font-medium text-slate-600">{t("dates")}</dt>
                    <dd>{dates}</dd>
                    <dt className="font-medium text-slate-600">{t("venue")}</dt>
                    <dd>
                      {meeting.venue.name}, {meeting.venue.city} ({tc(meeting.venue.country)}) ·{" "}
                      {zoneOffsetLabel(meeting.startsOn, meeting.timeZone)}
                    </dd>
                    <dt className="font-medium text-slate-600">{t("numbers")}</dt>
                    <dd>
                      {t("sessions", { count: meeting.sessions })} ·{" "}
                      <span data-testid="meeting-registrations">
                        {registrationCount(meeting.registrations)}
                      </span>
                    </dd>
                  </dl>
                  <p className="flex flex-wrap gap-4 text-sm font-medium">
                    {links(meeting.slug)
                      .filter((link) => may(actor.role, link.permission))
                      .map((link) => (
                        <Link key={link.key} href={link.href} className="text-brand-700 underline">
                          {t(link.key)}
                        </Link>
                      ))}
                  </p>
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
