import { getTranslations, setRequestLocale } from "next-intl/server";
import { MeetingAdminNav } from "@/app/_components/admin/MeetingAdminNav";
import { HeldForm } from "@/app/_components/admin/ceremony/HeldForm";
import { InducteesForm } from "@/app/_components/admin/ceremony/InducteesForm";
import { LateNoticeForm } from "@/app/_components/admin/ceremony/LateNoticeForm";
import { MonitorLinks } from "@/app/_components/admin/ceremony/MonitorLinks";
import { OfficialsEditor } from "@/app/_components/admin/ceremony/OfficialsEditor";
import { SegmentForm } from "@/app/_components/admin/ceremony/SegmentForm";
import { SegmentList } from "@/app/_components/admin/ceremony/SegmentList";
import { UndoDeletions } from "@/app/_components/admin/ceremony/UndoDeletions";
import { TitledSection } from "@/app/_components/layout/TitledSection";
import { adminPaths } from "@/app/_lib/admin-paths";
import { htmlLang, localeNames, locales, type AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { joinParts } from "@/app/_lib/meetings/practical-info";
import { localPlaceName } from "@/app/_lib/i18n/place-names";
import { Link } from "@/app/_lib/i18n/navigation";
import { displayName, type NamedPerson } from "@/app/_lib/names";
import {
  formatDateTime,
  formatLongDate,
  formatTime,
  formatTimeRange,
  zoneOffsetLabel,
} from "@/app/_lib/time";
import { pageActor, type Actor } from "@/app/_server/authz";
import { getCeremonyEditor } from "@/app/_server/ceremonies/admin-queries";
import { getHeldState } from "@/app/_server/ceremonies/induction";
import { showSettings } from "@/app/_server/ceremonies/live-commands";
import { listMonitorTokens } from "@/app/_server/ceremonies/monitor-tokens";
import type { CeremonyRef } from "@/app/_server/ceremonies/mutations";
import { orNotFound } from "@/app/_server/pages";
import {
  createMonitorLinkAction,
  deleteSegmentAction,
  markHeldAction,
  moveSegmentAction,
  reorderSegmentsAction,
  restoreSegmentAction,
  revokeMonitorLinkAction,
  saveInducteesAction,
  saveLateNoticeAction,
  saveOfficialsAction,
  saveSegmentAction,
} from "./actions";

type Props = { params: Promise<{ locale: AppLocale; slug: string; id: string }> };

export async function generateMetadata({ params }: Props) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "adminCeremony.runOfShow" });
  return { title: t("heading") };
}

function nameOf(person: NamedPerson, locale: AppLocale): string {
  const name = displayName(person, locale);
  return name.secondary ? `${name.primary} (${name.secondary})` : name.primary;
}

