import { negotiateLocale } from "@/app/_lib/i18n/negotiate";
import { openEventRoute } from "@/app/_http/event-stream";
import { monitorStream } from "@/app/_server/ceremonies/live-streams";

/**
 * The speaker's confidence monitor: the current and the next segment of the show, as Server-Sent Events,
 * for whoever holds the link (no sign-in). 404 in JSON for an unknown or revoked link; a link revoked
 * while open ends the stream.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const locale = negotiateLocale(new URL(request.url), request.headers.get("accept-language"));
  return openEventRoute(
    request,
    async () => {
      const stream = await monitorStream((await params).token);
      return (channel) => stream.attach(channel);
    },
    locale,
  );
}
