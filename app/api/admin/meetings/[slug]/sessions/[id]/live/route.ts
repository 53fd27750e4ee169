import { z } from "zod";
import { locales } from "@/app/_lib/i18n/locales";
import { adminRoute, events, json } from "@/app/_http/route-guard";
import { AppError } from "@/app/_server/errors";
import { runShowCommand } from "@/app/_server/ceremonies/live-commands";
import { crewStream } from "@/app/_server/ceremonies/live-streams";

/**
 * A ceremony's live show for the organizers. GET: the crew's stream (Server-Sent Events), people named
 * for `?lang=`. POST: an operator's command as JSON, answered with the show after it (200) or why it
 * was refused (409), in `?lang=`.
 */
const schemas = {
  params: z.object({ slug: z.string(), id: z.string() }),
  query: z.object({ lang: z.enum(locales).catch("en") }),
};

export const GET = adminRoute("editProgram", schemas, async ({ actor, params, query }) => {
  const stream = await crewStream(actor, params.slug, params.id, query.lang);
  return events((channel) => stream.attach(channel));
});

export const POST = adminRoute("editProgram", schemas, async ({ actor, params, query, request }) => {
  const input: unknown = await request.json().catch(() => {
    throw new AppError("malformed", "The body is not JSON");
  });
  const answer = await runShowCommand(
    actor,
    { meetingSlug: params.slug, sessionId: params.id },
    input,
    query.lang,
  );
  return json(answer.body, answer.status);
});
