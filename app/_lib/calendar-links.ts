/**
 * Subscribe links for a calendar feed, as the calendar apps take them (README "Calendars"): Apple and most
 * phone calendars open `webcal://`; Google adds a feed from `cid=webcal://…`; Outlook from `addfromweb`,
 * on outlook.live.com for personal Microsoft accounts and on outlook.office.com for work or school accounts
 * (Microsoft 365), which the other does not take.
 */
export type CalendarLinks = {
  https: string;
  webcal: string;
  google: string;
  outlook: string;
  outlookWork: string;
};

export function calendarLinks(feedUrl: string, name: string): CalendarLinks {
  const webcal = feedUrl.replace(/^https?:\/\//, "webcal://");
  return {
    https: feedUrl,
    webcal,
    google: `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}`,
    outlook: outlookLink("https://outlook.live.com", feedUrl, name),
    outlookWork: outlookLink("https://outlook.office.com", feedUrl, name),
  };
}

function outlookLink(origin: string, feedUrl: string, name: string): string {
  return `${origin}/calendar/0/addfromweb?url=${encodeURIComponent(feedUrl)}&name=${encodeURIComponent(name)}`;
}

/** Where the feeds are (app/calendar/…), in the reader's language. */
export const feedPath = {
  meeting: (slug: string, lang: string) => `/calendar/${slug}.ics?lang=${lang}`,
  track: (slug: string, track: string, lang: string) => `/calendar/${slug}/tracks/${track}.ics?lang=${lang}`,
  kind: (slug: string, kind: string, lang: string) => `/calendar/${slug}/kinds/${kind}.ics?lang=${lang}`,
  session: (slug: string, id: string, lang: string) => `/calendar/${slug}/sessions/${id}.ics?lang=${lang}`,
};
