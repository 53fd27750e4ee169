import "server-only";
import { NextResponse } from "next/server";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { describeFieldErrors, validationMessage } from "@/app/_lib/registration/errors";
import type { ValidationKey } from "@/app/_lib/registration/fields";
import { AppError, type AppErrorCode } from "./errors";

/** The one map from domain error codes to HTTP: route handlers never answer a 500 for these. */
const statusOf: Record<AppErrorCode, number> = {
  not_found: 404,
  malformed: 400,
  invalid: 422,
  already_registered: 409,
  registration_closed: 403,
  not_editable: 409,
  idempotency_conflict: 422,
  rate_limited: 429,
};

/** The sentence for each code, where the visitor should read one. */
const messageOf: Partial<Record<AppErrorCode, ValidationKey>> = {
  invalid: "summary",
  already_registered: "alreadyRegistered",
  registration_closed: "registrationClosed",
  not_editable: "notEditable",
  idempotency_conflict: "alreadySubmitted",
  rate_limited: "rateLimited",
};

/** What to tell a visitor about a domain error, in their language. */
export function errorSentence(error: AppError, locale: AppLocale): string {
  const key = messageOf[error.code];
  return key ? validationMessage(key, locale) : error.message;
}

/**
 * `{ error: { code, message, fields? } }` with the status of the code; `fields` lists each field's
 * path, problem and sentence in the visitor's language. 429 answers carry Retry-After.
 */
export function errorResponse(error: AppError, locale: AppLocale = "en"): NextResponse {
  const fields = error.details.fields;
  const described = fields ? describeFieldErrors(fields, locale) : {};
  const body = {
    error: {
      code: error.code,
      message: errorSentence(error, locale),
      ...(fields && {
        fields: Object.entries(fields).map(([path, problem]) => ({ path, code: problem.key, message: described[path] })),
      }),
    },
  };
  const headers = error.details.retryAfterSeconds ? { "Retry-After": String(error.details.retryAfterSeconds) } : undefined;
  return NextResponse.json(body, { status: statusOf[error.code], headers });
}

/** The JSON body of a request; `malformed` when it is not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError("malformed", "The request body is not valid JSON");
  }
}

/**
 * The client's address for rate limits: the last entry of X-Forwarded-For, which the nearest proxy
 * (or Next's own server) appends; earlier entries are whatever the client claimed.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((part) => part.trim()).filter(Boolean);
  return forwarded?.at(-1) ?? headers.get("x-real-ip") ?? "unknown";
}

/** JSON route handlers: run, answer JSON, and map domain errors to their status. */
export async function jsonRoute<T>(run: () => Promise<T>, options: { status?: number; locale?: AppLocale } = {}): Promise<NextResponse> {
  try {
    return NextResponse.json(await run(), { status: options.status ?? 200 });
  } catch (error) {
    if (error instanceof AppError) return errorResponse(error, options.locale);
    throw error;
  }
}
