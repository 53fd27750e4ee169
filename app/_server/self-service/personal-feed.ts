import "server-only";
import { db } from "../db";
import { registrationIdForToken } from "../registration/tokens";
import { loadRegistrationView } from "../registration/view";
import { openSessionEvents } from "../registration/program";
import { FEED_REFRESH_SECONDS, feedLanguage } from "../calendar/feeds";
import { personalCalendar } from "../calendar/ics";
import { feedBody, type FeedBody } from "../calendar/feed-body";
import { calendarUidDomain } from "../calendar/uid-domain";

/**
 * A delegate's own feed behind a calendar token: the sessions they hold a seat in (confirmed), the ones
 * they wait for (tentative), and the sessions without seat limits that every participant attends.
 * Built on every request: it depends on waiting-list places that move when others cancel, and it is
 * polled by one person, not by everyone. Its validators still spare the client the body.
 */
export async function personalFeed(token: string, requestedLang: string | null): Promise<FeedBody | null> {
  const registrationId = await registrationIdForToken(db, token, "calendar");
  const view = registrationId ? await loadRegistrationView(db, registrationId) : null;
  if (!view) return null;
  const lang = feedLanguage(requestedLang, view.language);
  const uidDomain = await calendarUidDomain();
  const active = view.status === "pending" || view.status === "confirmed";
  const open = active
    ? await openSessionEvents(view.meeting.slug, { lang, timeZone: view.meeting.timeZone, uidDomain })
    : [];
  const text = personalCalendar(view, lang, { uidDomain, open, refreshSeconds: FEED_REFRESH_SECONDS });
  const newest = [
    ...view.sessions.map((seat) => seat.updatedAt),
    ...open.map((event) => event.modified),
  ].reduce(
    (latest: number, modified) => Math.max(latest, new Date(modified).getTime()),
    Date.parse(view.updatedAt),
  );
  return feedBody(text, new Date(newest));
}
