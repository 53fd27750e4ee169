import { kindFeed } from "@/app/_http/calendar-feeds";

/** /calendar/{slug}/kinds/{kind}.ics: one kind of session, e.g. ceremonies. */
export const dynamic = "force-dynamic";

export const GET = kindFeed;
export const HEAD = kindFeed;
