import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { checkCredentials } from "../accounts/sign-in";
import { env } from "../env";
import { AppError } from "../errors";
import { clientAddress } from "../http";
import { authLogger } from "./logger";
import { sameSiteRedirect } from "./redirect";
import { authSecret } from "./secret";

/** What the signed session cookie carries: who, and which generation of their sessions. */
export type SessionClaims = { userId: string; sessionVersion: number };

/** The error a failed sign-in reports to the form (next-auth passes it on as `error`). */
export const RATE_LIMITED = "rate_limited";

/**
 * next-auth with one Credentials provider and signed JWT cookies. The cookie only says who signed in;
 * role and account state are read from the database on every request (authz.ts), so a disabled account
 * or a changed role takes effect at once.
 */
export async function authOptions(): Promise<NextAuthOptions> {
  // next-auth builds its own redirect and callback URLs from NEXTAUTH_URL; the app's public address is
  // configured once, as PUBLIC_URL.
  process.env.NEXTAUTH_URL ??= env().PUBLIC_URL;
  const maxAge = env().AUTH_SESSION_HOURS * 3600;
  return {
    secret: await authSecret(),
    session: { strategy: "jwt", maxAge },
    jwt: { maxAge },
    pages: { signIn: "/admin/sign-in" },
    // One line for a forged or expired session cookie, and no token, password or address in any line.
    logger: authLogger,
    providers: [
      CredentialsProvider({
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          const email = typeof credentials?.email === "string" ? credentials.email : "";
          const password = typeof credentials?.password === "string" ? credentials.password : "";
          try {
            const user = await checkCredentials(email, password, clientAddress(new Headers(request.headers as Record<string, string>)));
            return user && { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
          } catch (error) {
            if (error instanceof AppError && error.code === "rate_limited") throw new Error(RATE_LIMITED);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      redirect: sameSiteRedirect,
      jwt({ token, user }) {
        if (user) token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        return token;
      },
      session({ session, token }) {
        return { ...session, userId: token.sub, sessionVersion: token.sessionVersion } as typeof session;
      },
    },
  };
}
