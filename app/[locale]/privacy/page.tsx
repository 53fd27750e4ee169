import { getTranslations } from "next-intl/server";
import { Fragment, type ReactNode } from "react";
import { Link } from "@/app/_lib/i18n/navigation";
import { pick } from "@/app/_lib/i18n/localized";
import { listSeparator, telHref, type PracticalInfo } from "@/app/_lib/meetings/practical-info";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { formatCalendarDate } from "@/app/_lib/time";
import { listMeetingContacts } from "@/app/_server/meetings/practical-info";
import { pageLocale } from "@/app/_server/pages";
import { retentionSchedule } from "@/app/_server/retention/queries";

export async function generateMetadata() {
  const t = await getTranslations("privacy");
  return { title: t("title") };
}

/**
 * What the app stores about delegates, why, who sees it, for how long and how delegates use their
 * rights. The retention period and the dates come from the configuration (RETENTION_DAYS) and the
 * meetings themselves, so the page says what `npm run retention` actually does.
 */
export default async function PrivacyPage() {
  const locale = await pageLocale();
  const [t, tp, tv, schedule, contacts] = await Promise.all([
    getTranslations("privacy"),
    getTranslations("practicalInfo.privacy"),
    getTranslations("visa"),
    retentionSchedule(),
    listMeetingContacts(),
  ]);
  const link = (href: string) =>
    function LinkedChunks(chunks: ReactNode) {
      return (
        <Link href={href} className="text-brand-700 underline">
          {chunks}
        </Link>
      );
    };
  type Key = Parameters<typeof t>[0];
  const list = (keys: Key[]) => (
    <ul className="list-disc space-y-1 pl-6">
      {keys.map((key) => (
        <li key={key}>{t(key)}</li>
      ))}
    </ul>
  );
  return (
    <article className="max-w-3xl space-y-8 leading-relaxed text-slate-800">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("title")}</h1>
        <p>{t("intro")}</p>
      </header>

      <Section id="stored" title={t("storedTitle")}>
        {list([
          "stored.registration",
          "stored.seats",
          "stored.checkIn",
          "stored.emails",
          "stored.audit",
          "stored.cookies",
        ])}
        <p>{t("noTracking")}</p>
      </Section>

      <Section id="purpose" title={t("purposeTitle")}>
        {list(["purpose.organizing", "purpose.admission", "purpose.visa", "purpose.consent"])}
      </Section>

      <Section id="access" title={t("accessTitle")}>
        {list(["access.organizers", "access.checkIn", "access.nobodyElse"])}
      </Section>

      <Section id="retention" title={t("retentionTitle")}>
        <p>{t("retentionText", { days: schedule.days })}</p>
        <p data-testid="visa-retention">{tv("privacy")}</p>
        {schedule.meetings.length > 0 && (
          <ul className="space-y-1" data-testid="retention-dates">
            {schedule.meetings.map((meeting) => (
              <li key={meeting.slug}>
                {t("retentionMeeting", {
                  meeting: pick(meeting.title, locale),
                  date: formatCalendarDate(new Date(`${meeting.dueDay}T00:00:00Z`), locale),
                })}
              </li>
            ))}
          </ul>
        )}
        <p>{t("retentionKept")}</p>
      </Section>

      <Section id="rights" title={t("rightsTitle")}>
        <p>{t("rightsIntro")}</p>
        {list(["rights.export", "rights.change", "rights.delete", "rights.consent"])}
        <p>{t.rich("rightsLostLink", { link: link("/manage") })}</p>
        <p>{t("rightsComplaint")}</p>
      </Section>

      <Section id="contact" title={t("contactTitle")}>
        <p>{t("contactText")}</p>
        {contacts.length > 0 ? (
          <>
            <p>{tp("contactIntro")}</p>
            <ul className="space-y-1" data-testid="privacy-contacts">
              {contacts.map(({ slug, title, contact }) => (
                <li key={slug}>
                  {tp.rich("contactMeeting", {
                    meeting: pick(title, locale),
                    contact: () => <ContactParts contact={contact} locale={locale} />,
                  })}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t("contactInvitation")}</p>
        )}
      </Section>
    </article>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3">
      <h2 id={`${id}-title`} className="text-xl font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The contact's name, then the address and the number as links, separated as the language lists things. */
function ContactParts({ contact, locale }: { contact: PracticalInfo["contact"]; locale: AppLocale }) {
  const link = "text-brand-700 underline";
  const parts: ReactNode[] = [
    contact.name,
    contact.email && (
      <a href={`mailto:${contact.email}`} className={link}>
        {contact.email}
      </a>
    ),
    contact.phone && (
      <a href={telHref(contact.phone)} className={link}>
        {contact.phone}
      </a>
    ),
  ].filter(Boolean);
  const separator = listSeparator(locale);
  return parts.map((part, index) => (
    <Fragment key={index}>
      {index > 0 && separator}
      {part}
    </Fragment>
  ));
}
