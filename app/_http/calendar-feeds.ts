import "server-only";
import { isSessionKind, type FeedScope } from "@/app/_server/agenda/feed-version";
import { publicFeed } from "@/app/_server/agenda/calendar-feeds";
import { personalFeed } from "@/app/_server/self-service/personal-feed";
import { asAppError } from "@/app/_server/errors";
import { calendarNotFound, calendarUnavailable, feedResponse } from "./feed-response";

/**
 * The route handlers of /calendar/…, thin: read the path, ask the domain, answer. Everything the path
 * does not name (wrong suffix, unknown meeting, track, kind, session or token) is a 404.
 */

type Context<Params> = { params: Promise<Params> };

/** "2017.ics" → "2017"; null without the suffix. */
export function withoutIcs(segment: string): string | null {
  return segment.endsWith(".ics") && segment.length > 4 ? segment.slice(0, -4) : null;
}

/** A feed's answer; while the database is away, 503 with Retry-After instead of a 500. */
async function answer(serve: () => Promise<Response>): Promise<Response> {
  try {
    return await serve();
  } catch (error) {
    const known = asAppError(error);
    if (known?.code === "unavailable") return calendarUnavailable(known.details.retryAfterSeconds ?? 5);
    throw error;
  }
}

async function servePublic(
  request: Request,
  slug: string | null,
  scope: FeedScope | null,
  download = false,
): Promise<Response> {
  if (slug === null || scope === null) return calendarNotFound();
  return answer(async () => {
    const feed = await publicFeed(slug, scope, new URL(request.url).searchParams.get("lang"));
    if (!feed) return calendarNotFound();
    return feedResponse(request, feed, {
      privacy: "public",
      download: download ? { title: feed.title ?? "session" } : undefined,
    });
  });
}

/** /calendar/{slug}.ics */
export async function meetingFeed(
  request: Request,
  { params }: Context<{ slug: string }>,
): Promise<Response> {
  const { slug } = await params;
  return servePublic(request, withoutIcs(slug), { type: "meeting" });
}

/** /calendar/{slug}/tracks/{track}.ics */
export async function trackFeed(
  request: Request,
  { params }: Context<{ slug: string; track: string }>,
): Promise<Response> {
  const { slug, track } = await params;
  const name = withoutIcs(track);
  return servePublic(request, slug, name === null ? null : { type: "track", track: name });
}

/** /calendar/{slug}/kinds/{kind}.ics */
export async function kindFeed(
  request: Request,
  { params }: Context<{ slug: string; kind: string }>,
): Promise<Response> {
  const { slug, kind } = await params;
  const name = withoutIcs(kind);
  return servePublic(
    request,
    slug,
    name !== null && isSessionKind(name) ? { type: "kind", kind: name } : null,
  );
}

/** /calendar/{slug}/sessions/{id}.ics, as a download. */
export async function sessionDownload(
  request: Request,
  { params }: Context<{ slug: string; id: string }>,
): Promise<Response> {
  const { slug, id } = await params;
  const sessionId = withoutIcs(id);
  return servePublic(request, slug, sessionId === null ? null : { type: "session", sessionId }, true);
}

/** /calendar/personal/{token}.ics */
export async function personalCalendarFeed(
  request: Request,
  { params }: Context<{ token: string }>,
): Promise<Response> {
  const token = withoutIcs((await params).token);
  if (token === null) return calendarNotFound();
  return answer(async () => {
    const feed = await personalFeed(token, new URL(request.url).searchParams.get("lang"));
    if (!feed) return calendarNotFound();
    return feedResponse(request, feed, { privacy: "private" });
  });
}
