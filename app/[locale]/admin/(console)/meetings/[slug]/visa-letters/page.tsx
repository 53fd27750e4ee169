import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PersonName } from "@/app/_components/admin/delegates/PersonName";
import { VisaTemplateForm, VisaTemplateReset } from "@/app/_components/admin/delegates/VisaTemplateForm";
import { VisaLetterStatusForm } from "@/app/_components/admin/delegates/VisaLetterStatusForm";
import { visaLetterExpectedBy } from "@/app/_lib/registration/visa";
import { formatDateTime, dayKey } from "@/app/_lib/time";
import { MeetingAdminNav } from "@/app/_components/admin/MeetingAdminNav";
import { DataTable, type Column } from "@/app/_components/DataTable";
import { ActionLink } from "@/app/_components/layout/ActionLink";
import { TitledSection } from "@/app/_components/layout/TitledSection";
import { adminPaths, withQuery } from "@/app/_lib/admin-paths";
import { Link } from "@/app/_lib/i18n/navigation";
import { locales, localeNames, type AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { placeName } from "@/app/_lib/places";
import { letterTemplate } from "@/app/_lib/visa-letter";
import { pageActor } from "@/app/_server/authz";
import { orNotFound } from "@/app/_server/pages";
import { getVisaLetterDesk } from "@/app/_server/desk/visa-letters";
import { saveVisaLetterAction, setVisaLetterStatusAction } from "./actions";
import { letterLanguage, printPath } from "./letter-language";

type Props = {
  params: Promise<{ locale: AppLocale; slug: string }>;
  searchParams: Promise<{ lang?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "adminRegistrations.visa" });
  return { title: t("title") };
}

/**
 * Who asked for a visa letter, with links to print one or all, and the template of the chosen letter
 * language (`?lang`, English unless chosen: what German missions read besides German).
 */
