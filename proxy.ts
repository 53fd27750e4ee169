import createMiddleware from "next-intl/middleware";
import { routing } from "./app/_lib/i18n/routing";

/**
 * Language routing only: `/` and unprefixed paths redirect to the visitor's language (cookie, then
 * Accept-Language, then German). No authorization happens here: pages and handlers check for themselves.
 */
export default createMiddleware(routing);

export const config = {
  // Not the JSON API, calendar feeds, Next.js internals or files with an extension.
  matcher: ["/((?!api|calendar|_next|_vercel|.*\\..*).*)"],
};
