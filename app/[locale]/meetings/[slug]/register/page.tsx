import { randomBytes } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { browserTitle } from "@/app/_components/site/browser-title";
import { RegistrationForm } from "@/app/_components/registration/RegistrationForm";
import { RegistrationStatus } from "@/app/_components/meeting/RegistrationStatus";
import { RegistrationFormMessages } from "@/app/_components/site/RegistrationFormMessages";
import { windowState } from "@/app/_lib/registration/window";
import { sessionOption } from "@/app/_lib/registration/session-options";
import { getMeeting } from "@/app/_server/meetings/queries";
import { orNotFound, pageLocale } from "@/app/_server/pages";
import { listBookableSessions, listCityOptions } from "@/app/_server/registration/queries";
import { registerAction } from "./actions";

type Props = { params: Promise<{ slug: string }> };

// The title is the page's own (below, and the form's while it shows errors), not the metadata's: the
// server's answer to a form posted without JavaScript then has one title, "Error: …" where it belongs.
export const metadata: Metadata = { title: null };

export default async function RegisterPage({ params }: Props) {
  const { slug } = await params;
  const locale = await pageLocale();
  const meeting = await orNotFound(getMeeting(slug));
  const [t, ta] = await Promise.all([getTranslations("register"), getTranslations("agenda")]);
  const open = windowState(meeting.registration, new Date()) === "open";

  const [cities, sessions] = open
    ? await Promise.all([listCityOptions(meeting.id), listBookableSessions(slug)])
    : [[], []];
  const pageTitle = await browserTitle(t("title"), locale);
  return (
    <div className="max-w-3xl space-y-6">
      {!open && <title>{pageTitle}</title>}
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        {open ? <p className="text-lg">{t("intro")}</p> : <p className="text-lg">{t("closed")}</p>}
        <RegistrationStatus registration={meeting.registration} timeZone={meeting.timeZone} locale={locale} />
        {open && meeting.registration.requiresApproval && (
          <p role="note" className="rounded border border-sky-300 bg-sky-50 px-4 py-2 text-sky-900">
            {t("pendingNote")}
          </p>
        )}
      </header>
      {open && (
        <RegistrationFormMessages>
          <RegistrationForm
            action={registerAction.bind(null, slug, locale)}
            slug={slug}
            // One token per rendering of the form: its submissions, repeated or not, are one registration.
            formToken={randomBytes(16).toString("base64url")}
            cities={cities.map(({ quota: _quota, ...city }) => city)}
            sessions={sessions.map((session) => sessionOption(session, meeting.timeZone, locale))}
            timeLabels={{ local: ta("timeBerlin"), china: ta("timeChina") }}
            pageTitle={pageTitle}
            visaLetterDays={meeting.visaLetterDays}
          />
        </RegistrationFormMessages>
      )}
    </div>
  );
}
