import "server-only";
import { NextResponse } from "next/server";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { describeFieldErrors, validationMessage } from "@/app/_lib/registration/errors";
import type { ValidationKey } from "@/app/_lib/registration/fields";
import { env } from "./env";
import { AppError, asAppError, type AppErrorCode } from "./errors";

/** The one map from domain error codes to HTTP: route handlers never answer a 500 for these. */
const statusOf: Record<AppErrorCode, number> = {
  not_found: 404,
  malformed: 400,
  too_large: 413,
  invalid: 422,
  already_registered: 409,
  registration_closed: 403,
  not_editable: 409,
  idempotency_conflict: 422,
  rate_limited: 429,
  unauthenticated: 401,
  forbidden: 403,
  conflict: 409,
  unavailable: 503,
};

/** The sentence for each code, where the visitor should read one. */
const messageOf: Record<AppErrorCode, ValidationKey> = {
  not_found: "notFound",
  malformed: "malformed",
  too_large: "tooLarge",
  invalid: "summary",
  already_registered: "alreadyRegistered",
  registration_closed: "registrationClosed",
  not_editable: "notEditable",
  idempotency_conflict: "alreadySubmitted",
  rate_limited: "rateLimited",
  unauthenticated: "unauthenticated",
  forbidden: "forbidden",
  conflict: "conflict",
  unavailable: "unavailable",
};

/** The HTTP status an error answers with. */
export function errorStatus(error: AppError): number {
  return statusOf[error.code];
}

/** What to tell a visitor about a domain error, in their language. */
export function errorSentence(error: AppError, locale: AppLocale): string {
  return validationMessage(messageOf[error.code], locale);
}

/**
 * `{ error: { code, message, fields? } }` with the status of the code; `fields` lists each field's
 * path, problem and sentence in the visitor's language. 429 and 503 answers carry Retry-After.
 */
export function errorResponse(error: AppError, locale: AppLocale = "en"): NextResponse {
  const fields = error.details.fields;
  const described = fields ? describeFieldErrors(fields, locale) : {};
  const body = {
    error: {
      code: error.code,
      message: errorSentence(error, locale),
      ...(fields && {
        fields: Object.entries(fields).map(([path, problem]) => ({
          path,
          code: problem.key,
          message: described[path],
        })),
      }),
    },
  };
  const headers = error.details.retryAfterSeconds
    ? { "Retry-After": String(error.details.retryAfterSeconds) }
    : undefined;
  return NextResponse.json(body, { status: errorStatus(error), headers });
}

/** Far above any registration; a client sending more wants something else. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * The JSON body of a request: `malformed` unless it is declared and parses as JSON (which also keeps
 * cross-site HTML forms, which cannot send application/json, out), `too_large` past 64 KiB.
 */
export async function readJson(request: Request): Promise<unknown> {
  if (!/^application\/json\s*(;|$)/i.test(request.headers.get("content-type") ?? "")) {
    throw new AppError("malformed", "The request body must be application/json");
  }
  const text = await readLimited(request);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("malformed", "The request body is not valid JSON");
  }
}

/** The body as text, read no further than the limit (a declared length is not trusted). */
async function readLimited(request: Request): Promise<string> {
  const reader = request.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new AppError("too_large", "The request body is too large");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The one name every request shares when no address can be trusted. */
const ALL_CLIENTS = "unknown";

/**
 * The client's address for rate limits: the X-Forwarded-For entry `hops` from the right. Each proxy in
 * front of the app adds the address it sees at the right end, so the entries a client can write itself
 * are all to the left of those the trusted proxies wrote; with fewer entries than hops, the first is the
 * nearest to the client there is. Without the header (a test calling a handler directly) there is nothing
 * better than a shared name.
 *
 * Next.js fills X-Forwarded-For with the socket's address only when a request does not bring the header
 * (base-server.js, `??=`), and gives route handlers and actions no other view of the socket. So with
 * TRUSTED_PROXY_HOPS=0 the header is ignored and every request counts as the same client: nobody can
 * pick an address, at the price of one shared limit. And an app reachable without its proxy, with hops
 * ≥ 1, counts a client as whatever address that client sends (README, "Running several instances").
 */
export function clientAddress(headers: Headers, hops: number = env().TRUSTED_PROXY_HOPS): string {
  if (hops === 0) return ALL_CLIENTS;
  const entries =
    headers
      .get("x-forwarded-for")
      ?.split(",")
      .map((part) => part.trim())
      .filter(Boolean) ?? [];
  return entries.at(Math.max(entries.length - hops, 0)) ?? ALL_CLIENTS;
}

/** JSON route handlers: run, answer JSON, and map domain errors (and a database outage, 503) to their status. */
export async function jsonRoute<T>(
  run: () => Promise<T>,
  options: { status?: number; locale?: AppLocale } = {},
): Promise<NextResponse> {
  try {
    return NextResponse.json(await run(), { status: options.status ?? 200 });
  } catch (error) {
    const known = asAppError(error);
    if (known) return errorResponse(known, options.locale);
    throw error;
  }
}
