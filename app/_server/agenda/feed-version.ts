import "server-only";
import { sessionKinds, type SessionKind } from "./queries";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { RECORD_ID, SLUG } from "@/app/_lib/ids";
import type { AppLocale } from "@/app/_lib/i18n/locales";

/** Which sessions of a meeting a public feed holds. */
export type FeedScope =
  | { type: "meeting" }
  | { type: "track"; track: string }
  | { type: "kind"; kind: SessionKind }
  | { type: "session"; sessionId: string };

export function isSessionKind(value: string): value is SessionKind {
  return (sessionKinds as readonly string[]).includes(value);
}

/** A key per feed, language aside: the cache adds language and data version. */
export function scopeKey(slug: string, scope: FeedScope): string {
  switch (scope.type) {
    case "meeting":
      return `${slug}`;
    case "track":
      return `${slug}/tracks/${scope.track}`;
    case "kind":
      return `${slug}/kinds/${scope.kind}`;
    case "session":
      return `${slug}/sessions/${scope.sessionId}`;
  }
}

/** What a poll of a feed learns from one small query, before anything is rendered. */
export type FeedVersion = {
  meetingId: string;
  defaultLocale: AppLocale;
  trackId: string | null;
  sessions: number;
  /** Changes whenever anything the feed shows changes; see feedVersion. */
  version: string;
  /** The newest change of the meeting or its sessions in the feed: Last-Modified. */
  lastModified: Date;
};

type Row = {
  meetingId: string;
  defaultLocale: AppLocale;
  meetingUpdatedAt: Date;
  trackId: string | null;
  sessions: number;
  newest: Date | null;
  digest: string | null;
};

function filter(scope: FeedScope): Prisma.Sql {
  switch (scope.type) {
    case "meeting":
      return Prisma.empty;
    case "track":
      return Prisma.sql`AND t."slug" = ${scope.track}`;
    case "kind":
      return Prisma.sql`AND s."kind"::text = ${scope.kind}`;
    case "session":
      return Prisma.sql`AND s."id" = ${scope.sessionId}`;
  }
}

/** Keys of the wrong shape never reach the database. */
function wellFormed(slug: string, scope: FeedScope): boolean {
  if (!SLUG.test(slug)) return false;
  if (scope.type === "track") return SLUG.test(scope.track);
  if (scope.type === "session") return RECORD_ID.test(scope.sessionId);
  return true;
}

/**
 * The data version of a feed, or null when the meeting (or its track, or the session) does not exist.
 * Sessions carry updatedAt; rooms, tracks and people do not, so their rows go into a digest instead.
 * Time itself changes nothing: cancelled sessions stay in the feed after they end.
 */
export async function feedVersion(slug: string, scope: FeedScope): Promise<FeedVersion | null> {
  if (!wellFormed(slug, scope)) return null;
  const [row] = await db.$queryRaw<Row[]>`
    SELECT m."id" AS "meetingId", m."defaultLocale"::text AS "defaultLocale", m."updatedAt" AS "meetingUpdatedAt",
      ${scope.type === "track" ? Prisma.sql`(SELECT t."id" FROM "Track" t WHERE t."meetingId" = m."id" AND t."slug" = ${scope.track})` : Prisma.sql`NULL::text`} AS "trackId",
      agg."sessions", agg."newest", agg."digest"
    FROM "Meeting" m
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS "sessions", max(s."updatedAt") AS "newest",
        md5(string_agg(concat_ws('|', s."id", r::text, t::text, (
          SELECT string_agg(ss::text || p::text, ';' ORDER BY ss."position", p."id")
          FROM "SessionSpeaker" ss JOIN "Person" p ON p."id" = ss."personId" WHERE ss."sessionId" = s."id"
        )), ',' ORDER BY s."id")) AS "digest"
      FROM "Session" s
      LEFT JOIN "Room" r ON r."id" = s."roomId"
      LEFT JOIN "Track" t ON t."id" = s."trackId"
      WHERE s."meetingId" = m."id" AND s."status" IN ('published', 'cancelled') ${filter(scope)}
    ) agg
    WHERE m."slug" = ${slug} AND m."published"`;
  if (!row) return null;
  if (scope.type === "track" && !row.trackId) return null;
  if (scope.type === "session" && row.sessions === 0) return null;
  const newest = row.newest && row.newest > row.meetingUpdatedAt ? row.newest : row.meetingUpdatedAt;
  return {
    meetingId: row.meetingId,
    defaultLocale: row.defaultLocale,
    trackId: row.trackId,
    sessions: row.sessions,
    version: [
      row.meetingUpdatedAt.toISOString(),
      row.sessions,
      row.newest?.toISOString() ?? "-",
      row.digest ?? "-",
    ].join(":"),
    lastModified: newest,
  };
}