export default async function VisaLettersPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "handleVisaLetters", adminPaths.visaLetters(slug));
  const lang = letterLanguage((await searchParams).lang);
  const { meeting, templates, delegates } = await orNotFound(getVisaLetterDesk(actor, slug));
  const [t, ts, tv] = await Promise.all([
    getTranslations("adminRegistrations.visa"),
    getTranslations("manage.statuses"),
    getTranslations("adminVisa"),
  ]);
  // Short dates: a row holds five of them.
  const shortDate = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const day = (iso: string) => shortDate.format(new Date(`${iso}T00:00:00Z`));
  const today = dayKey(new Date(), meeting.timeZone);
  const nationality = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
  const custom = templates[lang] !== null;
  const columns: Column<(typeof delegates)[number]>[] = [
    {
      key: "name",
      header: t("name"),
      className: "font-medium",
      cell: (delegate) => (
        <Link
          href={adminPaths.registration(slug, delegate.id)}
          className="text-brand-700 underline-offset-2 hover:underline"
        >
          <PersonName person={delegate} locale={locale} />
        </Link>
      ),
    },
    {
      key: "city",
      header: t("city"),
      cell: (delegate) =>
        placeName({ city: delegate.city && { name: delegate.city }, cityOther: delegate.cityOther }, locale),
    },
    { key: "status", header: t("status"), cell: (delegate) => ts(delegate.status) },
    {
      key: "details",
      header: tv("details"),
      cell: ({ details }) =>
        details === null ? (
          <span className="text-slate-500">{tv("noDetails")}</span>
        ) : details === "unreadable" ? (
          <span className="text-red-800">{tv("unreadable")}</span>
        ) : (
          <div className="text-sm" data-testid="visa-details">
            <p>{tv("passport", { number: details.passportNumber, date: day(details.passportExpiry) })}</p>
            <p>
              {nationality.of(details.nationality)} · {tv("born", { date: day(details.birthDate) })}
            </p>
            <p>{tv("travel", { from: day(details.arrivalDate), to: day(details.departureDate) })}</p>
          </div>
        ),
    },
    {
      key: "letterStatus",
      header: tv("letterStatus"),
      cell: ({ id, letter }) => (
        <div className="space-y-1 text-sm">
          <p data-testid="visa-letter-course">
            {[
              letter.requestedAt &&
                tv("requestedOn", { date: formatDateTime(letter.requestedAt, meeting.timeZone, locale) }),
              letter.requestedAt &&
                letter.status === "requested" &&
                tv("expectedBy", {
                  date: day(
                    visaLetterExpectedBy(
                      new Date(letter.requestedAt),
                      meeting.visaLetterDays,
                      meeting.timeZone,
                    ),
                  ),
                }),
              letter.issuedOn && tv("issuedOn", { date: day(letter.issuedOn) }),
              letter.sentOn && tv("sentOn", { date: day(letter.sentOn) }),
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
          <VisaLetterStatusForm
            action={setVisaLetterStatusAction}
            meetingId={meeting.id}
            registrationId={id}
            status={letter.status}
            day={letter.sentOn ?? letter.issuedOn ?? today}
          />
        </div>
      ),
    },
    {
      key: "letter",
      header: t("letter"),
      cell: (delegate) => (
        <Link href={printPath(slug, lang, delegate.id)} className="text-brand-700 underline">
          {t("printOne", { lang: localeNames[lang] })}
          <span className="sr-only">: {`${delegate.givenName} ${delegate.familyName}`}</span>
        </Link>
      ),
    },
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{pick(meeting.title, locale) || slug}</h1>
      <MeetingAdminNav slug={slug} role={actor.role} />
      <div className="space-y-1">
        <h2 className="text-xl font-semibold">{t("title")}</h2>
        <p className="max-w-3xl text-slate-700">{t("intro")}</p>
      </div>

      <nav aria-labelledby="letter-language" className="flex flex-wrap items-center gap-2">
        <span id="letter-language" className="font-medium">
          {t("letterLanguage")}:
        </span>
        {locales.map((candidate) => (
          <Link
            key={candidate}
            href={`${adminPaths.visaLetters(slug)}?lang=${candidate}`}
            aria-current={candidate === lang ? "page" : undefined}
            className={`rounded border px-3 py-1 ${candidate === lang ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"}`}
          >
            {localeNames[candidate]}
          </Link>
        ))}
        <span className="text-sm text-slate-600">{t("letterLanguageHint")}</span>
      </nav>

      <section aria-labelledby="visa-delegates" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="visa-delegates" className="text-lg font-semibold">
            {t("delegates")}
          </h2>
          {delegates.length > 0 && (
            <div className="flex flex-wrap items-center gap-3">
              <ActionLink href={printPath(slug, lang)} data-testid="print-all">
                {t("printAll", { count: delegates.length })}
              </ActionLink>
              {(["xlsx", "csv"] as const).map((format) => (
                // A download from a route handler: a plain link, with the list's filter for letters.
                <a
                  key={format}
                  href={withQuery(
                    adminPaths.registrationsExport(slug, format),
                    "visaLetter=1",
                    "visaDetails=1",
                    `lang=${locale}`,
                  )}
                  className="text-brand-700 underline"
                  data-testid={`visa-export-${format}`}
                >
                  {tv("export", { format: format.toUpperCase() })}
                </a>
              ))}
            </div>
          )}
        </div>
        <DataTable
          columns={columns}
          rows={delegates}
          rowKey={(delegate) => delegate.id}
          rowProps={() => ({ "data-testid": "visa-delegate" })}
          label={t("delegates")}
          empty={t("noDelegates")}
          minWidth="min-w-[64rem]"
        />
      </section>

      <TitledSection
        id="visa-template"
        title={`${t("templateTitle")} – ${localeNames[lang]}`}
        className="space-y-3 rounded border border-slate-200 bg-white p-4"
        small
      >
        <p className="max-w-3xl text-sm text-slate-700">{t("templateIntro")}</p>
        <VisaTemplateForm
          action={saveVisaLetterAction}
          meetingSlug={slug}
          lang={lang}
          text={letterTemplate(templates[lang], lang)}
          custom={custom}
        />
        {custom && <VisaTemplateReset action={saveVisaLetterAction} meetingSlug={slug} lang={lang} />}
      </TitledSection>
    </div>
  );
}
