import { getTranslations } from "next-intl/server";
import { AgendaFilters } from "@/app/_components/agenda/AgendaFilters";
import { SessionCard } from "@/app/_components/agenda/SessionCard";
import { Subscribe } from "@/app/_components/calendar/Subscribe";
import { feedPath } from "@/app/_lib/calendar-links";
import { agendaHref, groupBy, parseAgendaQuery } from "@/app/_lib/agenda-view";
import { Link } from "@/app/_lib/i18n/navigation";
import { pick } from "@/app/_lib/i18n/localized";
import { dayKey, formatLongDate } from "@/app/_lib/time";
import { getAgenda, sessionKinds, type SessionDto, type SessionKind } from "@/app/_server/agenda/queries";
import { getMeeting } from "@/app/_server/meetings/queries";
import { orNotFound, pageLocale } from "@/app/_server/pages";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props) {
  const { slug } = await params;
  const [t, meeting, locale] = await Promise.all([
    getTranslations("agenda"),
    orNotFound(getMeeting(slug)),
    pageLocale(),
  ]);
  return { title: `${t("title")} – ${pick(meeting.title, locale, meeting.defaultLocale)}` };
}

export default async function AgendaPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const locale = await pageLocale();
  const meeting = await orNotFound(getMeeting(slug));
  const [t, tk, agenda] = await Promise.all([
    getTranslations("agenda"),
    getTranslations("kinds"),
    getAgenda(slug),
  ]);
  const query = parseAgendaQuery(await searchParams, {
    kinds: sessionKinds,
    tracks: agenda.tracks.map((track) => track.slug),
  });
  const base = `/meetings/${slug}/agenda`;
  const shown = agenda.sessions.filter(
    (session) =>
      (!query.kind || session.kind === query.kind) && (!query.track || session.track?.slug === query.track),
  );

  // Subscribe to what is shown: one track, one kind, or the whole agenda.
  const meetingName = pick(meeting.title, locale, meeting.defaultLocale);
  const track = agenda.tracks.find((candidate) => candidate.slug === query.track);
  const subscription = track
    ? {
        feedPath: feedPath.track(slug, track.slug, locale),
        name: `${meetingName} · ${pick(track.name, locale)}`,
      }
    : query.kind
      ? {
          feedPath: feedPath.kind(slug, query.kind, locale),
          name: `${meetingName} · ${tk(query.kind as SessionKind)}`,
        }
      : { feedPath: feedPath.meeting(slug, locale), name: meetingName };

  const sectionOf = (session: SessionDto): string =>
    query.view === "room"
      ? session.room
        ? pick(session.room.name, locale)
        : t("noRoom")
      : query.view === "track"
        ? session.track
          ? pick(session.track.name, locale)
          : t("noTrack")
        : "";
  // Sections follow the organizers' room/track order; sessions without one come last.
  const rank = (index: number) => (index < 0 ? Number.MAX_SAFE_INTEGER : index);
  const order = (session: SessionDto): number =>
    query.view === "room"
      ? rank(agenda.rooms.findIndex((room) => room.id === session.room?.id))
      : query.view === "track"
        ? rank(agenda.tracks.findIndex((track) => track.id === session.track?.id))
        : 0;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-slate-600" aria-live="polite">
          {t("count", { count: shown.length })}
        </p>
      </div>
      {/* Printed, the agenda is a timetable: no filters, no subscribing. */}
      <div className="space-y-6 print:hidden">
        <AgendaFilters base={base} query={query} tracks={agenda.tracks} locale={locale} />
        <Subscribe {...subscription} />
      </div>
      {shown.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-6 text-center">
          {t("empty")}{" "}
          <Link
            href={agendaHref(base, query, { kind: null, track: null })}
            className="text-brand-700 underline"
          >
            {t("resetFilters")}
          </Link>
        </p>
      ) : (
        groupBy(shown, (session) => dayKey(session.startsAt, meeting.timeZone)).map((day) => (
          <section key={day.key} aria-labelledby={`day-${day.key}`} className="space-y-4">
            <h2
              id={`day-${day.key}`}
              className="sticky top-0 z-10 break-after-avoid bg-stone-50/95 py-2 text-xl font-semibold print:static"
            >
              {formatLongDate(day.items[0]!.startsAt, meeting.timeZone, locale)}
            </h2>
            {groupBy(
              [...day.items].sort((a, b) => order(a) - order(b)),
              sectionOf,
            ).map((section) => (
              <div key={section.key || "all"} className="space-y-2">
                {section.key && (
                  <h3 className="break-after-avoid text-sm font-semibold uppercase tracking-wide text-slate-500">
                    {section.key}
                  </h3>
                )}
                <ol className="space-y-2">
                  {section.items.map((session) => (
                    <li key={session.id}>
                      <SessionCard
                        session={session}
                        meetingSlug={slug}
                        timeZone={meeting.timeZone}
                        locale={locale}
                      />
                    </li>
                  ))}
                </ol>
              </div>
            ))}
          </section>
        ))
      )}
    </div>
  );
}
