import { getTranslations } from "next-intl/server";
import { describeBrowser } from "@/app/_lib/accounts/browser";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import type { FormState } from "@/app/_lib/registration/form";
import { formatDateTime, HOME_TIME_ZONE } from "@/app/_lib/time";
import type { SessionListItem } from "@/app/_server/accounts/session-list";
import { EndSessionForm, EndSessionsForm } from "./EndSessionForms";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

type Props = {
  sessions: SessionListItem[];
  locale: AppLocale;
  /** Whose sessions: sent with each form, and checked again by the domain. */
  userId: string;
  actions: { end: Action; endOthers: Action };
  /** The owner's own list says "everywhere else" (their browser stays); an admin's "everywhere". */
  own: boolean;
};

/** An account's live sessions: browser, sign-in, last use, and a way to end each or all of them. */
export async function SessionList({ sessions, locale, userId, actions, own }: Props) {
  const t = await getTranslations("adminOwnAccount.sessions");
  const time = (iso: string) => formatDateTime(iso, HOME_TIME_ZONE, locale);
  const browserName = (userAgent: string) => {
    const { browser, system } = describeBrowser(userAgent);
    if (browser && system) return t("on", { browser, system });
    return browser ?? system ?? t("unknownBrowser");
  };
  const others = sessions.filter((session) => !session.current).length;
  return (
    <div className="space-y-3">
      {sessions.length === 0 ? (
        <p className="text-slate-700">{t("none")}</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full min-w-[36rem] border-collapse text-sm" data-testid="sessions">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="py-2 pr-3">{t("browser")}</th>
                <th scope="col" className="py-2 pr-3">{t("signedInAt")}</th>
                <th scope="col" className="py-2 pr-3">{t("lastSeen")}</th>
                <th scope="col" className="py-2">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                <tr key={session.handle} className="border-b border-slate-200 align-top">
                  <th scope="row" className="py-2 pr-3 text-left font-normal">
                    <span className="font-medium">{browserName(session.userAgent)}</span>
                    {session.current && <span className="ml-2 rounded border border-emerald-300 bg-emerald-50 px-1.5 py-0.5 text-xs text-emerald-900">{t("current")}</span>}
                  </th>
                  <td className="py-2 pr-3 whitespace-nowrap">{time(session.signedInAt)}</td>
                  <td className="py-2 pr-3 whitespace-nowrap">{time(session.lastSeenAt)}</td>
                  <td className="py-2">{!session.current && <EndSessionForm action={actions.end} userId={userId} handle={session.handle} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {/* Stays when there is nothing left to end, so that its answer ("2 sessions have ended") stays too. */}
      <EndSessionsForm action={actions.endOthers} userId={userId} label={own ? t("endOthers") : t("endAll")} nothingToEnd={others === 0} />
    </div>
  );
}
