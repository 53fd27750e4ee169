import "server-only";
import { isLocale, type AppLocale } from "@/app/_lib/i18n/locales";

/**
 * What every calendar feed shares: the agenda's (agenda/calendar-feeds.ts), a delegate's
 * (self-service/personal-feed.ts) and a ceremony's run-of-show (ceremonies/run-of-show-feed.ts).
 */

/** Suggested refresh of subscribed feeds: programmes change during the meeting, an hour is soon enough. */
export const FEED_REFRESH_SECONDS = 3600;

/** The language asked for, or the meeting's own; an unknown one is not an error. */
export function feedLanguage(requested: string | null | undefined, fallback: AppLocale): AppLocale {
  return isLocale(requested) ? requested : fallback;
}
