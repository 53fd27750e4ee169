import { getTranslations } from "next-intl/server";
import { describeBrowser } from "@/app/_lib/accounts/browser";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import type { FormState } from "@/app/_lib/form-state";
import { formatDateTime, HOME_TIME_ZONE, zoneOffsetLabel } from "@/app/_lib/time";
import type { SessionListItem } from "@/app/_server/accounts/session-list";
import { EndSessionForm, EndSessionsForm } from "./EndSessionForms";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

type Props = {
  sessions: SessionListItem[];
  locale: AppLocale;
  /** Whose sessions, for an admin's forms (checked again by the domain); none for one's own. */
  userId?: string;
  actions: { end: Action; endOthers: Action };
  /** The owner's own list says "everywhere else" (their browser stays); an admin's "everywhere". */
  own: boolean;
};

/** An account's live sessions: browser, sign-in, last use, and a way to end each or all of them. */
export async function SessionList({ sessions, locale, userId, actions, own }: Props) {
  const t = await getTranslations("adminOwnAccount.sessions");
  const time = (iso: string) => formatDateTime(iso, HOME_TIME_ZONE, locale);
  const browserName = (userAgent: string) => {
    const { browser, system } = describeBrowser(userAgent, locale);
    if (browser && system) return t("on", { browser, system });
    return browser ?? system ?? t("unknownBrowser");
  };
  const others = sessions.filter((session) => !session.current).length;
  return (
    <div className="space-y-3">
      {sessions.length === 0 ? (
        <p className="text-slate-700">{t("none")}</p>
      ) : (
        // A list rather than a table: on a phone each session stays one readable block with its button.
        <ul
          className="divide-y divide-slate-200 rounded border border-slate-200 bg-white"
          data-testid="sessions"
          aria-label={t("caption")}
        >
          {sessions.map((session) => (
            <li key={session.handle} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3">
              <div className="space-y-1">
                <p className="font-medium">
                  {browserName(session.userAgent)}
                  {session.current && (
                    <span className="ml-2 inline-block whitespace-nowrap rounded border border-emerald-300 bg-emerald-50 px-1.5 py-0.5 text-xs font-normal text-emerald-900">
                      {t("current")}
                    </span>
                  )}
                </p>
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm text-slate-700">
                  <dt>{t("signedInAt")}</dt>
                  <dd>{time(session.signedInAt)}</dd>
                  <dt>{t("lastSeen")}</dt>
                  <dd>{time(session.lastSeenAt)}</dd>
                </dl>
              </div>
              {!session.current && (
                <EndSessionForm action={actions.end} userId={userId} handle={session.handle} />
              )}
            </li>
          ))}
        </ul>
      )}
      {sessions.length > 0 && (
        <p className="text-sm text-slate-600">
          {t("zoneNote", { offset: zoneOffsetLabel(sessions[0]!.lastSeenAt, HOME_TIME_ZONE) })}
        </p>
      )}
      {/* Stays when there is nothing left to end, so that its answer ("2 sessions have ended") stays too. */}
      <EndSessionsForm
        action={actions.endOthers}
        userId={userId}
        label={own ? t("endOthers") : t("endAll")}
        nothingToEnd={others === 0}
      />
    </div>
  );
}
