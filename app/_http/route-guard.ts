import "server-only";
import { z } from "zod";
import type { Permission } from "@/app/_lib/roles";
import { authorize, currentActor, type Actor } from "@/app/_server/authz";
import { env } from "@/app/_server/env";
import { AppError } from "@/app/_server/errors";
import { isForeignOrigin } from "@/app/_server/security/origin";
import { knownErrorResponse } from "./errors";
import { replyResponse, type Reply } from "./replies";

export { events, feed, file, json } from "./replies";

/** What Next.js hands a route handler besides the request. */
export type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export type AdminRouteContext<Params, Query> = {
  actor: Actor;
  params: Params;
  query: Query;
  request: Request;
};

type Schemas<Params, Query> = {
  /** The path's dynamic segments. */
  params: z.ZodType<Params>;
  /** The query string, each name with its first value. Without a schema: `{}`. */
  query?: z.ZodType<Query>;
};

/**
 * A route handler of the back office, the counterpart of `backOfficeAction` (app/_server/action.ts).
 * Checks who is asking before anything else (401 without a live session, 403 when the role may not, as
 * JSON: the domain checks again), parses the path and the query with the schemas (400 `malformed` when
 * they do not fit), runs `run`, and answers with its reply (replies.ts). A change (any method but GET and
 * HEAD) sent by a page of another site is refused with 403 first: the proxy, which guards the pages' forms
 * so, does not see `/api`. Domain errors answer with their
 * status (errors.ts), a database outage 503. Whatever it answers besides errors names people: no cache,
 * shared or private, keeps a copy. Used as
 * `export const GET = adminRoute("editProgram", { params }, async ({ actor, params }) => json(…))`.
 */
export function adminRoute<Params, Query = Record<string, never>>(
  permission: Permission,
  schemas: Schemas<Params, Query>,
  run: (context: AdminRouteContext<Params, Query>) => Promise<Reply>,
): (request: Request, context: RouteContext) => Promise<Response> {
  return async (request, context) => {
    try {
      if (!SAFE_METHODS.has(request.method) && isForeignOrigin(request, env().PUBLIC_URL))
        throw new AppError("forbidden", "Cross-origin request refused");
      const actor = await currentActor();
      authorize(actor, permission);
      const params = parse(schemas.params, await context.params, "path");
      const query = schemas.query
        ? parse(schemas.query, firstValues(new URL(request.url).searchParams), "query")
        : ({} as Query);
      const reply = await run({ actor, params, query, request });
      const response = replyResponse(reply, request);
      // An event stream also keeps Next's compression off (event-stream.ts).
      response.headers.set(
        "Cache-Control",
        reply.kind === "events" ? "private, no-cache, no-store, no-transform" : "private, no-store",
      );
      return response;
    } catch (error) {
      return knownErrorResponse(error);
    }
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD"]);

function parse<Output>(schema: z.ZodType<Output>, input: unknown, what: string): Output {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError("malformed", `The ${what} does not fit: ${z.prettifyError(parsed.error)}`);
}

/** The query string as names and values, the first of each name as URLSearchParams.get reads it. */
function firstValues(search: URLSearchParams): Record<string, string> {
  const first = new Map<string, string>();
  for (const [name, value] of search) if (!first.has(name)) first.set(name, value);
  return Object.fromEntries(first);
}
