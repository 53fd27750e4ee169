import { NextResponse } from "next/server";
import { checkHealth } from "@/app/_server/health";

/**
 * GET (and HEAD) /api/health: 200 `{ status: "ok", database: "up", version }`; 503 while the database
 * does not answer (with Retry-After) or while the server is stopping ("draining"). Never cached, never
 * rate-limited: load balancers and the container's health check ask it every few seconds.
 */
export async function GET(): Promise<NextResponse> {
  const health = await checkHealth();
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (health.status === 503 && health.retryAfterSeconds)
    headers["Retry-After"] = String(health.retryAfterSeconds);
  return NextResponse.json(health.body, { status: health.status, headers });
}

export { GET as HEAD };
