import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PersonName } from "@/app/_components/admin/delegates/PersonName";
import { MeetingAdminNav } from "@/app/_components/admin/MeetingAdminNav";
import { MessageForm } from "@/app/_components/admin/messages/MessageForm";
import { MessagePreview } from "@/app/_components/admin/messages/MessagePreview";
import { MessageProgressSection } from "@/app/_components/admin/messages/MessageProgressSection";
import { MessageStatus } from "@/app/_components/admin/messages/MessageStatus";
import { DeskFilterForm } from "@/app/_components/admin/registrations/DeskFilterForm";
import { RegistrationStatusBadge } from "@/app/_components/admin/registrations/RegistrationStatusBadge";
import { DataTable, type Column } from "@/app/_components/DataTable";
import { adminPaths, withQuery } from "@/app/_lib/admin-paths";
import { messageHeadline, messageLanguage, messageState } from "@/app/_lib/delegate-message";
import { isLocale, locales, type AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { Link } from "@/app/_lib/i18n/navigation";
import { placeName } from "@/app/_lib/places";
import { deskFilterQuery, parseDeskFilters } from "@/app/_lib/registration/desk-filters";
import { pageActor } from "@/app/_server/authz";
import { deskChoices } from "@/app/_server/desk/desk-queries";
import { getMessage, sentRecipients } from "@/app/_server/desk/messages/messages";
import {
  languageCounts,
  listRecipients,
  recipientsKey,
  type MessageRecipient,
} from "@/app/_server/desk/messages/recipients";
import { previewMessage } from "@/app/_server/desk/messages/send";
import { getPracticalInfo } from "@/app/_server/meetings/practical-info";
import { orNotFound } from "@/app/_server/pages";
import { messageAction } from "../actions";

type Props = {
  params: Promise<{ locale: AppLocale; slug: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "adminMessages" });
  return { title: t("title") };
}

/**
 * One message. A draft: its recipients chosen with the desk's filters (in the address; the saved ones
 * when the address has none), its texts, the preview in one language (`?lang`), and the buttons to
 * test and send. A sent message: its progress, as sent, and who it went to.
 */
export default async function MessagePage({ params, searchParams }: Props) {
  const [{ locale, slug, id }, query] = await Promise.all([params, searchParams]);
  setRequestLocale(locale);
  const actor = await pageActor(locale, "writeToDelegates", adminPaths.message(slug, id));
  const { meeting, message } = await orNotFound(getMessage(actor, slug, id));
  const [t, tl, tr] = await Promise.all([
    getTranslations("adminMessages"),
    getTranslations("languages"),
    getTranslations("adminRegistrations.desk"),
  ]);
  const languageNames = Object.fromEntries(locales.map((language) => [language, tl(language)])) as Record<
    AppLocale,
    string
  >;
  const lang = typeof query.lang === "string" && isLocale(query.lang) ? query.lang : locale;
  const addressFilters = Object.keys(query).some((key) => key !== "lang");
  const filters = parseDeskFilters(addressFilters ? query : new URLSearchParams(message.filterQuery));
  const filterQuery = deskFilterQuery(filters);
  const hrefOf = (language: AppLocale) =>
    withQuery(adminPaths.message(slug, id), filterQuery, `lang=${language}`);
  const state = messageState(message.sentAt, message.progress);
  const headline = messageHeadline(message.texts, locale) || t("noSubject");
  const header = (
    <>
      <h1 className="text-2xl font-bold">{pick(meeting.title, locale) || slug}</h1>
      <MeetingAdminNav slug={slug} role={actor.role} />
      <Link href={adminPaths.messages(slug)} className="text-brand-700 underline">
        ← {t("back")}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-xl font-semibold" data-testid="message-headline">
          {t("messageTitle", { subject: headline })}
        </h2>
        <MessageStatus state={state} />
      </div>
    </>
  );

  if (message.sentAt && message.progress) {
    const recipients = await sentRecipients(actor, slug, id);
    const preview = previewMessage(message.texts, lang, {
      readers: [],
      organizerName: actor.name,
      meeting,
      practical: await getPracticalInfo(meeting.id),
    });
    return (
      <div className="space-y-6">
        {header}
        <MessageProgressSection
          progress={message.progress}
          sentAt={message.sentAt}
          sentByEmail={message.sentByEmail}
          recipients={recipients}
          locale={locale}
          timeZone={meeting.timeZone}
          languageNames={languageNames}
        />
        <MessagePreview preview={preview} language={lang} hrefOf={hrefOf} languageNames={languageNames} />
      </div>
    );
  }

  const [recipients, choices, practical] = await Promise.all([
    listRecipients(actor, meeting.id, filters),
    deskChoices(actor, meeting.id),
    getPracticalInfo(meeting.id),
  ]);
  const counts = languageCounts(message.texts, recipients);
  const preview = previewMessage(message.texts, lang, {
    readers: recipients,
    organizerName: actor.name,
    meeting,
    practical,
  });
  const columns: Column<MessageRecipient>[] = [
    {
      key: "name",
      header: t("recipients.name"),
      rowHeader: true,
      className: "font-medium",
      cell: (recipient) => (
        <Link href={adminPaths.registration(slug, recipient.id)} className="text-brand-700 hover:underline">
          <PersonName person={recipient} honorific={recipient.honorific} locale={locale} />
        </Link>
      ),
    },
    {
      key: "city",
      header: t("recipients.city"),
      cell: (recipient) =>
        placeName(
          { city: recipient.city && { name: recipient.city }, cityOther: recipient.cityOther },
          locale,
        ),
    },
    {
      key: "status",
      header: t("recipients.status"),
      cell: (recipient) => (
        <RegistrationStatusBadge status={recipient.status} label={tr(`statuses.${recipient.status}`)} />
      ),
    },
    {
      key: "language",
      header: t("recipients.language"),
      cell: (recipient) => languageNames[recipient.language],
    },
    {
      key: "gets",
      header: t("recipients.gets"),
      cell: (recipient) => {
        const gets = messageLanguage(message.texts, recipient.language);
        return gets ? languageNames[gets] : "–";
      },
    },
  ];
  return (
    <div className="space-y-6">
      {header}
      <section aria-labelledby="message-recipients" className="space-y-3">
        <h2 id="message-recipients" className="text-xl font-semibold">
          {t("recipients.title")}
        </h2>
        <p className="max-w-3xl text-slate-700">{t("recipients.intro")}</p>
        <DeskFilterForm
          filters={filters}
          cities={choices.cities}
          sessions={choices.sessions}
          locale={locale}
          timeZone={meeting.timeZone}
          resetHref={adminPaths.message(slug, id, "q=")}
        />
        <p className="text-lg font-semibold" role="status" data-testid="recipient-count">
          {t("recipients.count", { count: recipients.length })}
        </p>
        {recipients.length > 0 && <p className="text-slate-700">{t("recipients.languages", counts)}</p>}
        <DataTable
          columns={columns}
          rows={recipients}
          rowKey={(recipient) => recipient.id}
          rowProps={() => ({ "data-testid": "recipient" })}
          label={t("recipients.title")}
          minWidth="min-w-[40rem]"
        />
      </section>
      <MessageForm
        action={messageAction}
        meetingSlug={slug}
        messageId={id}
        filterQuery={filterQuery}
        recipientsKey={recipientsKey(recipients)}
        recipientCount={recipients.length}
        previewLanguage={lang}
        texts={message.texts}
        languageNames={languageNames}
      >
        <MessagePreview preview={preview} language={lang} hrefOf={hrefOf} languageNames={languageNames} />
      </MessageForm>
    </div>
  );
}
