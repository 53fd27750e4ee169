import { getTranslations } from "next-intl/server";
import { SeatsLeft } from "@/app/_components/agenda/SeatsLeft";
import { AddToCalendar, Subscribe } from "@/app/_components/calendar/Subscribe";
import { TimePair } from "@/app/_components/agenda/TimePair";
import { RunOfShow } from "@/app/_components/ceremony/RunOfShow";
import { PublicLiveBadge } from "@/app/_components/ceremony/live/PublicLiveBadge";
import { feedPath } from "@/app/_lib/calendar-links";
import { Link } from "@/app/_lib/i18n/navigation";
import { pick } from "@/app/_lib/i18n/localized";
import { labelled } from "@/app/_lib/i18n/punctuation";
import { displayName } from "@/app/_lib/names";
import { formatLongDate } from "@/app/_lib/time";
import { getSession } from "@/app/_server/agenda/queries";
import { getRunOfShow } from "@/app/_server/ceremonies/queries";
import { getMeeting } from "@/app/_server/meetings/queries";
import { orNotFound, pageLocale } from "@/app/_server/pages";

type Props = { params: Promise<{ slug: string; id: string }> };

export async function generateMetadata({ params }: Props) {
  const { slug, id } = await params;
  const [session, locale] = await Promise.all([orNotFound(getSession(slug, id)), pageLocale()]);
  return { title: pick(session.title, locale) };
}

export default async function SessionPage({ params }: Props) {
  const { slug, id } = await params;
  const locale = await pageLocale();
  const [meeting, session] = await Promise.all([
    orNotFound(getMeeting(slug)),
    orNotFound(getSession(slug, id)),
  ]);
  const [t, tk, tl] = await Promise.all([
    getTranslations("session"),
    getTranslations("kinds"),
    getTranslations("languages"),
  ]);
  const runOfShow = session.kind === "ceremony" ? await getRunOfShow(session) : null;
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  const description = pick(session.description, locale);

  return (
    <article className="space-y-6">
      <Link href={`/meetings/${slug}/agenda`} className="text-sm text-brand-700 underline">
        ← {t("backToAgenda")}
      </Link>
      <header className="space-y-2">
        <p className="flex flex-wrap gap-2 text-sm font-medium uppercase tracking-wide text-slate-500">
          <span>{tk(session.kind)}</span>
          {session.track && <span>· {pick(session.track.name, locale)}</span>}
        </p>
        <h1
          className={`text-3xl font-bold tracking-tight ${session.status === "cancelled" ? "line-through" : ""}`}
        >
          {pick(session.title, locale)}
        </h1>
        {session.status === "cancelled" && (
          <p role="status" className="inline-block rounded bg-red-100 px-2 py-1 font-semibold text-red-800">
            {t("cancelled")}
          </p>
        )}
        <PublicLiveBadge meetingSlug={slug} session={session} />
      </header>

      <dl className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-2">
        <div>
          <dt className="text-sm text-slate-500">{t("time")}</dt>
          <dd className="font-medium">{formatLongDate(session.startsAt, meeting.timeZone, locale)}</dd>
          <dd>
            <TimePair
              startsAt={session.startsAt}
              endsAt={session.endsAt}
              timeZone={meeting.timeZone}
              locale={locale}
              layout="inline"
            />
          </dd>
        </div>
        {session.room && (
          <div>
            <dt className="text-sm text-slate-500">{t("room")}</dt>
            <dd className="font-medium">{pick(session.room.name, locale)}</dd>
            {session.room.location && <dd className="text-sm text-slate-600">{session.room.location}</dd>}
          </div>
        )}
        {session.languages.length > 0 && (
          <div>
            <dt className="text-sm text-slate-500">{t("languages")}</dt>
            <dd>{list.format(session.languages.map((language) => tl(language)))}</dd>
            <dd className="text-sm text-slate-600">
              {session.interpretation.length > 0
                ? labelled(
                    t("interpretation"),
                    list.format(session.interpretation.map((language) => tl(language))),
                    locale,
                  )
                : t("noInterpretation")}
            </dd>
          </div>
        )}
        <div>
          <dt className="text-sm text-slate-500">{t("seats")}</dt>
          <dd>
            {session.capacity === null ? (
              t("openToAll")
            ) : (
              <SeatsLeft capacity={session.capacity} left={session.seatsLeft ?? 0} />
            )}
          </dd>
        </div>
      </dl>

      <div className="flex flex-wrap items-start gap-3">
        <AddToCalendar meetingSlug={slug} sessionId={session.id} locale={locale} />
      </div>

      {description && <p className="max-w-3xl whitespace-pre-line text-lg leading-relaxed">{description}</p>}

      {session.speakers.length > 0 && (
        <section aria-labelledby="speakers">
          <h2 id="speakers" className="text-xl font-semibold">
            {t("speakers")}
          </h2>
          <ul className="mt-3 grid gap-3 sm:grid-cols-2">
            {session.speakers.map((speaker) => {
              const name = displayName(speaker, locale);
              return (
                <li key={speaker.id} className="rounded border border-slate-200 bg-white p-3">
                  <p className="font-medium">
                    {name.primary}{" "}
                    {name.secondary && <span className="font-normal text-slate-500">({name.secondary})</span>}
                  </p>
                  <p className="text-sm text-slate-500">{t(`roles.${speaker.role}`)}</p>
                  <p className="text-sm text-slate-600">{pick(speaker.position, locale)}</p>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {runOfShow && <RunOfShow runOfShow={runOfShow} timeZone={meeting.timeZone} locale={locale} />}

      <Subscribe
        feedPath={feedPath.meeting(slug, locale)}
        name={pick(meeting.title, locale, meeting.defaultLocale)}
      />
    </article>
  );
}
