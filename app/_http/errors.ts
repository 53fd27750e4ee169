import "server-only";
import { NextResponse } from "next/server";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { describeFieldErrors } from "@/app/_lib/registration/errors";
import { asAppError, type AppError, type AppErrorCode } from "@/app/_server/errors";
import { errorSentence } from "@/app/_server/http";

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

/** The HTTP status an error answers with. */
export function errorStatus(error: AppError): number {
  return statusOf[error.code];
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

/** The JSON answer to a domain error (or a database outage, 503); anything else is a bug and is thrown on. */
export function knownErrorResponse(error: unknown, locale?: AppLocale): NextResponse {
  const known = asAppError(error);
  if (!known) throw error;
  return errorResponse(known, locale);
}
