import { getTranslations } from "next-intl/server";
import { CityList } from "@/app/_components/meeting/CityList";
import { PracticalInfo } from "@/app/_components/meeting/PracticalInfo";
import { RegistrationStatus } from "@/app/_components/meeting/RegistrationStatus";
import { TitledSection } from "@/app/_components/layout/TitledSection";
import { Link } from "@/app/_lib/i18n/navigation";
import { pick } from "@/app/_lib/i18n/localized";
import { localPlaceName } from "@/app/_lib/i18n/place-names";
import { colon } from "@/app/_lib/i18n/punctuation";
import { windowState } from "@/app/_lib/registration/window";
import { formatCalendarDate, zoneName } from "@/app/_lib/time";
import { listCities } from "@/app/_server/alliance/queries";
import { getAgenda } from "@/app/_server/agenda/queries";
import { getPracticalInfo } from "@/app/_server/meetings/practical-info";
import { getMeeting, listInductees } from "@/app/_server/meetings/queries";
import { orNotFound, pageLocale } from "@/app/_server/pages";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  const { slug } = await params;
  const [meeting, locale] = await Promise.all([orNotFound(getMeeting(slug)), pageLocale()]);
  return { title: pick(meeting.title, locale, meeting.defaultLocale) };
}

export default async function MeetingPage({ params }: Props) {
  const { slug } = await params;
  const locale = await pageLocale();
  const meeting = await orNotFound(getMeeting(slug));
  const [t, inductees, cities, agenda, practical] = await Promise.all([
    getTranslations("meeting"),
    listInductees(meeting.id),
    listCities(),
    getAgenda(slug),
    getPracticalInfo(meeting.id),
  ]);
  const ceremony = agenda.sessions.find(
    (session) => session.kind === "ceremony" && session.status === "published",
  );
  const inducteeIds = new Set(inductees.map((city) => city.id));
  const inducteeNames = new Intl.ListFormat(locale, { type: "conjunction" }).format(
    inductees.map((city) => pick(city.name, locale)),
  );

  return (
    <div className="space-y-10">
      <section className="space-y-4">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">
          {pick(meeting.title, locale, meeting.defaultLocale)}
        </h1>
        <p className="max-w-3xl text-lg leading-relaxed">
          {pick(meeting.summary, locale, meeting.defaultLocale)}
        </p>
        <dl className="grid gap-4 sm:grid-cols-2">
          <div className="rounded border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-500">{t("when")}</dt>
            <dd className="font-medium">
              {formatCalendarDate(meeting.startsOn, locale)}
              {meeting.endsOn !== meeting.startsOn && ` – ${formatCalendarDate(meeting.endsOn, locale)}`}
            </dd>
            <dd className="text-sm text-slate-600">
              {t("timeZoneNote", {
                city: localPlaceName(meeting.venue.city, locale),
                zone: zoneName(meeting.timeZone, locale, meeting.startsOn),
              })}
            </dd>
          </div>
          <div className="rounded border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-500">{t("where")}</dt>
            <dd className="font-medium">{localPlaceName(meeting.venue.name, locale)}</dd>
            <dd className="text-sm text-slate-600">{localPlaceName(meeting.venue.city, locale)}</dd>
          </div>
        </dl>
      </section>

      {inductees.length > 0 && (
        <section
          aria-labelledby="induction"
          className="rounded-lg border-l-4 border-brand-700 bg-white p-5 shadow-sm"
        >
          <h2 id="induction" className="text-xl font-semibold">
            {t("induction")}
            {colon(locale)}
            {inducteeNames}
          </h2>
          <p className="mt-2">{t("inductionText", { cities: inducteeNames })}</p>
          {ceremony && (
            <Link
              href={`/meetings/${slug}/sessions/${ceremony.id}`}
              className="mt-3 inline-block font-medium text-brand-700 underline"
            >
              {t("toCeremony")}
            </Link>
          )}
        </section>
      )}

      <TitledSection
        id="take-part"
        title={t("registerTitle")}
        className="rounded-lg bg-slate-900 p-6 text-white"
      >
        <p className="mt-2 max-w-3xl text-slate-200">{t("registerText")}</p>
        <RegistrationStatus registration={meeting.registration} timeZone={meeting.timeZone} locale={locale} />
        <div className="mt-4 flex flex-wrap gap-3">
          {windowState(meeting.registration, new Date()) === "open" && (
            <Link
              href={`/meetings/${slug}/register`}
              className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
            >
              {t("registerNow")}
            </Link>
          )}
          <Link
            href={`/meetings/${slug}/agenda`}
            className="rounded bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-100"
          >
            {t("viewAgenda")}
          </Link>
        </div>
      </TitledSection>

      <PracticalInfo info={practical} venueName={meeting.venue.name} locale={locale} />

      <section aria-labelledby="members">
        <h2 id="members" className="text-2xl font-semibold">
          {t("members")}
        </h2>
        <CityList cities={cities} highlight={inducteeIds} locale={locale} />
      </section>
    </div>
  );
}
