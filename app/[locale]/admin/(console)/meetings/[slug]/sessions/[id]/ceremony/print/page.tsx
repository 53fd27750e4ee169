import { getTranslations, setRequestLocale } from "next-intl/server";
import { PrintButton } from "@/app/_components/layout/PrintButton";
import { DataTable } from "@/app/_components/DataTable";
import { TitledSection } from "@/app/_components/layout/TitledSection";
import { adminPaths } from "@/app/_lib/admin-paths";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { joinParts } from "@/app/_lib/meetings/practical-info";
import { localPlaceName } from "@/app/_lib/i18n/place-names";
import { displayName, type NamedPerson } from "@/app/_lib/names";
import { startDelay } from "@/app/_lib/live-show";
import { formatLongDate, formatTime, formatTimeRange, zoneOffsetLabel } from "@/app/_lib/time";
import { pageActor } from "@/app/_server/authz";
import { getCeremonyProgramme } from "@/app/_server/ceremonies/admin-queries";
import { orNotFound } from "@/app/_server/pages";
import "./print.css";

type Props = { params: Promise<{ locale: AppLocale; slug: string; id: string }> };

export async function generateMetadata({ params }: Props) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "adminCeremony.print" });
  return { title: t("heading") };
}

/** The name as the reader's script has it first, the other script in brackets. */
function nameOf(person: NamedPerson, locale: AppLocale): string {
  const name = displayName(person, locale);
  return name.secondary ? `${name.primary} (${name.secondary})` : name.primary;
}

/** The printable run-of-show in the language of the URL: for the stage, the protocol desk and interpreters. */
export default async function CeremonyPrintPage({ params }: Props) {
  const { locale, slug, id } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "editProgram", adminPaths.ceremonyPrint(slug, id));
  const { meeting, ceremony, runOfShow, officials } = await orNotFound(getCeremonyProgramme(actor, slug, id));
  const [t, tr, tp] = await Promise.all([
    getTranslations("adminCeremony.print"),
    getTranslations("adminCeremony.runOfShow"),
    getTranslations("adminLive.planned"),
  ]);
  // After the show (or during it), planned against actual: when each segment really ran.
  const ran = runOfShow.segments.some((segment) => segment.actualStartedAt !== null);
  const actualColumns = ran
    ? [
        {
          key: "actual",
          header: tp("actual"),
          className: "whitespace-nowrap tabular-nums",
          cell: (segment: (typeof runOfShow.segments)[number]) =>
            segment.actualStartedAt === null
              ? tp("notRun")
              : segment.actualEndedAt === null
                ? `${formatTime(segment.actualStartedAt, zone, locale)}–`
                : formatTimeRange(segment.actualStartedAt, segment.actualEndedAt, zone, locale),
        },
        {
          key: "difference",
          header: tp("difference"),
          className: "whitespace-nowrap",
          cell: (segment: (typeof runOfShow.segments)[number]) => {
            const delay = startDelay(segment);
            return delay ? tp(delay.key, { minutes: delay.minutes }) : tp("notRun");
          },
        },
      ]
    : [];
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  const zone = meeting.timeZone;
  const place = joinParts(
    [
      ceremony.room ? pick(ceremony.room.name, locale) : null,
      ceremony.room?.location,
      localPlaceName(meeting.venueName, locale),
      localPlaceName(meeting.venueCity, locale),
    ],
    locale,
  );
  const speakers = officials.filter((official) => official.speaks);
  const signatories = officials.filter((official) => official.signs);
  const people = (rows: typeof officials) =>
    rows.length === 0 ? (
      <p>{t("none")}</p>
    ) : (
      <ol className="list-decimal space-y-0.5 pl-6">
        {rows.map((official) => (
          <li key={official.id}>
            {nameOf(official, locale)}
            {pick(official.position, locale) && (
              <span className="text-slate-600"> – {pick(official.position, locale)}</span>
            )}
          </li>
        ))}
      </ol>
    );

  return (
    <article className="ceremony-printout space-y-6 bg-white p-4 text-slate-900 print:p-0 print:text-[11pt]">
      <div className="flex justify-end print:hidden">
        <PrintButton label={t("print")} />
      </div>
      <header className="space-y-1 border-b-2 border-slate-900 pb-3">
        <p className="text-sm font-medium uppercase tracking-wide text-slate-600">
          {pick(meeting.title, locale)} · {t("heading")}
        </p>
        <h1 className="text-2xl font-bold">{pick(ceremony.title, locale)}</h1>
        {ceremony.status === "draft" && <p className="font-semibold">{t("draft")}</p>}
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr] print:grid-cols-[auto_1fr]">
          <dt className="font-semibold">{t("date")}</dt>
          <dd>{formatLongDate(ceremony.startsAt, zone, locale)}</dd>
          <dt className="font-semibold">{t("time")}</dt>
          <dd>{formatTimeRange(ceremony.startsAt, ceremony.endsAt, zone, locale)}</dd>
          <dt className="font-semibold">{t("place")}</dt>
          <dd>{place}</dd>
          {runOfShow.inductees.length > 0 && (
            <>
              <dt className="font-semibold">{t("inductees")}</dt>
              <dd>{list.format(runOfShow.inductees.map((city) => pick(city.name, locale)))}</dd>
            </>
          )}
        </dl>
        <p className="text-sm text-slate-600">
          {t("zoneNote", {
            zone: localPlaceName(meeting.venueCity, locale),
            offset: zoneOffsetLabel(ceremony.startsAt, zone),
          })}
        </p>
      </header>

      <TitledSection id="print-run-of-show" title={tr("heading")} className="space-y-2" small>
        <DataTable
          look="print"
          columns={[
            {
              key: "time",
              header: ran ? tp("planned") : tr("time"),
              className: "whitespace-nowrap font-semibold tabular-nums",
              cell: (segment) => formatTimeRange(segment.startsAt, segment.endsAt, zone, locale),
            },
            ...actualColumns,
            {
              key: "duration",
              header: tr("duration"),
              className: "whitespace-nowrap tabular-nums",
              cell: (segment) => tr("minutes", { count: segment.durationMinutes }),
            },
            {
              key: "segment",
              header: tr("segment"),
              className: "font-medium",
              cell: (segment) => pick(segment.title, locale),
            },
            {
              key: "participants",
              header: tr("participants"),
              cell: (segment) => segment.participants.map((person) => nameOf(person, locale)).join(", "),
            },
            {
              key: "description",
              header: tr("description"),
              cell: (segment) => pick(segment.description, locale),
            },
            {
              key: "internalNotes",
              header: tr("internalNotes"),
              className: "whitespace-pre-line break-words",
              cell: (segment) => segment.internalNotes ?? "",
            },
          ]}
          rows={runOfShow.segments}
          rowKey={(segment) => segment.id}
          label={tr("heading")}
          minWidth="min-w-[36rem]"
          testId="print-run-of-show"
        />
      </TitledSection>

      <div className="grid gap-6 sm:grid-cols-3 print:grid-cols-3">
        {(
          [
            ["print-precedence", t("precedence"), officials],
            ["print-speakers", t("speakers"), speakers],
            ["print-signatories", t("signatories"), signatories],
          ] as const
        ).map(([id, title, rows]) => (
          <TitledSection key={id} id={id} title={title} className="space-y-1" small>
            {people(rows)}
          </TitledSection>
        ))}
      </div>
    </article>
  );
}
