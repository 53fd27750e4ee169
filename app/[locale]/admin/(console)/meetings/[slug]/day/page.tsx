import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { MeetingAdminNav } from "@/app/_components/admin/MeetingAdminNav";
import { ConflictList } from "@/app/_components/admin/sessions/ConflictList";
import { adminPaths } from "@/app/_lib/admin-paths";
import { layoutDay } from "@/app/_lib/agenda/day-grid";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { labelled } from "@/app/_lib/i18n/punctuation";
import { pick } from "@/app/_lib/i18n/localized";
import { Link } from "@/app/_lib/i18n/navigation";
import { formatCalendarDate, formatTimeRange } from "@/app/_lib/time";
import { getMeetingProgram, type AdminSessionDto } from "@/app/_server/agenda/admin-queries";
import { pageActor } from "@/app/_server/authz";
import { orNotFound } from "@/app/_server/pages";

type Props = {
  params: Promise<{ locale: AppLocale; slug: string }>;
  searchParams: Promise<{ date?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "adminSessions.day" }))("title") };
}

/** Height of a 15-minute row: a 30-minute session fits a title and its time. */
const ROW = "2rem";

function blockStyle(session: AdminSessionDto): string {
  const border = session.conflicts.length
    ? "border-2 border-red-600"
    : session.status === "draft"
      ? "border-2 border-dashed border-slate-500"
      : "border border-slate-300";
  return `${border} ${session.status === "cancelled" ? "opacity-70" : ""}`;
}

/**
 * One day of the meeting as a timeline: a column per room (and one for sessions without a room), rows of
 * 15 minutes in the meeting's zone. Conflicts are marked by a red border, a warning sign and words.
 */
