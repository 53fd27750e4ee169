import { trackFeed } from "@/app/_http/calendar-feeds";

/** /calendar/{slug}/tracks/{track}.ics: one track. */
export const dynamic = "force-dynamic";

export const GET = trackFeed;
export const HEAD = trackFeed;
