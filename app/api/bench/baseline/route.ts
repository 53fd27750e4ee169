import { env } from "@/app/_server/env";
import { notFound } from "@/app/_server/errors";
import { errorResponse } from "@/app/_http/errors";

/**
 * The no-database reference of scripts/bench.ts: what a route handler of this build costs by itself
 * (routing, a small fixed JSON body; no database, no headers() or cookies()). The benchmark's bare Node
 * server answers the same bytes. 404 unless BENCH_BASELINE=1: it serves nothing anyone needs.
 */
export const dynamic = "force-dynamic";

const BODY = JSON.stringify({
  baseline: "route handler",
  database: false,
  note: "A fixed body, the same bytes on every request.",
});

export function GET(): Response {
  if (env().BENCH_BASELINE !== "1") return errorResponse(notFound("Route"));
  return new Response(BODY, { headers: { "content-type": "application/json" } });
}
