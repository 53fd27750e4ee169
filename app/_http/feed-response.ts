import "server-only";
import { CALENDAR_CONTENT_TYPE } from "@/app/_server/calendar/ics";
import { gzipRepresentation, type FeedBody, type FeedRepresentation } from "@/app/_server/calendar/feed-body";

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

/** Whether the client takes gzip (RFC 9110 §12.5.3): named or `*`, with a q-value above 0. */
export function acceptsGzip(request: Request): boolean {
  const header = request.headers.get("accept-encoding");
  if (!header) return false;
  return header.split(",").some((entry) => {
    const [coding = "", ...parameters] = entry.split(";").map((part) => part.trim().toLowerCase());
    if (coding !== "gzip" && coding !== "x-gzip" && coding !== "*") return false;
    const q = parameters.find((parameter) => parameter.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

function baseHeaders(representation: FeedRepresentation, lastModified: Date, privacy: Privacy): Headers {
  const headers = new Headers({
    ETag: representation.etag,
    "Last-Modified": lastModified.toUTCString(),
    // no-transform: the feeds gzip themselves, each encoding with its own ETag; Next's compression and
    // proxies would otherwise gzip the plain bytes under the plain bytes' strong ETag.
    "Cache-Control": `${privacy}, max-age=${PUBLIC_MAX_AGE}, no-transform`,
    // On 304s too: a cache keys its stored answers by encoding, and a 304 updates the one it matches.
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

/**
 * 200 with the feed (no body for HEAD), gzipped for clients that take it, or 304 with the validators and no
 * body. The validators are those of the encoding the request gets.
 */
export function feedResponse(request: Request, body: FeedBody, options: FeedResponseOptions): Response {
  const gzip = acceptsGzip(request);
  const representation = gzip ? gzipRepresentation(body) : body;
  const headers = baseHeaders(representation, body.lastModified, options.privacy);
  if (notModified(request, { etag: representation.etag, lastModified: body.lastModified }))
    return new Response(null, { status: 304, headers });
  headers.set("Content-Type", CALENDAR_CONTENT_TYPE);
  if (gzip) headers.set("Content-Encoding", "gzip");
  headers.set("Content-Length", String(representation.bytes.byteLength));
  if (options.download) headers.set("Content-Disposition", attachment(options.download.title));
  return new Response(request.method === "HEAD" ? null : (representation.bytes as Uint8Array<ArrayBuffer>), {
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
