import { personalCalendarFeed } from "@/app/_http/calendar-feeds";

/** /calendar/personal/{token}.ics: a delegate's own calendar, behind a revocable token. */
export const dynamic = "force-dynamic";

export const GET = personalCalendarFeed;
export const HEAD = personalCalendarFeed;
