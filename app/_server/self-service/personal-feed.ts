import "server-only";
import { pick } from "@/app/_lib/i18n/localized";
import { getAgenda } from "../agenda/queries";
import { db } from "../db";
import { AppError } from "../errors";
import { registrationIdForToken } from "../registration/tokens";
import { loadRegistrationView } from "../registration/view";
import { FEED_REFRESH_SECONDS, feedLanguage } from "../calendar/feeds";
import { personalEvents, renderCalendar, type CalendarEvent } from "../calendar/ics";
import { feedBody, type FeedBody } from "../calendar/feed-body";
import { sessionEvents } from "../agenda/session-event";
import { translator } from "../calendar/wording";

/**
 * A delegate's own feed behind a calendar token: the sessions they hold a seat in (confirmed), the ones
 * they wait for (tentative), and the sessions without seat limits that every participant attends.
 * Built on every request: it depends on waiting-list places that move when others cancel, and it is
 * polled by one person, not by everyone. Its validators still spare the client the body.
 */
export async function personalFeed(
  token: string,
  requestedLang: string | null,
  now: Date = new Date(),
): Promise<FeedBody | null> {
  const registrationId = await registrationIdForToken(db, token, "calendar");
  const view = registrationId ? await loadRegistrationView(db, registrationId) : null;
  if (!view) return null;
  const lang = feedLanguage(requestedLang, view.language);
  const active = view.status === "pending" || view.status === "confirmed";
  let open: CalendarEvent[] = [];
  if (active) {
    try {
      const agenda = await getAgenda(view.meeting.slug);
      const everyone = agenda.sessions.filter((session) => session.capacity === null);
      open = await sessionEvents(everyone, {
        lang,
        meetingSlug: view.meeting.slug,
        timeZone: view.meeting.timeZone,
      });
    } catch (error) {
      // An unpublished meeting has no public agenda; the delegate's own sessions remain.
      if (!(error instanceof AppError && error.code === "not_found")) throw error;
    }
  }
  const events = [...personalEvents(view, lang), ...open];
  const text = renderCalendar({
    name: translator(lang)("calendar.name", { meeting: pick(view.meeting.title, lang) }),
    timeZone: view.meeting.timeZone,
    refreshSeconds: FEED_REFRESH_SECONDS,
    now,
    events,
  });
  const newest = events.reduce(
    (latest, event) => Math.max(latest, new Date(event.modified).getTime()),
    Date.parse(view.updatedAt),
  );
  return feedBody(text, new Date(newest));
}
