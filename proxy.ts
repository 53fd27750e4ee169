import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { routing } from "./app/_lib/i18n/routing";

const intl = createMiddleware(routing);

/** Back-office pages that anybody may open: signing in, and setting a password from an emailed link. */
const OPEN_BACK_OFFICE = /^\/[a-z]{2}\/admin\/(sign-in|password)(\/|$)/;
const BACK_OFFICE = /^\/[a-z]{2}\/admin(\/|$)/;
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * Language routing, and a convenience for the back office: a visitor without any session cookie goes
 * straight to the sign-in page. This is only a redirect. Whether a cookie is valid, and what its owner
 * may do, every page, action and route handler checks for itself (app/_server/authz.ts), so a request
 * that skips this proxy gains nothing.
 */
export default function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const signedOut = !SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (signedOut && BACK_OFFICE.test(pathname) && !OPEN_BACK_OFFICE.test(pathname)) {
    const locale = pathname.slice(1, 3);
    const signIn = new URL(`/${locale}/admin/sign-in`, request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  return intl(request);
}

export const config = {
  // Not the JSON API, calendar feeds, Next.js internals or files with an extension.
  matcher: ["/((?!api|calendar|_next|_vercel|.*\\..*).*)"],
};
