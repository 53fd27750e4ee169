import createMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { routing } from "./app/_lib/i18n/routing";
import { env } from "./app/_server/env";
import { isActionFromAnotherHost, isForeignOrigin } from "./app/_server/security/origin";
import { pageResponse, renderNonce } from "./app/_http/page-cache";
import { NOT_A_PAGE_POLICY, pageContentSecurityPolicy } from "./app/_server/security/content-security-policy";
import { actionBodyGate, addressGate } from "./app/_http/request-gate";
import { unavailablePageGate } from "./app/_http/unavailable-page";

const intl = createMiddleware(routing);

/** Back-office pages that anybody may open: signing in, setting a password from an emailed link, and
 *  making the first admin from the link the server printed. */
const OPEN_BACK_OFFICE = /^\/[a-z]{2}\/admin\/(sign-in|password|setup)(\/|$)/;
const BACK_OFFICE = /^\/[a-z]{2}\/admin(\/|$)/;
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * Language routing, the pages' Content-Security-Policy, the agenda page's cache, and a convenience for the back office: a visitor
 * without any session cookie goes straight to the sign-in page. This is only a redirect. Whether a cookie
 * is valid, and what its owner may do, every page, action and route handler checks for itself
 * (app/_server/authz.ts), so a request that skips this proxy gains nothing.
 */
export default async function proxy(request: NextRequest) {
  // Malformed addresses, which Next would answer with a 500; other addresses seen only for this check go on.
  const address = addressGate(request);
  if (address) return address;
  // A form posted to a page is a server action. Next refuses one from another site, or whose Origin names
  // another host than the request's, too, but as a 500.
  if (
    request.method === "POST" &&
    (isForeignOrigin(request, env().PUBLIC_URL) || isActionFromAnotherHost(request))
  ) {
    return new NextResponse("Cross-origin request refused", {
      status: 403,
      headers: { "Content-Security-Policy": NOT_A_PAGE_POLICY },
    });
  }
  // An action's body that Next would answer with a 500: too large, too deep, not decodable (request-gate.ts).
  const body = await actionBodyGate(request);
  if (body) return body;
  // PostgreSQL mode: while the database is away, pages answer 503 with Retry-After (see the gate for why here).
  const unavailable = await unavailablePageGate(request);
  const nonce = renderNonce(request);
  const policy = pageContentSecurityPolicy(nonce);
  // The public agenda comes from memory while its data stands (app/_http/page-cache.ts).
  const response = unavailable ?? (await pageResponse(request, nonce, () => route(request, nonce, policy)));
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

function route(request: NextRequest, nonce: string, policy: string): NextResponse {
  const { pathname, search } = request.nextUrl;
  const signedOut = !SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (signedOut && BACK_OFFICE.test(pathname) && !OPEN_BACK_OFFICE.test(pathname)) {
    const locale = pathname.slice(1, 3);
    const signIn = new URL(`/${locale}/admin/sign-in`, request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  // Next.js reads the policy from the request headers the page renders with and puts its nonce on its
  // own scripts; next-intl passes every header of the request it is given on to the page. That request
  // is a header-only copy: the original's body (a server action's form) stays untouched for the page.
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  // Where the app's own inline scripts would read their nonce (headers().get("x-nonce")); Next's scripts
  // take it from the policy.
  headers.set("x-nonce", nonce);
  return intl(new NextRequest(request.url, { headers }));
}

export const config = {
  // Pages: not the JSON API, calendar feeds, Next.js internals or files with an extension. And any
  // address with a percent escape, whose shape the proxy checks (request-gate.ts).
  matcher: ["/((?!api|calendar|_next|_vercel|.*\\..*).*)", "/(.*%.*)"],
};
