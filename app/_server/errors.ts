import "server-only";

/**
 * Expected failures of the domain layer. One type, one code each; `app/_server/http.ts` maps codes to
 * HTTP statuses and pages map `not_found` to notFound(). Anything else is a bug and surfaces as a 500.
 */
export type AppErrorCode = "not_found";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string = code,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function notFound(what: string): AppError {
  return new AppError("not_found", `${what} not found`);
}
