import NextAuth from "next-auth";
import { authOptions } from "@/app/_server/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's endpoints: CSRF token, credentials sign-in, session, sign-out. */
async function handler(request: Request, context: Context): Promise<Response> {
  return NextAuth(request as never, context as never, await authOptions());
}

export { handler as GET, handler as POST };
