import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { MeetingAdminNav } from "@/app/_components/admin/MeetingAdminNav";
import { BULK_PUBLISH_FORM } from "@/app/_components/admin/sessions/bulk-publish-id";
import { BulkPublishForm } from "@/app/_components/admin/sessions/BulkPublishForm";
import { ConflictList } from "@/app/_components/admin/sessions/ConflictList";
import { StatusBadge } from "@/app/_components/admin/sessions/StatusBadge";
import { DataTable, type Column } from "@/app/_components/DataTable";
import { ActionLink } from "@/app/_components/layout/ActionLink";
import { PageHeader } from "@/app/_components/layout/PageHeader";
import { adminPaths } from "@/app/_lib/admin-paths";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { labelled } from "@/app/_lib/i18n/punctuation";
import { pick } from "@/app/_lib/i18n/localized";
import { Link } from "@/app/_lib/i18n/navigation";
import { formatCalendarDate, formatTimeRange, zoneName } from "@/app/_lib/time";
import { getMeetingProgram } from "@/app/_server/agenda/admin-queries";
import { pageActor } from "@/app/_server/authz";
import { orNotFound } from "@/app/_server/pages";
import { publishDraftsAction } from "./actions";

type Props = { params: Promise<{ locale: AppLocale; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "adminSessions.list" }))("title") };
}

/** Every session of the meeting by day, drafts and cancelled ones included, with its conflicts. */
export default async function SessionListPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "editProgram", adminPaths.sessions(slug));
  const program = await orNotFound(getMeetingProgram(actor, slug));
  const [t, ts, tk, tp] = await Promise.all([
    getTranslations("adminSessions.list"),
    getTranslations("adminSessions.statuses"),
    getTranslations("kinds"),
    getTranslations("adminSessions.programTools"),
  ]);
  const drafts = program.sessions
    .filter((session) => session.status === "draft")
    .map((session) => ({ id: session.id, title: pick(session.title, locale) }));
  const zone = program.meeting.timeZone;
  const days = program.days.filter((day) => program.sessions.some((session) => session.day === day));
  const columns: Column<(typeof program.sessions)[number]>[] = [
    {
      key: "select",
      header: <span className="sr-only">{tp("selectColumn")}</span>,
      className: "w-8",
      // Drafts only: the checkboxes belong to the bulk form above the program (their `form` attribute).
      cell: (session) =>
        session.status === "draft" && (
          <input
            type="checkbox"
            name="sessionIds"
            value={session.id}
            form={BULK_PUBLISH_FORM}
            aria-label={tp("select", { title: pick(session.title, locale) })}
            className="size-4 accent-brand-700"
          />
        ),
    },
    {
      key: "time",
      header: t("time"),
      className: "whitespace-nowrap tabular-nums",
      cell: (session) => formatTimeRange(session.startsAt, session.endsAt, zone, locale),
    },
    {
      key: "session",
      header: t("session"),
      cell: (session) => {
        const title = pick(session.title, locale);
        return (
          <>
            <Link
              href={adminPaths.session(slug, session.id)}
              aria-label={t("editLabel", { title })}
              className={`font-medium text-brand-700 underline ${session.status === "cancelled" ? "line-through" : ""}`}
            >
              {title}
            </Link>
            <ConflictList
              conflicts={session.conflicts}
              locale={locale}
              timeZone={zone}
              conflictNote={session.conflictNote}
            />
          </>
        );
      },
    },
    {
      key: "room",
      header: t("room"),
      cell: (session) =>
        session.room ? (
          pick(session.room.name, locale)
        ) : (
          <span className="text-slate-600">{t("noRoom")}</span>
        ),
    },
    { key: "kind", header: t("kind"), cell: (session) => tk(session.kind) },
    {
      key: "status",
      header: t("status"),
      cell: (session) => <StatusBadge status={session.status} label={ts(session.status)} />,
    },
    {
      key: "seats",
      header: t("seats"),
      className: "whitespace-nowrap tabular-nums",
      cell: (session) =>
        session.capacity === null ? (
          <span className="text-slate-600">{t("openToAll")}</span>
        ) : (
          t("seatsTaken", { taken: session.seatsTaken, capacity: session.capacity })
        ),
    },
  ];

  return (
    <div className="space-y-6">
      <MeetingAdminNav slug={slug} role={actor.role} />
      <PageHeader
        title={labelled(t("title"), pick(program.meeting.title, locale), locale)}
        intro={t("intro", { zone: zoneName(zone, locale) })}
        action={<ActionLink href={adminPaths.newSession(slug)}>+ {t("newSession")}</ActionLink>}
      />
      <BulkPublishForm action={publishDraftsAction} meetingSlug={slug} drafts={drafts} />
      {days.length === 0 && <p>{t("empty")}</p>}
      {days.map((day) => {
        const dayLabel = formatCalendarDate(day, locale);
        return (
          <section key={day} aria-labelledby={`day-${day}`} className="space-y-2">
            <div className="flex flex-wrap items-baseline gap-3">
              <h2 id={`day-${day}`} className="text-xl font-semibold">
                {dayLabel}
              </h2>
              <Link href={adminPaths.day(slug, day)} className="text-sm text-brand-700 underline">
                {t("dayView")}
              </Link>
            </div>
            <DataTable
              columns={columns}
              rows={program.sessions.filter((session) => session.day === day)}
              rowKey={(session) => session.id}
              rowProps={(session) => ({ className: session.conflicts.length ? "bg-red-50" : "" })}
              caption={t("caption", { day: dayLabel })}
              minWidth="min-w-[44rem]"
              testId="admin-sessions"
            />
          </section>
        );
      })}
    </div>
  );
}
