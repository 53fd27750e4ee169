import "server-only";
import type { FieldErrors } from "@/app/_lib/registration/fields";
import { isDatabaseUnavailable } from "./database/errors";

/**
 * Expected failures of the domain layer. One type, one code each; `app/_http/errors.ts` maps codes to
 * HTTP statuses and pages map `not_found` to notFound(). Anything else is a bug and surfaces as a 500.
 */
export type AppErrorCode =
  | "not_found"
  /** A request that cannot be read at all (not JSON, wrong content type). */
  | "malformed"
  | "too_large"
  /** Input the domain refuses; `fields` says which and why. */
  | "invalid"
  | "already_registered"
  | "registration_closed"
  /** The registration is cancelled or rejected and can no longer be changed. */
  | "not_editable"
  /** An idempotency key came back with a different request. */
  | "idempotency_conflict"
  | "rate_limited"
  /** Nobody is signed in (or the account is disabled, or the session outdated). */
  | "unauthenticated"
  /** Signed in, but the role may not do this. */
  | "forbidden"
  /** The change would clash with something else (scheduling conflicts); `conflicts` says what. Saving
   *  anyway takes a reason. */
  | "conflict"
  /** The database cannot be reached for the moment (an outage, a restart): try again shortly. */
  | "unavailable";

export type AppErrorDetails = { fields?: FieldErrors; retryAfterSeconds?: number; conflicts?: unknown[] };

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string = code,
    readonly details: AppErrorDetails = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function invalid(fields: FieldErrors): AppError {
  return new AppError("invalid", `Invalid input: ${Object.keys(fields).join(", ")}`, { fields });
}

export function notFound(what: string): AppError {
  return new AppError("not_found", `${what} not found`);
}

/** Seconds a client is asked to wait while the database is away: a restart or failover takes about this long. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * The domain error that a thrown value stands for: an AppError itself, `unavailable` when the database
 * cannot be reached (app/_server/database/errors.ts), null for anything else (a bug, thrown on). Every
 * place that turns errors into answers (JSON, feeds, exports, form states) asks this one function.
 */
export function asAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) {
    return new AppError("unavailable", "The database is unavailable", {
      retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
    });
  }
  return null;
}
