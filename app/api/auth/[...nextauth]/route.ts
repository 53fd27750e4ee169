import NextAuth from "next-auth";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { negotiateLocale } from "@/app/_lib/i18n/negotiate";
import { authOptions } from "@/app/_server/accounts/next-auth";
import { env } from "@/app/_server/env";
import { AppError } from "@/app/_server/errors";
import { errorResponse } from "@/app/_http/errors";
import { errorSentence } from "@/app/_server/http";
import { observeRateLimits } from "@/app/_server/rate-limit";
import { isForeignOrigin } from "@/app/_server/security/origin";

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's endpoints: CSRF token, credentials sign-in, session, sign-out. */
async function GET(request: Request, context: Context): Promise<Response> {
  return NextAuth(request as never, context as never, await authOptions());
}

/**
 * Signing in and out. Two answers come before next-auth's own: 403 for a form posted from another site
 * (next-auth's CSRF token is the first defence, this the second), and 429 with Retry-After for a sign-in
 * over its limit. The attempts are counted where the credentials are checked (accounts/sign-in.ts),
 * once each; next-auth reports a refusal only as a failed sign-in, so the count's verdict is observed here.
 */
async function POST(request: Request, context: Context): Promise<Response> {
  const locale = negotiateLocale(new URL(request.url), request.headers.get("accept-language"));
  if (isForeignOrigin(request, env().PUBLIC_URL)) {
    return errorResponse(new AppError("forbidden", "Cross-origin request refused"), locale);
  }
  const { result, retryAfterSeconds } = await observeRateLimits(
    async () => NextAuth(request as never, context as never, await authOptions()) as Promise<Response>,
  );
  if (retryAfterSeconds === undefined) return result;
  return tooManyAttempts(result, retryAfterSeconds, locale);
}

/**
 * next-auth's answer to the refused attempt, as 429 with Retry-After and the app's error body. It keeps
 * the `url` next-auth's client reads (its `error` parameter is "rate_limited"), so that `signIn(…,
 * { redirect: false })` hands the sign-in form the error it shows as "too many attempts"; a client that
 * posted without `json=true` gets the same body instead of a redirect. next-auth's cookies stay.
 */
async function tooManyAttempts(
  refused: Response,
  retryAfterSeconds: number,
  locale: AppLocale,
): Promise<Response> {
  const url = refused.headers.get("location") ?? ((await refused.json()) as { url: string }).url;
  const error = new AppError("rate_limited", "Too many sign-in attempts", { retryAfterSeconds });
  const headers = new Headers(refused.headers);
  headers.delete("location");
  headers.delete("content-length");
  headers.set("content-type", "application/json");
  headers.set("retry-after", String(retryAfterSeconds));
  const body = { url, error: { code: error.code, message: errorSentence(error, locale) } };
  return new Response(JSON.stringify(body), { status: 429, headers });
}

export { GET, POST };
