import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { messages } from "@/app/_lib/i18n/messages";
import { createTranslator } from "@/app/_lib/i18n/translator";
import { getAgenda, type SessionDto } from "./queries";
import { AppError } from "../errors";
import { getMeeting, type MeetingDto } from "../meetings/queries";
import { FeedCache } from "../calendar/feed-cache";
import { feedVersion, scopeKey, type FeedScope, type FeedVersion } from "./feed-version";
import { FEED_REFRESH_SECONDS, feedLanguage } from "../calendar/feeds";
import { renderCalendar } from "../calendar/ics";
import { feedBody, type FeedBody } from "../calendar/feed-body";
import { calendarUidDomain } from "../calendar/uid-domain";
import { sessionEvents } from "./session-event";

/**
 * Public feeds of a meeting's agenda: all of it, one track, one kind, or one session as a download.
 * A poll first asks the database for the feed's data version (one small query); only a new version is
 * rendered, and its bytes and validators are kept for the next poll.
 */

export type PublicFeed = FeedBody & {
  lang: AppLocale;
  /** The session's title, for the download's file name. */ title: string | null;
};

const cache = new FeedCache<PublicFeed>(256);

/** Only for tests and benchmarks that want to measure a cold start. */
export function clearFeedCache(): void {
  cache.clear();
}

/** Version queries in flight, per feed: polls that arrive meanwhile share the answer. */
const inFlight = new Map<string, Promise<FeedVersion | null>>();

/**
 * The feed's data version. Requests that arrive while the query for the same feed runs take its answer
 * instead of starting their own: under a burst of polls the database sees one query at a time per feed.
 * The answer is at most one query's duration old, as if the request had come a moment earlier.
 */
function sharedVersion(slug: string, scope: FeedScope): Promise<FeedVersion | null> {
  const key = scopeKey(slug, scope);
  let pending = inFlight.get(key);
  if (!pending) {
    pending = feedVersion(slug, scope).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

/** The feed, or null when the meeting, track, kind or session does not exist (or is a draft). */
export async function publicFeed(
  slug: string,
  scope: FeedScope,
  requestedLang: string | null,
): Promise<PublicFeed | null> {
  const version = await sharedVersion(slug, scope);
  if (!version) return null;
  const lang = feedLanguage(requestedLang, version.defaultLocale);
  const key = `${scopeKey(slug, scope)}|${lang}`;
  const cached = cache.get(key, version.version);
  if (cached) return cached;
  const built = await buildFeed(slug, scope, lang, version.lastModified);
  if (built) cache.set(key, version.version, built);
  return built;
}

function inScope(session: SessionDto, scope: FeedScope): boolean {
  switch (scope.type) {
    case "meeting":
      return true;
    case "track":
      return session.track?.slug === scope.track;
    case "kind":
      return session.kind === scope.kind;
    case "session":
      return session.id === scope.sessionId;
  }
}

function calendarName(
  meeting: MeetingDto,
  scope: FeedScope,
  sessions: SessionDto[],
  lang: AppLocale,
): string {
  const title = pick(meeting.title, lang);
  switch (scope.type) {
    case "meeting":
      return title;
    case "track": {
      const track = sessions.find((session) => session.track?.slug === scope.track)?.track;
      return track ? `${title} – ${pick(track.name, lang)}` : title;
    }
    case "kind":
      return `${title} – ${createTranslator({ locale: lang, messages: messages[lang], namespace: "kinds" })(scope.kind)}`;
    case "session":
      return sessions[0] ? `${title} – ${pick(sessions[0].title, lang)}` : title;
  }
}

async function buildFeed(
  slug: string,
  scope: FeedScope,
  lang: AppLocale,
  lastModified: Date,
): Promise<PublicFeed | null> {
  let meeting: MeetingDto;
  let sessions: SessionDto[];
  try {
    meeting = await getMeeting(slug);
    sessions = (await getAgenda(slug)).sessions.filter((session) => inScope(session, scope));
  } catch (error) {
    // Deleted or unpublished between the version query and now.
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
  if (scope.type === "session" && sessions.length === 0) return null;
  const events = await sessionEvents(sessions, {
    lang,
    meetingSlug: meeting.slug,
    timeZone: meeting.timeZone,
    uidDomain: await calendarUidDomain(),
  });
  const text = renderCalendar({
    name: calendarName(meeting, scope, sessions, lang),
    timeZone: meeting.timeZone,
    refreshSeconds: FEED_REFRESH_SECONDS,
    events,
  });
  const title = scope.type === "session" && sessions[0] ? pick(sessions[0].title, lang) : null;
  return { ...feedBody(text, lastModified), lang, title };
}
