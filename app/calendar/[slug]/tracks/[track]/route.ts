import { trackFeed } from "@/app/calendar/handlers";

/** /calendar/{slug}/tracks/{track}.ics: one track. */
export const dynamic = "force-dynamic";

export const GET = trackFeed;
export const HEAD = trackFeed;
