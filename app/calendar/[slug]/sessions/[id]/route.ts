import { sessionDownload } from "@/app/calendar/handlers";

/** /calendar/{slug}/sessions/{id}.ics: one session, as a download. */
export const dynamic = "force-dynamic";

export const GET = sessionDownload;
export const HEAD = sessionDownload;
