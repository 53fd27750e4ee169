import { serveRunOfShowFeed } from "@/app/_server/ceremonies/run-of-show-feed";

/** The organizers' run-of-show of a ceremony as iCalendar, one event per segment. */

type Context = { params: Promise<{ slug: string; id: string }> };

export function GET(request: Request, { params }: Context): Promise<Response> {
  return serveRunOfShowFeed(request, params);
}

export function HEAD(request: Request, { params }: Context): Promise<Response> {
  return serveRunOfShowFeed(request, params);
}
