import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChangeSessionsForm, ConfirmForm, EditDetailsForm } from "@/app/_components/registration/ManageForms";
import { PracticalInfo } from "@/app/_components/meeting/PracticalInfo";
import { PrintButton } from "@/app/_components/layout/PrintButton";
import { PersonalCalendarForm } from "@/app/_components/registration/PersonalCalendarForm";
import { RegistrationSummary } from "@/app/_components/registration/RegistrationSummary";
import { VisaLetterStatus } from "@/app/_components/registration/VisaLetterStatus";
import { detailsFormValues } from "@/app/_components/registration/details-values";
import { FocusedNotice } from "@/app/_components/forms/FocusedNotice";
import { browserTitle } from "@/app/_components/site/browser-title";
import { formatCheckInCode } from "@/app/_lib/check-in-code";
import { windowState } from "@/app/_lib/registration/window";
import { getMeeting } from "@/app/_server/meetings/queries";
import { Link } from "@/app/_lib/i18n/navigation";
import { pick } from "@/app/_lib/i18n/localized";
import { localPlaceName } from "@/app/_lib/i18n/place-names";
import { colon } from "@/app/_lib/i18n/punctuation";
import { displayName } from "@/app/_lib/names";
import { formatCalendarDate } from "@/app/_lib/time";
import { sessionOption } from "@/app/_lib/registration/session-options";
import { getPracticalInfo } from "@/app/_server/meetings/practical-info";
import { orNotFound, orNull, pageLocale } from "@/app/_server/pages";
import { listBookableSessions, listCityOptions } from "@/app/_server/registration/queries";
import { getManagedRegistration } from "@/app/_server/self-service/queries";
import { delegateVisaLetter } from "@/app/_server/self-service/visa-letter";
import { personalCalendarToken, personalFeedPath } from "@/app/_server/self-service/calendar-link";
import { subscribeData } from "@/app/_server/calendar/subscribe";
import { SubscribeLinks } from "@/app/_components/calendar/SubscribeLinks";
import { checkInQrSvg } from "@/app/_server/registration/check-in-link";
import { manageUrl } from "@/app/_server/registration/tokens";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import {
  calendarLinkAction,
  cancelAction,
  changeSessionsAction,
  deleteAction,
  updateDetailsAction,
} from "./actions";

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ welcome?: string }> };

// The URL is a secret: never send it on to another site as a referrer, never index the page. Within the
// app it may go (same-origin): with "no-referrer" the browser posts a form without JavaScript with
// `Origin: null`, which the proxy refuses as cross-site.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("manage");
  return { title: t("title"), referrer: "same-origin", robots: { index: false, follow: false } };
}

