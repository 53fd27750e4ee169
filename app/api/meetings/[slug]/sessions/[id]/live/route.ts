import { negotiateLocale } from "@/app/_lib/i18n/negotiate";
import { openEventRoute } from "@/app/_http/event-stream";
import { publicStream } from "@/app/_server/ceremonies/live-streams";

/**
 * A published ceremony as the public follows it: the running segment's title and, past the organizers'
 * threshold, how late it runs, as Server-Sent Events. Never a note or a name. 404 in JSON for a session
 * that is not a published ceremony.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  const locale = negotiateLocale(new URL(request.url), request.headers.get("accept-language"));
  return openEventRoute(
    request,
    async () => {
      const { slug, id } = await params;
      const stream = await publicStream(slug, id);
      return (channel) => stream.attach(channel);
    },
    locale,
  );
}
