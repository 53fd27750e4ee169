import { z } from "zod";
import { adminRoute, feed } from "@/app/_http/route-guard";
import { runOfShowFeed } from "@/app/_server/ceremonies/run-of-show-feed";

/**
 * The organizers' run-of-show of a ceremony as iCalendar, one event per segment; `?lang=de|en|zh`.
 * Private: it names people and carries internal notes (the guard keeps every cache from storing it);
 * 304 while unchanged.
 */
const serve = adminRoute(
  "editProgram",
  {
    params: z.object({ slug: z.string(), id: z.string() }),
    query: z.object({ lang: z.string().optional() }),
  },
  async ({ actor, params, query }) =>
    feed(await runOfShowFeed(actor, params.slug, params.id, query.lang ?? null), { privacy: "private" }),
);

export { serve as GET, serve as HEAD };