/** The ceremony editor: run-of-show, inducted cities, order of precedence, printouts and calendar. */
export default async function CeremonyEditorPage({ params }: Props) {
  const { locale, slug, id } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "editProgram", adminPaths.ceremony(slug, id));
  const editor = await orNotFound(getCeremonyEditor(actor, slug, id, locale));
  const [t, tr, ti, to, ts] = await Promise.all([
    getTranslations("adminCeremony.editor"),
    getTranslations("adminCeremony.runOfShow"),
    getTranslations("adminCeremony.inductees"),
    getTranslations("adminCeremony.officials"),
    getTranslations("adminCeremony.segment"),
  ]);
  const { meeting, ceremony, runOfShow } = editor;
  const people = editor.people.map((person) => ({ id: person.id, name: nameOf(person, locale) }));
  const names = Object.fromEntries(people.map((person) => [person.id, person.name]));
  const ref = { meetingSlug: meeting.slug, sessionId: ceremony.id };
  const title = pick(ceremony.title, locale);

  return (
    <div className="space-y-8">
      <MeetingAdminNav slug={meeting.slug} role={actor.role} />
      <header className="space-y-2">
        <Link
          href={adminPaths.session(meeting.slug, ceremony.id)}
          className="text-sm text-brand-700 underline"
        >
          ← {t("backToSession")}
        </Link>
        {/* The title alone: many already name the ceremony ("Ceremony: …", "…仪式"), so no prefix is added. */}
        <p className="text-sm font-medium uppercase tracking-wide text-slate-600">{t("kicker")}</p>
        <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
        <p className="text-slate-700">
          {t("slot", {
            date: formatLongDate(ceremony.startsAt, meeting.timeZone, locale),
            time: formatTimeRange(ceremony.startsAt, ceremony.endsAt, meeting.timeZone, locale),
            zone: joinParts(
              [
                localPlaceName(meeting.venueCity, locale),
                zoneOffsetLabel(ceremony.startsAt, meeting.timeZone),
              ],
              locale,
            ),
          })}
          {ceremony.room &&
            ` · ${joinParts([pick(ceremony.room.name, locale), ceremony.room.location], locale)}`}
        </p>
        {ceremony.status !== "published" && (
          <p className="inline-block rounded bg-amber-100 px-2 py-1 text-sm font-semibold text-amber-900">
            {t(ceremony.status === "draft" ? "draft" : "cancelled")}
          </p>
        )}
        <nav aria-label={t("links")} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {locales.map((language) => (
            <Link
              key={language}
              href={adminPaths.ceremonyPrint(meeting.slug, ceremony.id)}
              locale={language}
              className="text-brand-700 underline"
              hrefLang={htmlLang[language]}
            >
              {t("printIn", { language: localeNames[language] })}
            </Link>
          ))}
          <a
            href={`${adminPaths.runOfShowFeed(meeting.slug, ceremony.id)}?lang=${locale}`}
            className="text-brand-700 underline"
            type="text/calendar"
          >
            {t("feed")}
          </a>
        </nav>
      </header>

      <LiveSection actor={actor} locale={locale} timeZone={meeting.timeZone} {...ref} />

      <TitledSection id="run-of-show" title={tr("heading")}>
        <p className="text-sm text-slate-600">{tr("hint")}</p>
        <UndoDeletions
          {...ref}
          deleted={editor.deleted.map((segment) => ({
            id: segment.id,
            title: pick(segment.title, locale),
            time: formatTime(segment.deletedAt, meeting.timeZone, locale),
          }))}
          action={restoreSegmentAction}
        />
        <SegmentList
          meetingSlug={meeting.slug}
          sessionId={ceremony.id}
          slot={{ startsAt: ceremony.startsAt, endsAt: ceremony.endsAt }}
          timeZone={meeting.timeZone}
          locale={locale}
          segments={runOfShow.segments.map((segment) => ({
            id: segment.id,
            durationMinutes: segment.durationMinutes,
            title: segment.title,
            description: segment.description,
            internalNotes: segment.internalNotes,
            participantIds: segment.participants.map((person) => person.id),
          }))}
          names={names}
          others={editor.others.map((other) => ({
            ...other,
            startsAt: new Date(other.startsAt).toISOString(),
            endsAt: new Date(other.endsAt).toISOString(),
          }))}
          editForms={Object.fromEntries(
            runOfShow.segments.map((segment) => [
              segment.id,
              <details key={segment.id} className="mt-2">
                <summary className="cursor-pointer text-sm font-medium text-brand-700">
                  {ts("edit", { segment: pick(segment.title, locale) })}
                </summary>
                <SegmentForm
                  {...ref}
                  people={people}
                  saveAction={saveSegmentAction}
                  deleteAction={deleteSegmentAction}
                  segment={{
                    id: segment.id,
                    durationMinutes: segment.durationMinutes,
                    titleDe: segment.title.de ?? "",
                    titleEn: segment.title.en ?? "",
                    titleZh: segment.title.zh ?? "",
                    descriptionDe: segment.description.de ?? "",
                    descriptionEn: segment.description.en ?? "",
                    descriptionZh: segment.description.zh ?? "",
                    internalNotes: segment.internalNotes ?? "",
                    participantIds: segment.participants.map((person) => person.id),
                  }}
                />
              </details>,
            ]),
          )}
          moveAction={moveSegmentAction}
          reorderAction={reorderSegmentsAction}
        />
        <details className="rounded-lg border border-slate-200 bg-white p-3">
          <summary className="cursor-pointer font-medium text-brand-700">{ts("add")}</summary>
          <SegmentForm {...ref} people={people} saveAction={saveSegmentAction} />
        </details>
      </TitledSection>

      <TitledSection id="inductees" title={ti("heading")}>
        <InducteesForm
          {...ref}
          cities={editor.cities.map((city) => ({
            id: city.id,
            country: city.country,
            name: pick(city.name, locale),
            lang: htmlLang[locale],
          }))}
          selected={runOfShow.inductees.map((city) => city.id)}
          action={saveInducteesAction}
        />
      </TitledSection>

      <HeldSection actor={actor} locale={locale} {...ref} />

      <TitledSection id="officials" title={to("heading")}>
        <p className="text-sm text-slate-600">{to("hint")}</p>
        <OfficialsEditor
          {...ref}
          officials={editor.officials.map((official) => ({
            personId: official.id,
            speaks: official.speaks,
            signs: official.signs,
          }))}
          people={people}
          action={saveOfficialsAction}
        />
      </TitledSection>
    </div>
  );
}

