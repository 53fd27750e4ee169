import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { env } from "../env";
import { authSecret } from "../security/secret";

/**
 * The cookie next-auth signs (accounts/next-auth.ts) and authorization reads (authz.ts): it names a row
 * of auth/sessions.ts and nothing else.
 */

/**
 * The session id in this request's cookie, if the cookie is genuine and unexpired. Read here rather than
 * through getServerSession, which would run next-auth's whole session callback chain (and one more
 * query) for each page; a cookie that fails is one log line.
 */
export async function requestSessionId(): Promise<string | null> {
  const cookie = (await cookies()).get(sessionCookieName())?.value;
  if (!cookie) return null;
  const token = await decode({ token: cookie, secret: await authSecret() }).catch(() => null);
  if (typeof token?.sid !== "string") {
    console.warn("[auth] session cookie rejected");
    return null;
  }
  return token.sid;
}

/** Cookies only over https, and then with the __Secure- prefix, when the site is served over https. */
export function secureCookies(): boolean {
  return env().PUBLIC_URL.startsWith("https://");
}

/** next-auth's name for the session cookie under `useSecureCookies`. */
function sessionCookieName(): string {
  return `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}