export default async function ManagePage({ params, searchParams }: Props) {
  const [{ token }, { welcome }, locale] = await Promise.all([params, searchParams, pageLocale()]);
  const registration = await orNotFound(getManagedRegistration(token));
  const [t, ta, tc, tf, practical, visaLetter] = await Promise.all([
    getTranslations("manage"),
    getTranslations("agenda"),
    getTranslations("calendar"),
    getTranslations("publicForms"),
    getPracticalInfo(registration.meeting.id),
    delegateVisaLetter(registration.id),
  ]);
  const pageTitle = await browserTitle(t("title"), locale);
  // A cancelled delegate may register again while registration is open (the cancellation email says so);
  // a meeting taken off the public site (not found) takes no registrations, but this page stays.
  const publicMeeting =
    registration.status === "cancelled" ? await orNull(getMeeting(registration.meeting.slug)) : null;
  const registrationOpen =
    publicMeeting !== null && windowState(publicMeeting.registration, new Date()) === "open";
  const editable = registration.status === "pending" || registration.status === "confirmed";
  const { meeting } = registration;
  const [cities, bookable, calendarToken] = editable
    ? await Promise.all([
        listCityOptions(meeting.id),
        listBookableSessions(meeting.slug),
        personalCalendarToken(registration.id),
      ])
    : [[], [], null];
  // The personal feed's address, the same on every visit (self-service/calendar-link.ts).
  const programPath = calendarToken ? `${personalFeedPath(calendarToken)}?lang=${locale}` : null;
  const programFeed = programPath ? await subscribeData(programPath, tc("personalName")) : null;
  const programDownload = programPath && (
    <a
      href={programPath}
      download={`meeting-${meeting.slug}.ics`}
      className="inline-block rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
    >
      {tc("personalDownload")}
    </a>
  );
  const held = new Map(registration.sessions.map((seat) => [seat.sessionId, seat]));
  const heldPlace = (id: string) => {
    const seat = held.get(id);
    if (!seat) return undefined;
    return seat.status === "confirmed"
      ? { label: t("seatConfirmed"), waitlisted: false }
      : { label: t("seatWaitlisted", { position: seat.position }), waitlisted: true };
  };
  // Sessions the delegate holds stay in the list even when they no longer take registrations, so that
  // saving the form never gives them up unasked.
  const bookableIds = new Set(bookable.map((session) => session.id));
  const choices = [
    ...bookable,
    ...registration.sessions
      .filter((seat) => !bookableIds.has(seat.sessionId))
      .map((seat) => ({ ...seat, id: seat.sessionId, capacity: 0, seatsLeft: 0, waiting: 0 })),
  ].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const bind = <A extends unknown[], R>(action: (token: string, locale: AppLocale, ...rest: A) => R) =>
    action.bind(null, token, locale);
  // The name in both scripts, without the honorific: it may be written in the other script ("市长").
  const name = displayName({ ...registration, honorific: undefined }, locale);
  const checkInQr =
    registration.status === "confirmed" ? await checkInQrSvg(meeting.slug, registration.checkInCode) : "";

  // Printed, the page is the delegate's confirmation on one A4 sheet (e2e/printing.spec.ts): who, which
  // meeting, their sessions, the check-in code and the practical information. The secret link, the forms
  // and the buttons stay on the screen (print:hidden).
  return (
    <div className="max-w-3xl space-y-8 print:max-w-none print:space-y-4 print:text-sm">
      <header className="space-y-2 print:space-y-1">
        <p className="text-sm font-medium text-brand-700">
          <Link href={`/meetings/${meeting.slug}`} className="underline print:no-underline">
            {pick(meeting.title, locale, meeting.defaultLocale)}
          </Link>{" "}
          · {formatCalendarDate(meeting.startsOn, locale)} · {localPlaceName(meeting.venueName, locale)}
        </p>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="text-3xl font-bold tracking-tight print:text-2xl">{t("title")}</h1>
          {editable && <PrintButton label={t("print")} />}
        </div>
        <p className="text-xl font-semibold" data-testid="registration-name">
          {name.primary}
          {name.secondary && (
            <span className="ml-3 font-normal text-slate-600" lang={locale === "zh" ? "en" : "zh-CN"}>
              {name.secondary}
            </span>
          )}
        </p>
        <p className="text-lg print:text-base">
          {t("status")}
          {colon(locale)}
          <strong data-testid="registration-status">{t(`statuses.${registration.status}`)}</strong>
        </p>
      </header>

      {registration.status === "cancelled" && (
        <FocusedNotice className="space-y-2 rounded-lg border border-slate-300 bg-white p-4 focus:outline-none focus-visible:ring-4 focus-visible:ring-amber-400 sm:p-6">
          <h2 className="text-xl font-semibold">{tf("cancelledHeading")}</h2>
          <p>{tf("cancelledText")}</p>
          {registrationOpen ? (
            <p>
              {tf("registerAgainText")}{" "}
              <Link
                href={`/meetings/${meeting.slug}/register`}
                className="font-semibold text-brand-700 underline"
                data-testid="register-again"
              >
                {tf("registerAgain")}
              </Link>
            </p>
          ) : (
            <p>{tf("registrationClosedText")}</p>
          )}
        </FocusedNotice>
      )}

      {welcome && editable && (
        <div
          role="status"
          className="space-y-2 rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-emerald-950 print:hidden"
        >
          <p className="text-lg font-semibold">
            {registration.status === "pending" ? t("welcomePending") : t("welcomeConfirmed")}
          </p>
          <p>{t("welcomeEmail", { email: registration.email })}</p>
          <p>{t("keepLink")}</p>
          <p className="break-all rounded bg-white px-3 py-2 font-mono text-sm" data-testid="manage-link">
            {manageUrl(locale, token)}
          </p>
          <div className="flex flex-wrap items-center gap-3 pt-1">
            {programDownload}
            <a href="#personal-calendar" className="font-medium text-brand-700 underline">
              {tc("personalSubscribe")}
            </a>
          </div>
        </div>
      )}

      {registration.status === "confirmed" && (
        <section
          aria-labelledby="check-in"
          className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 break-inside-avoid sm:flex-row sm:items-center sm:p-6 print:flex-row print:items-center print:p-3"
        >
          <div
            className="w-48 shrink-0 self-center print:w-28 [&>svg]:h-auto [&>svg]:w-full"
            role="img"
            aria-label={t("checkIn.alt")}
            data-testid="check-in-qr"
            dangerouslySetInnerHTML={{ __html: checkInQr }}
          />
          <div className="space-y-2">
            <h2 id="check-in" className="text-xl font-semibold">
              {t("checkIn.heading")}
            </h2>
            <p>{t("checkIn.text")}</p>
            <p>
              {t("checkIn.code")}
              {colon(locale)}
              <strong className="font-mono text-2xl tracking-wider" data-testid="check-in-code">
                {formatCheckInCode(registration.checkInCode)}
              </strong>
            </p>
          </div>
        </section>
      )}
      {registration.status === "pending" && (
        <p className="rounded-lg border border-slate-200 bg-white p-4">{t("checkIn.pending")}</p>
      )}

      {visaLetter && editable && (
        <VisaLetterStatus letter={visaLetter} timeZone={meeting.timeZone} locale={locale} />
      )}

      <RegistrationSummary registration={registration} locale={locale} />

      <PracticalInfo info={practical} venueName={meeting.venueName} locale={locale} />

      {editable && (
        <div className="space-y-8 print:hidden">
          <section aria-labelledby="change-sessions" className="space-y-3">
            <h2 id="change-sessions" className="text-xl font-semibold">
              {t("changeSessions")}
            </h2>
            <ChangeSessionsForm
              action={bind(changeSessionsAction)}
              slug={meeting.slug}
              sessions={choices.map((session) =>
                sessionOption(session, meeting.timeZone, locale, heldPlace(session.id)),
              )}
              chosen={registration.sessions.map((seat) => seat.sessionId)}
              timeLabels={{ local: ta("timeBerlin"), china: ta("timeChina") }}
              pageTitle={pageTitle}
              draft={`sessions:${registration.id}`}
            />
          </section>
          <details className="rounded-lg border border-slate-200 bg-white p-4">
            <summary className="cursor-pointer text-xl font-semibold">{t("editDetails")}</summary>
            <div className="mt-4">
              <EditDetailsForm
                action={bind(updateDetailsAction)}
                values={detailsFormValues(registration, locale, cities)}
                cities={cities}
                pageTitle={pageTitle}
                draft={`details:${registration.id}`}
              />
            </div>
          </details>
        </div>
      )}

      {programFeed && (
        <section
          aria-labelledby="personal-calendar"
          className="scroll-mt-4 space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6 print:hidden"
          data-testid="personal-calendar"
        >
          <h2 id="personal-calendar" className="text-xl font-semibold">
            {tc("personalTitle")}
          </h2>
          <p>{tc("personalText")}</p>
          {programDownload}
          <SubscribeLinks {...programFeed} testId="personal-feed" />
          <PersonalCalendarForm action={bind(calendarLinkAction)} />
        </section>
      )}

      <section aria-labelledby="your-data" className="space-y-4 print:hidden">
        <h2 id="your-data" className="text-xl font-semibold">
          {t("yourData")}
        </h2>
        <a
          href={`/api/manage/${token}/export`}
          download
          className="inline-block font-medium text-brand-700 underline"
          rel="noreferrer"
        >
          {t("download")}
        </a>
        {editable && (
          <ConfirmForm
            action={bind(cancelAction)}
            title={t("cancelTitle")}
            text={t("cancelText")}
            confirm={t("cancelConfirm")}
            submit={t("cancel")}
          />
        )}
        <ConfirmForm
          action={bind(deleteAction)}
          title={t("deleteTitle")}
          text={t("deleteText")}
          confirm={t("deleteConfirm")}
          submit={t("delete")}
        />
      </section>
    </div>
  );
}
