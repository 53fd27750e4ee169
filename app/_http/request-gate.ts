import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { negotiateLocale, pageRequestLocale } from "@/app/_lib/i18n/negotiate";
import { AppError } from "@/app/_server/errors";
import { errorSentence } from "@/app/_server/http";
import { NOT_A_PAGE_POLICY } from "@/app/_server/security/content-security-policy";
import {
  ACTION_BODY_LIMIT_BYTES,
  declaresTooLarge,
  isMalformedPath,
  isPageAddress,
  replyProblem,
  type ShapeProblem,
} from "@/app/_server/security/request-shape";
import { errorResponse, errorStatus } from "./errors";

/**
 * The proxy's first step (proxy.ts): an address Next would answer with a 500 (request-shape.ts) gets its
 * 400 here instead. Besides the pages, the proxy's matcher sends here any address with a percent escape,
 * so that the API, the feeds and files are checked too; such an address that is well formed and not a
 * page goes on untouched (`NextResponse.next()`). Null: a page, go on.
 */
export function addressGate(request: NextRequest): NextResponse | null {
  const { pathname } = request.nextUrl;
  if (isMalformedPath(pathname)) return refusal(request, "malformed");
  return isPageAddress(pathname) ? null : NextResponse.next();
}

/**
 * The proxy's step for a POST to a page, after the check of its origin: a server action's body that Next
 * or React would answer with a 500 gets its 413 or 400 here. Null: go on.
 */
export async function actionBodyGate(request: NextRequest): Promise<NextResponse | null> {
  if (request.method !== "POST") return null;
  const problem = await actionBodyProblem(request);
  return problem ? refusal(request, problem) : null;
}

/**
 * A POST to a page is a server action (Next runs nothing else there). Its body is read here at most
 * once, through a clone: with a proxy, Next keeps the body of every request in memory for the page
 * anyway (`proxyClientMaxBodySize`), so reading it costs one more parse of at most 1 MB, and the page
 * still gets all of it. Reading is the only way to catch a chunked body, which declares no length, and
 * arguments too deep for React: neither Next nor React has a setting for depth, and React's own
 * `arraySizeLimit` is one Next does not pass on.
 */
async function actionBodyProblem(request: NextRequest): Promise<ShapeProblem | null> {
  if (declaresTooLarge(request.headers.get("content-length"))) return "too_large";
  const fetchAction = request.headers.has("next-action");
  const contentType = request.headers.get("content-type") ?? "";
  const multipart = /^multipart\/form-data/i.test(contentType);
  // Without either, Next does not take the POST for an action and renders the page.
  if (!fetchAction && !multipart) return null;
  const body = await readLimited(request.clone());
  if (body === null) return "too_large";
  if (!multipart) return replyProblem([["0", new TextDecoder().decode(body)]], { fetchAction });
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    return "malformed";
  }
  return replyProblem(form.entries(), { fetchAction });
}

/**
 * The body's bytes, or null when it is past the limit. A body past the limit is still read to its end,
 * unkept: Next answers only once the whole request has arrived (it keeps the body for the page), and
 * stopping here would leave that wait, and the client, hanging.
 */
async function readLimited(request: Request): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size <= ACTION_BODY_LIMIT_BYTES) chunks.push(read.value);
  }
  return size > ACTION_BODY_LIMIT_BYTES ? null : Buffer.concat(chunks);
}

/**
 * A short answer in the visitor's language: JSON like the rest of the API under /api, plain text
 * elsewhere. The fixed security headers come from next.config.js; the policy is the one for answers that
 * run nothing, since the page's own is set after this step.
 */
export function refusal(request: NextRequest, problem: ShapeProblem): NextResponse {
  const api = /^\/api(\/|$)/.test(request.nextUrl.pathname);
  const locale = api
    ? negotiateLocale(request.nextUrl, request.headers.get("accept-language"))
    : pageRequestLocale(request);
  const error = new AppError(problem, "Refused by the request's shape");
  const response = api
    ? errorResponse(error, locale)
    : new NextResponse(errorSentence(error, locale), {
        status: errorStatus(error),
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
  for (const [name, value] of Object.entries({
    "Content-Security-Policy": NOT_A_PAGE_POLICY,
    "Cache-Control": "no-store",
    "Content-Language": locale,
  }))
    response.headers.set(name, value);
  return response;
}
