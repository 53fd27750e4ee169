import { sessionDownload } from "@/app/_http/calendar-feeds";

/** /calendar/{slug}/sessions/{id}.ics: one session, as a download. */
export const dynamic = "force-dynamic";

export const GET = sessionDownload;
export const HEAD = sessionDownload;
