import "server-only";

/**
 * Whether a state-changing request comes from a page of another site, the mark of cross-site request
 * forgery against a cookie session. The browser's `Origin` decides when it sent one: it must be the app's
 * public address or the address the request itself was made to (a reverse proxy may publish the app
 * under a name PUBLIC_URL does not list; the browser then sends that name as both Host and Origin).
 * `Origin: null` (sandboxed frames, some redirects) is foreign. Without `Origin`, an older browser's
 * `Sec-Fetch-Site` decides (`same-site` is a neighbouring subdomain: another origin too); a request with
 * neither comes from a program, not a browser, and cannot carry a visitor's cookies, so it passes.
 */
export function isForeignOrigin(request: Request, publicUrl: string): boolean {
  const origin = request.headers.get("origin");
  if (origin !== null) return origin !== new URL(publicUrl).origin && origin !== new URL(request.url).origin;
  const site = request.headers.get("sec-fetch-site");
  return site !== null && site !== "same-origin" && site !== "none";
}

/**
 * Whether a server action's `Origin` names neither the host the request says it was made to
 * (`X-Forwarded-Host`, first entry) nor its `Host`. Next refuses such an action, as cross-site, but with
 * a 500 and no security headers; the proxy answers it with 403 first. It happens only to a hand-made
 * request, or behind a proxy that passes neither header on, where no action could work at all.
 */
export function isActionFromAnotherHost(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return originHost !== forwarded && originHost !== request.headers.get("host");
}
