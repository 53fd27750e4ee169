import "server-only";
import { CALENDAR_CONTENT_TYPE } from "@/app/_server/calendar/ics";
import type { FeedBody } from "@/app/_server/calendar/feed-body";

/**
 * HTTP answers for calendar feeds (RFC 9110 §13). Calendar clients poll all day; a matching validator
 * answers 304 without a body, so an unchanged feed costs a header exchange.
 */

/** The entity tags of an If-None-Match list; `*` as its own entry. Commas inside quotes are kept. */
function entityTags(header: string): string[] {
  return header.match(/\*|(?:W\/)?"[^"]*"/g) ?? [];
}

/** If-None-Match uses the weak comparison: `W/"x"` matches `"x"`. */
function noneMatch(header: string, etag: string): boolean {
  const opaque = etag.replace(/^W\//, "");
  return entityTags(header).some((tag) => tag === "*" || tag.replace(/^W\//, "") === opaque);
}

/** HTTP dates have one-second precision: compare at that precision. */
function seconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/**
 * Whether the client's copy is current. If-Modified-Since counts only without If-None-Match
 * (RFC 9110 §13.1.3), and an unparseable date is ignored.
 */
export function notModified(request: Request, body: Pick<FeedBody, "etag" | "lastModified">): boolean {
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch !== null) return noneMatch(ifNoneMatch, body.etag);
  const ifModifiedSince = request.headers.get("if-modified-since");
  if (ifModifiedSince === null) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && seconds(body.lastModified) <= Math.floor(since / 1000);
}

export type Privacy = "public" | "private";

/** Subscribed calendars poll on their own schedule; five minutes of shared caching keeps bursts off the app. */
const PUBLIC_MAX_AGE = 300;

/**
 * The entity tag as sent: weak. Next's compression gzips the answer for clients that take it and keeps the
 * headers a route gives it (a route cannot gzip itself: Next drops its Content-Encoding), so one tag
 * covers both encodings, which only a weak tag may do (RFC 9110 §8.8.1): the bytes differ, the content
 * does not. If-None-Match compares weakly anyway, so polls still get their 304.
 */
export function weakEtag(body: Pick<FeedBody, "etag">): string {
  return `W/${body.etag}`;
}

function baseHeaders(body: Pick<FeedBody, "etag" | "lastModified">, privacy: Privacy): Headers {
  const headers = new Headers({
    ETag: weakEtag(body),
    "Last-Modified": body.lastModified.toUTCString(),
    "Cache-Control": `${privacy}, max-age=${PUBLIC_MAX_AGE}`,
    // On 304s too, where the compression adds none: caches keep one answer per encoding and must know
    // which one a 304 refreshes.
    Vary: "Accept-Encoding",
  });
  if (privacy === "private") {
    // The URL is the secret: it must not leak through Referer headers or search engines.
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("X-Robots-Tag", "noindex");
  }
  return headers;
}

export type FeedResponseOptions = { privacy: Privacy; download?: { title: string } };

/** 200 with the feed (no body for HEAD), or 304 with the validators and no body. */
export function feedResponse(request: Request, body: FeedBody, options: FeedResponseOptions): Response {
  const headers = baseHeaders(body, options.privacy);
  if (notModified(request, body)) return new Response(null, { status: 304, headers });
  headers.set("Content-Type", CALENDAR_CONTENT_TYPE);
  headers.set("Content-Length", String(body.bytes.byteLength));
  if (options.download) headers.set("Content-Disposition", attachment(options.download.title));
  return new Response(request.method === "HEAD" ? null : (body.bytes as Uint8Array<ArrayBuffer>), {
    status: 200,
    headers,
  });
}

/**
 * `attachment` with an ASCII fallback name and the real one in UTF-8 (RFC 6266, RFC 5987): browsers
 * that know `filename*` save "开幕式.ics", older ones "session.ics".
 */
export function attachment(title: string): string {
  const name = `${title.replace(/[\u0000-\u001f\u007f/\\]/g, " ").trim() || "session"}.ics`;
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="session.ics"; filename*=UTF-8''${encoded}`;
}

/** Unknown meetings, tracks, sessions and tokens; plain text, never cached long. */
export function calendarNotFound(): Response {
  return new Response("Not found\n", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/**
 * The database is away for a moment: 503 with Retry-After, so that calendar apps poll again soon instead
 * of dropping the subscription. Plain text, never cached.
 */
export function calendarUnavailable(retryAfterSeconds: number): Response {
  return new Response("Temporarily unavailable, please try again shortly\n", {
    status: 503,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      "Retry-After": String(retryAfterSeconds),
    },
  });
}
