import { getTranslations } from "next-intl/server";
import { adminPaths } from "@/app/_lib/admin-paths";
import { SESSION_NOTICE_KIND } from "@/app/_lib/agenda/change-notice";
import { MESSAGE_EMAIL_KIND } from "@/app/_lib/delegate-message";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { isRegistrationEmailKind } from "@/app/_lib/registration/email-kinds";
import { Link } from "@/app/_lib/i18n/navigation";
import { formatDateTime } from "@/app/_lib/time";
import type { HistoryEntry } from "@/app/_server/desk/desk-history";

const knownActions = [
  "approve",
  "reject",
  "update",
  "sessions",
  "cancel",
  "moveUp",
  "removeFromWaitlist",
  "resend",
] as const;

type Props = { entries: HistoryEntry[]; locale: AppLocale; timeZone: string };

/** The registration's history, oldest first, as a timeline. */
export async function HistoryList({ entries, locale, timeZone }: Props) {
  const [t, tn, tm] = await Promise.all([
    getTranslations("adminRegistrations.desk"),
    getTranslations("adminSessionNotice"),
    getTranslations("adminMessages"),
  ]);
  const describe = (entry: HistoryEntry) => {
    switch (entry.type) {
      case "created":
        return <span className="font-medium">{t("event.created")}</span>;
      case "checkIn":
        return <span className="font-medium">{t("event.checkIn", { staff: entry.staffEmail })}</span>;
      case "email": {
        const kind = entry.kind.replace(/^registration\./, "");
        const notice = entry.kind === SESSION_NOTICE_KIND;
        const label = isRegistrationEmailKind(kind)
          ? t(`emailKind.${kind}`)
          : notice
            ? tn("historyEmail")
            : entry.kind;
        const status = t(`emailStatus.${entry.status}`);
        return (
          <>
            <span>
              {entry.kind === MESSAGE_EMAIL_KIND
                ? tm("history", { subject: entry.subject, status })
                : t("event.email", { kind: label, status })}
            </span>{" "}
            {/* A change notice names its session and what happened to it in its subject. */}
            {notice && <span className="text-sm text-slate-600">{entry.subject}</span>}{" "}
            <Link href={adminPaths.outboxEmail(entry.emailId)} className="text-sm text-brand-700 underline">
              {t("event.openEmail")}
            </Link>
          </>
        );
      }
      case "audit": {
        const verb = entry.action.replace(/^registration\./, "");
        const known = knownActions.find((action) => action === verb);
        const message = (entry.after as { message?: unknown } | null)?.message;
        return (
          <>
            <span className="font-medium">
              {known ? t(`action.${known}`) : t("action.other", { action: entry.action })}
            </span>{" "}
            <span className="text-sm text-slate-600">{t("event.by", { email: entry.actorEmail })}</span>
            {typeof message === "string" && message && (
              <p className="mt-1 rounded bg-slate-50 px-2 py-1 text-sm whitespace-pre-line">
                {t("messageSent", { message })}
              </p>
            )}
          </>
        );
      }
    }
  };
  if (entries.length === 0) return <p>{t("historyEmpty")}</p>;
  return (
    <ol className="space-y-3 border-l-2 border-slate-200 pl-4" data-testid="registration-history">
      {entries.map((entry, index) => (
        <li key={index} className="relative">
          <span
            aria-hidden="true"
            className="absolute top-1.5 -left-[1.4rem] size-2.5 rounded-full bg-brand-700"
          />
          <time dateTime={entry.at} className="block text-xs text-slate-500">
            {formatDateTime(entry.at, timeZone, locale)}
          </time>
          <div>{describe(entry)}</div>
        </li>
      ))}
    </ol>
  );
}