export default async function DayViewPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const { date } = await searchParams;
  const actor = await pageActor(
    locale,
    "editProgram",
    adminPaths.day(slug, date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined),
  );
  const program = await orNotFound(getMeetingProgram(actor, slug));
  const [t, tl] = await Promise.all([
    getTranslations("adminSessions.day"),
    getTranslations("adminSessions.list"),
  ]);
  const zone = program.meeting.timeZone;
  const day = date && program.days.includes(date) ? date : program.days[0]!;
  const sessions = program.sessions.filter((session) => session.day === day);

  const columns: { id: string | null; name: string }[] = [
    ...program.rooms
      .filter((room) => sessions.some((session) => session.room?.id === room.id))
      .map((room) => ({ id: room.id, name: pick(room.name, locale) })),
    ...(sessions.some((session) => !session.room) ? [{ id: null, name: t("noRoom") }] : []),
  ];
  const grid = layoutDay(
    sessions.map((session) => ({
      id: session.id,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      roomId: session.room?.id ?? null,
    })),
    columns.map((column) => column.id),
    day,
    zone,
  );
  const byId = new Map(sessions.map((session) => [session.id, session]));
  const conflicted = sessions.filter((session) => session.conflicts.length > 0);

  return (
    <div className="min-w-0 space-y-6">
      <MeetingAdminNav slug={slug} role={actor.role} />
      <h1 className="text-2xl font-bold">{labelled(t("title"), formatCalendarDate(day, locale), locale)}</h1>
      <nav aria-label={t("days")}>
        <ul className="flex flex-wrap gap-2">
          {program.days.map((other) => (
            <li key={other}>
              <Link
                href={adminPaths.day(slug, other)}
                aria-current={other === day ? "page" : undefined}
                className={`inline-block rounded border px-3 py-1.5 text-sm ${other === day ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 hover:bg-slate-50"}`}
              >
                {formatCalendarDate(other, locale)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="text-sm text-slate-600">{t("legend")}</p>
      {sessions.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        // The timeline scrolls inside its own box on narrow screens; the page itself never scrolls sideways.
        <div
          className="max-w-full overflow-x-auto rounded-lg border border-slate-200 bg-white"
          role="region"
          aria-label={t("scrollHint")}
          tabIndex={0}
        >
          <div
            className="grid"
            data-testid="day-grid"
            style={{
              gridTemplateColumns: `4rem repeat(${columns.length}, minmax(11rem, 1fr))`,
              gridTemplateRows: `auto repeat(${grid.rows.length}, ${ROW})`,
            }}
          >
            <div
              className="sticky left-0 z-10 border-b border-slate-300 bg-white p-2 text-xs font-semibold"
              style={{ gridColumn: 1, gridRow: 1 }}
            >
              {t("time")}
            </div>
            {columns.map((column, index) => (
              <div
                key={column.id ?? "none"}
                className="border-b border-l border-slate-300 p-2 text-sm font-semibold"
                style={{ gridColumn: index + 2, gridRow: 1 }}
              >
                {column.name}
              </div>
            ))}
            {grid.rows.map((time, index) => (
              <div
                key={time}
                aria-hidden="true"
                className={`sticky left-0 z-10 bg-white pr-2 text-right text-xs tabular-nums text-slate-500 ${time.endsWith(":00") ? "border-t border-slate-300" : "border-t border-slate-100"}`}
                style={{ gridColumn: 1, gridRow: index + 2 }}
              >
                {time.endsWith(":00") || time.endsWith(":30") ? time : ""}
              </div>
            ))}
            {grid.rows.map((time, index) =>
              columns.map((column, columnIndex) => (
                <div
                  key={`${time}-${column.id}`}
                  aria-hidden="true"
                  className={`border-l border-slate-200 ${time.endsWith(":00") ? "border-t border-t-slate-300" : "border-t border-t-slate-100"}`}
                  style={{ gridColumn: columnIndex + 2, gridRow: index + 2 }}
                />
              )),
            )}
            {grid.placements.map((placement) => {
              const session = byId.get(placement.id)!;
              const title = pick(session.title, locale);
              const hasConflicts = session.conflicts.length > 0;
              return (
                <article
                  key={session.id}
                  data-testid="day-session"
                  data-conflict={hasConflicts || undefined}
                  className={`relative z-0 m-0.5 overflow-hidden rounded bg-white p-1.5 text-xs shadow-sm hover:z-20 hover:min-h-fit focus-within:z-20 focus-within:min-h-fit ${blockStyle(session)}`}
                  style={{
                    gridColumn: placement.column + 2,
                    gridRow: `${placement.rowStart + 2} / ${placement.rowEnd + 2}`,
                    width: `calc(${100 / placement.lanes}% - 0.25rem)`,
                    marginLeft: `calc(${(100 * placement.lane) / placement.lanes}% + 0.125rem)`,
                    borderLeftWidth: 6,
                    borderLeftColor: session.track?.color ?? "#94a3b8",
                  }}
                >
                  <p className="tabular-nums text-slate-600">
                    {formatTimeRange(session.startsAt, session.endsAt, zone, locale)}
                  </p>
                  <h2
                    className={`font-semibold leading-snug ${session.status === "cancelled" ? "line-through" : ""}`}
                  >
                    <Link
                      href={adminPaths.session(slug, session.id)}
                      aria-label={tl("editLabel", { title })}
                      className="hover:underline"
                    >
                      {title}
                    </Link>
                  </h2>
                  {session.status !== "published" && (
                    <p className="font-medium text-slate-700">{t(session.status)}</p>
                  )}
                  {hasConflicts && (
                    <p className="font-semibold text-red-800">
                      <span aria-hidden="true">⚠ </span>
                      <a href={`#conflicts-${session.id}`} className="underline">
                        {tl("conflictCount", { count: session.conflicts.length })}
                      </a>
                    </p>
                  )}
                  {session.track && <p className="text-slate-600">{pick(session.track.name, locale)}</p>}
                </article>
              );
            })}
          </div>
        </div>
      )}
      {conflicted.length > 0 && (
        <section aria-labelledby="day-conflicts" className="space-y-3">
          <h2 id="day-conflicts" className="text-xl font-semibold">
            <span aria-hidden="true">⚠ </span>
            {t("conflicts")}
          </h2>
          <ul className="space-y-3">
            {conflicted.map((session) => (
              <li
                key={session.id}
                id={`conflicts-${session.id}`}
                className="rounded border-2 border-red-600 bg-red-50 p-3"
              >
                <Link
                  href={adminPaths.session(slug, session.id)}
                  className="font-medium text-brand-700 underline"
                >
                  {pick(session.title, locale)}
                </Link>{" "}
                <span className="tabular-nums text-slate-700">
                  {formatTimeRange(session.startsAt, session.endsAt, zone, locale)}
                </span>
                <ConflictList
                  conflicts={session.conflicts}
                  locale={locale}
                  timeZone={zone}
                  conflictNote={session.conflictNote}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
