import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { MeetingAdminNav } from "@/app/_components/admin/MeetingAdminNav";
import {
  ButtonForm,
  ConfirmStepForm,
  DetailsForm,
  MoveUpForm,
  ReviewForm,
  SessionsForm,
} from "@/app/_components/admin/registrations/DeskForms";
import { HistoryList } from "@/app/_components/admin/registrations/HistoryList";
import { RegistrationFacts } from "@/app/_components/admin/registrations/RegistrationFacts";
import { detailsFormValues } from "@/app/_components/registration/details-values";
import { RegistrationStatusBadge } from "@/app/_components/admin/registrations/RegistrationStatusBadge";
import { adminPaths } from "@/app/_lib/admin-paths";
import { RECORD_ID } from "@/app/_lib/ids";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { colon } from "@/app/_lib/i18n/punctuation";
import { pick } from "@/app/_lib/i18n/localized";
import { Link } from "@/app/_lib/i18n/navigation";
import { displayName } from "@/app/_lib/names";
import { formatDateTime } from "@/app/_lib/time";
import { pageActor } from "@/app/_server/authz";
import { orNotFound } from "@/app/_server/pages";
import { deskChoices, getDeskMeeting, getDeskRegistration } from "@/app/_server/desk/desk-queries";
import { listCityOptions } from "@/app/_server/registration/queries";
import { notFound } from "next/navigation";
import {
  cancelAction,
  changeSessionsAction,
  editDetailsAction,
  moveUpAction,
  removeFromWaitlistAction,
  resendAction,
  reviewAction,
} from "../actions";

type Props = { params: Promise<{ locale: AppLocale; slug: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "adminRegistrations.desk" });
  return { title: t("title") };
}

