import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RetryEmailForm } from "@/app/_components/admin/outbox/RetryEmailForm";
import { StatusBadge } from "@/app/_components/admin/outbox/StatusBadge";
import { adminPaths } from "@/app/_lib/admin-paths";
import { pick } from "@/app/_lib/i18n/localized";
import { Link } from "@/app/_lib/i18n/navigation";
import { formatDateTime, HOME_TIME_ZONE } from "@/app/_lib/time";
import { pageActor } from "@/app/_server/authz";
import { getOutboxEmail, outboxDelivers } from "@/app/_server/mail/outbox-admin";
import { orNotFound, pageLocale } from "@/app/_server/pages";
import { retryEmailAction } from "../actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const locale = await pageLocale();
  return { title: (await getTranslations({ locale, namespace: "adminNumbers.outbox" }))("title") };
}

/**
 * One email as its recipient reads it. The HTML goes into a sandboxed frame with no permissions at all:
 * its markup can neither run script nor reach this page.
 */
export default async function OutboxEmailPage({ params }: Props) {
  const { id } = await params;
  const locale = await pageLocale();
  const actor = await pageActor(locale, "readNumbers", adminPaths.outboxEmail(id));
  const [email, t] = await Promise.all([
    orNotFound(getOutboxEmail(actor, id)),
    getTranslations("adminNumbers.outbox"),
  ]);
  const zone = email.meeting?.timeZone ?? HOME_TIME_ZONE;
  const when = (instant: string) => formatDateTime(instant, zone, locale);
  return (
    <div className="space-y-6">
      <Link href={adminPaths.outbox} className="text-brand-700 underline print:hidden">
        ← {t("back")}
      </Link>
      <h1 className="text-2xl font-bold break-words">{email.message.subject}</h1>
      <section aria-labelledby="details-title" className="space-y-2">
        <h2 id="details-title" className="sr-only">
          {t("details")}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]" data-testid="outbox-details">
          <dt className="font-medium">{t("status")}</dt>
          <dd>
            <StatusBadge status={email.status} />
          </dd>
          <dt className="font-medium">{t("to")}</dt>
          <dd className="break-all">{email.to}</dd>
          <dt className="font-medium">{t("kindLabel")}</dt>
          <dd>
            <code>{email.kind}</code>
          </dd>
          {email.meeting && (
            <>
              <dt className="font-medium">{t("meeting")}</dt>
              <dd>{pick(email.meeting.title, locale)}</dd>
            </>
          )}
          <dt className="font-medium">{t("created")}</dt>
          <dd>{when(email.createdAt)}</dd>
          {email.sentAt && (
            <>
              <dt className="font-medium">{t("sentAt")}</dt>
              <dd>{when(email.sentAt)}</dd>
            </>
          )}
          <dt className="font-medium">{t("attempts")}</dt>
          <dd className="tabular-nums">{email.attempts}</dd>
          {email.status === "queued" && (
            <>
              <dt className="font-medium">{t("nextAttempt")}</dt>
              <dd>{when(email.nextAttemptAt)}</dd>
            </>
          )}
          {email.lastError && (
            <>
              <dt className="font-medium">{t("lastError")}</dt>
              <dd className="break-words text-red-900">{email.lastError}</dd>
            </>
          )}
        </dl>
      </section>
      {email.retryable && (
        <RetryEmailForm emailId={email.id} action={retryEmailAction} delivers={outboxDelivers(actor)} />
      )}
      <section aria-labelledby="message-title" className="space-y-4">
        <h2 id="message-title" className="text-xl font-semibold">
          {t("asReceived")}
        </h2>
        <p className="text-sm text-slate-600">{t("tokenNote")}</p>
        <h3 className="font-semibold">{t("html")}</h3>
        <iframe
          title={t("htmlFrame", { subject: email.message.subject })}
          sandbox=""
          srcDoc={email.message.html}
          className="h-[36rem] w-full rounded border border-slate-300 bg-white"
          data-testid="outbox-html"
        />
        <h3 className="font-semibold">{t("text")}</h3>
        <pre
          className="overflow-x-auto rounded border border-slate-300 bg-slate-50 p-4 text-sm whitespace-pre-wrap break-words"
          data-testid="outbox-text"
        >
          {email.message.text}
        </pre>
        <h3 className="font-semibold">{t("attachments")}</h3>
        {email.attachments.length === 0 ? (
          <p>{t("noAttachments")}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-6" data-testid="outbox-attachments">
            {email.attachments.map((attachment) => (
              <li key={attachment.filename}>
                <span className="font-medium break-all">{attachment.filename}</span> ({attachment.contentType}
                , {t("bytes", { size: attachment.bytes })}
                {attachment.inline && `, ${t("inline")}`})
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
