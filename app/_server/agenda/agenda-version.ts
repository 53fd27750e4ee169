import "server-only";
import { db } from "../db";
import { SLUG } from "@/app/_lib/ids";

/** What a read of the public agenda learns from one small query, before anything is loaded. */
export type AgendaVersion = {
  meetingId: string;
  /** Changes whenever anything the agenda shows changes. */
  version: string;
};

/**
 * The data version of a meeting's public agenda, or null when the meeting is unknown or unpublished.
 * A digest of the whole rows the agenda and its page are made of: its published and cancelled sessions
 * (seat counters included, which change without touching `updatedAt`), their speakers, the meeting's rooms
 * and tracks, the meeting itself, and the alliance (whose name heads every page). Whole rows, so that no
 * column the agenda shows can change unseen.
 */
export async function agendaVersion(slug: string): Promise<AgendaVersion | null> {
  if (!SLUG.test(slug)) return null;
  const [row] = await db.$queryRaw<{ meetingId: string; digest: string }[]>`
    SELECT m."id" AS "meetingId", md5(concat_ws('#',
      coalesce((
        SELECT string_agg(concat_ws('|', s::text, (
          SELECT string_agg(ss::text || p::text, ';' ORDER BY ss."position", p."id")
          FROM "SessionSpeaker" ss JOIN "Person" p ON p."id" = ss."personId" WHERE ss."sessionId" = s."id"
        )), ',' ORDER BY s."id")
        FROM "Session" s WHERE s."meetingId" = m."id" AND s."status" IN ('published', 'cancelled')
      ), ''),
      coalesce((SELECT string_agg(r::text, ',' ORDER BY r."id") FROM "Room" r WHERE r."meetingId" = m."id"), ''),
      coalesce((SELECT string_agg(t::text, ',' ORDER BY t."id") FROM "Track" t WHERE t."meetingId" = m."id"), ''),
      m::text,
      coalesce((SELECT string_agg(a::text, ',') FROM "Alliance" a), '')
    )) AS "digest"
    FROM "Meeting" m
    WHERE m."slug" = ${slug} AND m."published"`;
  return row ? { meetingId: row.meetingId, version: `${row.meetingId}:${row.digest}` } : null;
}

/** Version queries in flight, per meeting: reads that arrive meanwhile share the answer. */
const inFlight = new Map<string, Promise<AgendaVersion | null>>();

/**
 * The agenda's data version. Requests that arrive while the query for the same meeting runs take its
 * answer instead of starting their own (as calendar feeds do, app/_server/agenda/calendar-feeds.ts): under a
 * burst of visitors the database sees one version query at a time per meeting. The answer is at most one
 * query's duration old, as if the request had come a moment earlier.
 */
export function sharedAgendaVersion(slug: string): Promise<AgendaVersion | null> {
  let pending = inFlight.get(slug);
  if (!pending) {
    pending = agendaVersion(slug).finally(() => inFlight.delete(slug));
    inFlight.set(slug, pending);
  }
  return pending;
}