function Panel({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section
      aria-labelledby={id}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
    >
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** One registration at the desk: what the delegate entered, their seats, the organizer's actions and the history. */
export default async function RegistrationPage({ params }: Props) {
  const { locale, slug, id } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "manageRegistrations", adminPaths.registration(slug, id));
  if (!RECORD_ID.test(id)) notFound();
  const meeting = await orNotFound(getDeskMeeting(actor, slug));
  const registration = await orNotFound(getDeskRegistration(actor, meeting.id, id));
  const active = registration.status === "pending" || registration.status === "confirmed";
  const [t, choices, cities] = await Promise.all([
    getTranslations("adminRegistrations.desk"),
    deskChoices(actor, meeting.id),
    active ? listCityOptions(meeting.id) : Promise.resolve([]),
  ]);
  const zone = meeting.timeZone;
  const name = displayName({ ...registration, honorific: undefined }, locale);
  const ids = { registrationId: registration.id, meetingId: meeting.id };
  const held = new Set(registration.sessions.map((seat) => seat.sessionId));
  const counts = new Map(choices.sessions.map((session) => [session.id, session]));
  // Drafts and cancelled sessions only where the delegate holds them: saving never gives them up unasked.
  const boxes = choices.sessions
    .filter((session) => session.status === "published" || held.has(session.id))
    .map((session) => ({
      id: session.id,
      checked: held.has(session.id),
      label: (
        <span>
          <span className="font-medium">{pick(session.title, locale)}</span>
          {session.status !== "published" && (
            <span className="ml-1 text-sm text-red-800">
              ({t(`sessionState.${session.status as "draft" | "cancelled"}`)})
            </span>
          )}
          <span className="block text-sm text-slate-600">
            {formatDateTime(session.startsAt, zone, locale)} ·{" "}
            {t("seatCounts", {
              taken: session.seatsTaken,
              capacity: session.capacity,
              waiting: session.waiting,
            })}
          </span>
        </span>
      ),
    }));

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{pick(meeting.title, locale) || slug}</h1>
      <MeetingAdminNav slug={slug} role={actor.role} />
      <p>
        <Link href={adminPaths.registrations(slug)} className="text-brand-700 underline">
          ← {t("back")}
        </Link>
      </p>
      <header className="space-y-2">
        <h2 className="text-2xl font-semibold">
          {name.primary}
          {name.secondary && (
            <span className="ml-2 text-lg font-normal text-slate-600">{name.secondary}</span>
          )}
        </h2>
        <p role="status" className="text-lg" data-testid="registration-status">
          {t("status")}
          {colon(locale)}
          <RegistrationStatusBadge
            status={registration.status}
            label={t(`statuses.${registration.status}`)}
          />
        </p>
        {registration.status === "confirmed" && (
          <p className="flex flex-wrap gap-4 text-sm font-medium">
            <Link
              href={`${adminPaths.badges(slug)}?id=${registration.id}`}
              className="text-brand-700 underline"
            >
              {t("links.badge")}
            </Link>
            <Link
              href={`${adminPaths.checkIn(slug)}?id=${registration.id}`}
              className="text-brand-700 underline"
            >
              {t("links.checkIn")}
            </Link>
            {registration.visaLetter && (
              <Link
                href={`${adminPaths.visaLettersPrint(slug)}?id=${registration.id}`}
                className="text-brand-700 underline"
              >
                {t("links.visaLetter")}
              </Link>
            )}
          </p>
        )}
      </header>

      {registration.status === "pending" && (
        <Panel id="decision" title={t("decision")}>
          <p className="text-slate-700">{t("decisionIntro")}</p>
          <ReviewForm action={reviewAction} ids={ids} />
        </Panel>
      )}

      <Panel id="details" title={t("details")}>
        <RegistrationFacts registration={registration} locale={locale} timeZone={zone} />
      </Panel>

      <Panel id="seats" title={t("seats")}>
        {registration.sessions.length === 0 && <p>{t("noSeats")}</p>}
        <ul className="space-y-4">
          {registration.sessions.map((seat) => {
            const session = counts.get(seat.sessionId);
            return (
              <li
                key={seat.sessionId}
                className="space-y-2 rounded border border-slate-200 p-3"
                data-seat={seat.sessionId}
              >
                <p className="font-medium">{pick(seat.title, locale)}</p>
                <p className="text-sm text-slate-600">
                  {formatDateTime(seat.startsAt, zone, locale)}
                  {session &&
                    ` · ${t("seatCounts", { taken: session.seatsTaken, capacity: session.capacity, waiting: session.waiting })}`}
                </p>
                <p
                  className={
                    seat.status === "waitlisted" ? "font-semibold text-amber-800" : "text-emerald-800"
                  }
                >
                  {seat.status === "waitlisted"
                    ? t("seat.waitlisted", { place: seat.position })
                    : t("seat.confirmed")}
                </p>
                {seat.status === "waitlisted" && active && (
                  <div className="grid gap-3 sm:grid-cols-2">
                    <MoveUpForm action={moveUpAction} ids={ids} sessionId={seat.sessionId} />
                    <ButtonForm
                      action={removeFromWaitlistAction}
                      fields={{ ...ids, sessionId: seat.sessionId }}
                      label={t("removeFromWaitlist")}
                      tone="danger"
                    />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </Panel>

      {active ? (
        <>
          <Panel id="change-sessions" title={t("changeSessions")}>
            <p className="text-slate-700">{t("changeSessionsIntro")}</p>
            <SessionsForm action={changeSessionsAction} ids={ids} sessions={boxes} />
          </Panel>
          <details className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
            <summary className="cursor-pointer text-xl font-semibold">{t("editDetails")}</summary>
            <div className="mt-4">
              <DetailsForm
                action={editDetailsAction}
                ids={ids}
                values={detailsFormValues(registration, locale, cities)}
                cities={cities}
              />
            </div>
          </details>
          <div className="grid gap-4 md:grid-cols-2">
            <Panel id="resend" title={t("resendTitle")}>
              <ButtonForm action={resendAction} fields={ids} label={t("resend")} hint={t("resendHint")} />
            </Panel>
            <Panel id="cancel" title={t("cancelTitle")}>
              <ConfirmStepForm
                action={cancelAction}
                fields={ids}
                text={t("cancelText")}
                confirm={t("cancelConfirm")}
                label={t("cancel")}
              />
            </Panel>
          </div>
        </>
      ) : (
        <p className="rounded border border-slate-200 bg-slate-50 px-4 py-3">{t("ended")}</p>
      )}

      <Panel id="history" title={t("history")}>
        <HistoryList entries={registration.history} locale={locale} timeZone={zone} />
      </Panel>
    </div>
  );
}
