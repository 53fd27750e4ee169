import { getTranslations } from "next-intl/server";
import { feedPath } from "@/app/_lib/calendar-links";
import { Link } from "@/app/_lib/i18n/navigation";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { enumerate, labelled } from "@/app/_lib/i18n/punctuation";
import { listSeparator } from "@/app/_lib/meetings/practical-info";
import { displayName } from "@/app/_lib/names";
import type { SessionDto } from "@/app/_server/agenda/queries";
import { PublicLiveBadge } from "../ceremony/live/PublicLiveBadge";
import { SeatsLeft } from "./SeatsLeft";
import { TimePair } from "./TimePair";

type Props = { session: SessionDto; meetingSlug: string; timeZone: string; locale: AppLocale };

export async function SessionCard({ session, meetingSlug, timeZone, locale }: Props) {
  const [t, tk, tc] = await Promise.all([
    getTranslations("session"),
    getTranslations("kinds"),
    getTranslations("calendar"),
  ]);
  const title = pick(session.title, locale);
  const cancelled = session.status === "cancelled";
  return (
    <article
      data-testid="agenda-session"
      className={`grid break-inside-avoid gap-x-4 gap-y-1 rounded-lg border bg-white p-4 sm:grid-cols-[11rem_1fr] print:p-2 ${
        session.kind === "ceremony" ? "border-brand-700" : "border-slate-200"
      } ${cancelled ? "opacity-70" : ""}`}
      style={session.track ? { borderLeftColor: session.track.color, borderLeftWidth: 6 } : undefined}
    >
      <TimePair startsAt={session.startsAt} endsAt={session.endsAt} timeZone={timeZone} locale={locale} />
      <div className="space-y-1">
        <p className="flex flex-wrap items-center gap-2 text-xs font-medium uppercase tracking-wide text-slate-500">
          <span>{tk(session.kind)}</span>
          {session.track && <span>· {pick(session.track.name, locale)}</span>}
          {cancelled && <span className="rounded bg-red-100 px-1.5 text-red-800">{t("cancelled")}</span>}
        </p>
        <h3 className={`text-lg font-semibold leading-snug ${cancelled ? "line-through" : ""}`}>
          <Link
            href={`/meetings/${meetingSlug}/sessions/${session.id}`}
            className="hover:text-brand-700 hover:underline"
          >
            {title}
          </Link>
        </h3>
        <PublicLiveBadge meetingSlug={meetingSlug} session={session} />
        <p className="text-sm text-slate-600">
          {session.room && pick(session.room.name, locale)}
          {session.room?.location && `${listSeparator(locale)}${session.room.location}`}
          {session.speakers.length > 0 &&
            ` · ${enumerate(
              session.speakers.map((speaker) => displayName(speaker, locale).primary),
              locale,
            )}`}
        </p>
        {session.capacity !== null && <SeatsLeft capacity={session.capacity} left={session.seatsLeft ?? 0} />}
        <a
          href={feedPath.session(meetingSlug, session.id, locale)}
          download
          aria-label={labelled(tc("addToCalendar"), title, locale)}
          className="inline-block text-sm text-brand-700 underline print:hidden"
        >
          {tc("addToCalendar")}
        </a>
      </div>
    </article>
  );
}
