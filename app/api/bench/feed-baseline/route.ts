import { publicFeed } from "@/app/_server/calendar/feeds";
import { calendarNotFound, feedResponse, type FeedBody } from "@/app/_server/calendar/respond";
import { env } from "@/app/_server/env";

/**
 * The reference of scripts/bench-feeds.ts: the bytes and headers of /calendar/2017.ics, built once and
 * then answered from memory with no database at all, so that the benchmark shows what the feed's own
 * version query and validators cost. 404 unless BENCH_BASELINE=1.
 */
export const dynamic = "force-dynamic";

let kept: Promise<FeedBody | null> | undefined;

export async function GET(request: Request): Promise<Response> {
  if (env().BENCH_BASELINE !== "1") return calendarNotFound();
  kept ??= publicFeed("2017", { type: "meeting" }, null);
  const body = await kept;
  return body ? feedResponse(request, body, { privacy: "public" }) : calendarNotFound();
}