/** Marking the ceremony as held: its inductees become members (app/_server/ceremonies/induction.ts). */
async function HeldSection({ actor, locale, ...ref }: { actor: Actor; locale: AppLocale } & CeremonyRef) {
  const [held, t] = await Promise.all([getHeldState(actor, ref), getTranslations("adminCities.held")]);
  if (!held) return null;
  const names = held.inductees.map((city) => pick(city, locale));
  return (
    <TitledSection id="held" title={t("heading")}>
      <HeldForm
        {...ref}
        heldAt={held.heldAt && formatDateTime(held.heldAt, held.timeZone, locale)}
        canMark={held.status === "published" && new Date(held.startsAt) <= new Date()}
        inductees={
          names.length ? new Intl.ListFormat(htmlLang[locale], { type: "conjunction" }).format(names) : null
        }
        action={markHeldAction}
      />
    </TitledSection>
  );
}

/**
 * The ceremony on the day: links to the operator's and the crew's views, the public notice's threshold,
 * and the speaker's monitor links.
 */
async function LiveSection({
  actor,
  locale,
  timeZone,
  ...ref
}: { actor: Actor; locale: AppLocale; timeZone: string } & CeremonyRef) {
  const [settings, links, t, tm] = await Promise.all([
    showSettings(actor, ref),
    listMonitorTokens(actor, ref),
    getTranslations("adminLive.section"),
    getTranslations("adminLive.monitor"),
  ]);
  return (
    <TitledSection id="live" title={t("heading")}>
      <p className="text-sm text-slate-600">{t("hint")}</p>
      <p className="font-medium" data-testid="live-phase">
        {t("state", { phase: t(`phases.${settings.phase}`) })}
      </p>
      <nav aria-label={t("heading")} className="flex flex-wrap gap-x-4 gap-y-1">
        <Link
          href={adminPaths.ceremonyLive(ref.meetingSlug, ref.sessionId)}
          className="text-brand-700 underline"
        >
          {t("operator")}
        </Link>
        <Link
          href={adminPaths.ceremonyCrew(ref.meetingSlug, ref.sessionId)}
          className="text-brand-700 underline"
        >
          {t("crew")}
        </Link>
      </nav>
      <LateNoticeForm {...ref} lateNoticeMinutes={settings.lateNoticeMinutes} action={saveLateNoticeAction} />
      <h3 className="text-lg font-semibold">{tm("heading")}</h3>
      <MonitorLinks
        {...ref}
        links={links.map((link) => ({
          id: link.id,
          label: link.label,
          createdAt: formatDateTime(link.createdAt, timeZone, locale),
          revokedAt: link.revokedAt && formatDateTime(link.revokedAt, timeZone, locale),
        }))}
        createAction={createMonitorLinkAction}
        revokeAction={revokeMonitorLinkAction}
      />
    </TitledSection>
  );
}
