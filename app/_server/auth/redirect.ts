import "server-only";
import { localPath } from "@/app/_lib/local-path";

/**
 * next-auth's `redirect` callback: where its endpoints send the browser after signing in or out (the
 * request's `callbackUrl`, or the cookie it left). next-auth's default puts the origin before any value
 * starting with "/" without resolving it ("/..//evil.example" goes out as is, for the browser to resolve)
 * and throws on one that is no address. Here the sign-in page's rule applies: a path of this site,
 * resolved, or the site's root.
 */
export function sameSiteRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const path = url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url;
  return `${baseUrl}${localPath(path, "/")}`;
}
