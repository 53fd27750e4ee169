import "server-only";
import type { NextAuthOptions } from "next-auth";
import { SIGN_IN_ERRORS } from "@/app/_lib/accounts/sign-in-errors";
import CredentialsProvider from "next-auth/providers/credentials";
import { secureCookies } from "../auth/session-cookie";
import { endSession, liveSession } from "../auth/sessions";
import { signIn } from "./sign-in";
import { env } from "../env";
import { AppError } from "../errors";
import { clientAddress } from "../http";
import { authLogger, SessionEnded } from "../auth/logger";
import { sameSiteRedirect } from "../auth/redirect";
import { authSecret } from "../security/secret";

/**
 * next-auth with one Credentials provider and signed JWT cookies ("jwt" strategy: next-auth's database
 * sessions do not work with credentials). The cookie carries only the id of a row in UserSession
 * (auth/sessions.ts), and that row decides: deleting it ends the session on every instance at once,
 * it has a lifetime from sign-in that use never extends, and an idle timeout. Role and account state are
 * read from the database on every request (authz.ts).
 */
export async function authOptions(): Promise<NextAuthOptions> {
  // next-auth builds its own redirect and callback URLs from NEXTAUTH_URL; the app's public address is
  // configured once, as PUBLIC_URL.
  process.env.NEXTAUTH_URL ??= env().PUBLIC_URL;
  const maxAge = env().AUTH_SESSION_HOURS * 3600;
  return {
    secret: await authSecret(),
    session: { strategy: "jwt", maxAge },
    useSecureCookies: secureCookies(),
    jwt: { maxAge },
    pages: { signIn: "/admin/sign-in" },
    // One line for a forged, expired or ended session cookie, and no token, password or address in any line.
    logger: authLogger,
    providers: [
      CredentialsProvider({
        credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
        async authorize(credentials, request) {
          const field = (name: "email" | "password" | "code") =>
            typeof credentials?.[name] === "string" ? credentials[name] : "";
          const headers = new Headers(request.headers as Record<string, string>);
          try {
            const result = await signIn({
              email: field("email"),
              password: field("password"),
              code: field("code"),
              clientAddress: clientAddress(headers),
              userAgent: headers.get("user-agent"),
            });
            if (result.outcome === "disabled") throw new Error(SIGN_IN_ERRORS.disabled);
            if (result.outcome === "second-factor") throw new Error(SIGN_IN_ERRORS.secondFactor);
            return result.outcome === "signed-in" ? { ...result.user, sessionId: result.sessionId } : null;
          } catch (error) {
            if (error instanceof AppError && error.code === "rate_limited")
              throw new Error(SIGN_IN_ERRORS.rateLimited);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      redirect: sameSiteRedirect,
      async jwt({ token, user }) {
        if (user) return { sub: user.id, sid: (user as { sessionId?: string }).sessionId };
        // next-auth's own session endpoint: a session that has ended gets no new cookie, and loses its old one.
        if (!(await liveSession(token.sid))) throw new SessionEnded();
        return token;
      },
      session({ session, token }) {
        return { expires: session.expires, userId: token.sub } as typeof session;
      },
    },
    events: {
      async signOut({ token }) {
        await endSession(token?.sid);
      },
    },
  };
}
