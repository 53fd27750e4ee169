import { meetingFeed } from "@/app/_http/calendar-feeds";

/** /calendar/{slug}.ics: the whole published agenda of a meeting. */
export const dynamic = "force-dynamic";

export const GET = meetingFeed;
export const HEAD = meetingFeed;
