/**
 * next-auth's route as a browser meets it: the real handler, next-auth and the database. next-auth reads
 * the request's headers and cookies through `next/headers`, which only works inside Next's own request
 * scope; here that module answers from the request under test instead.
 */
import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { validationMessage } from "@/app/_lib/registration/errors";
import { hashPassword } from "@/app/_server/auth/passwords";
import { db } from "@/app/_server/db";
import { SIGN_IN_LIMITS } from "@/app/_server/accounts/sign-in-limits";
import { rateLimitKey } from "@/app/_server/rate-limit";
import { createActor } from "@/test/integration/actors";
import { GET, POST } from "./route";

let current: NextRequest | undefined;
const require = createRequire(import.meta.url);
const nextHeaders = require.resolve("next/headers", { paths: [require.resolve("next-auth")] });
require.cache[nextHeaders] = {
  id: nextHeaders,
  filename: nextHeaders,
  loaded: true,
  exports: { headers: async () => current!.headers, cookies: async () => current!.cookies },
} as unknown as NodeJS.Module;

const ORIGIN = "http://localhost:3000";
const PASSWORD = "correct horse battery staple";

const context = (path: string) => ({ params: Promise.resolve({ nextauth: path.split("/") }) });

async function send(
  handler: typeof GET,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<Response> {
  current = new NextRequest(`${ORIGIN}/api/auth/${path}`, init);
  return handler(current, context(path));
}

/** A browser's sign-in: the CSRF token and its cookie first, then the form as next-auth's `signIn` posts it. */
async function signIn(
  email: string,
  password: string,
  { client, origin = ORIGIN }: { client: string; origin?: string },
): Promise<Response> {
  const csrf = await send(GET, "csrf", { headers: { "x-forwarded-for": client } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  return send(POST, "callback/credentials", {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie,
      origin,
      "x-forwarded-for": client,
      "accept-language": "de",
    },
    body: new URLSearchParams({
      csrfToken,
      email,
      password,
      callbackUrl: `${ORIGIN}/de/admin`,
      json: "true",
    }).toString(),
  });
}

async function organizer(): Promise<string> {
  return (await createActor("organizer", { passwordHash: await hashPassword(PASSWORD) })).email;
}

const client = () => `198.51.100.${Math.floor(Math.random() * 250)}`;
const errorOf = async (response: Response) =>
  new URL(((await response.json()) as { url: string }).url).searchParams.get("error");

describe("POST /api/auth/callback/credentials", () => {
  it("signs in with the right password, and answers a wrong one as next-auth does", async () => {
    const email = await organizer();
    const wrong = await signIn(email, "not the password", { client: client() });
    expect(wrong.status).toBe(401);
    expect(await errorOf(wrong)).toBe("CredentialsSignin");

    const right = await signIn(email, PASSWORD, { client: client() });
    expect(right.status).toBe(200);
    expect(right.headers.getSetCookie().some((line) => line.startsWith("next-auth.session-token="))).toBe(
      true,
    );
  });

  it("answers the attempt past the limit with 429, Retry-After within the window and the error the sign-in form shows", async () => {
    const email = await organizer();
    const from = client();
    const limit = SIGN_IN_LIMITS.accountAndAddress.failures;
    for (let attempt = 0; attempt < limit; attempt += 1)
      expect((await signIn(email, "wrong", { client: from })).status).toBe(401);

    const limited = await signIn(email, PASSWORD, { client: from });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(SIGN_IN_LIMITS.accountAndAddress.windowSeconds);
    const body = (await limited.json()) as { url: string; error: { code: string; message: string } };
    // next-auth's client (`signIn(…, { redirect: false })`) hands the form this parameter as `error`.
    expect(new URL(body.url).searchParams.get("error")).toBe("rate_limited");
    expect(body.error).toEqual({ code: "rate_limited", message: validationMessage("rateLimited", "de") });
    expect(limited.headers.get("content-type")).toBe("application/json");
    expect(limited.headers.getSetCookie().some((line) => line.startsWith("next-auth.session-token="))).toBe(
      false,
    );

    // Counted once per failure: the refused attempt was given back.
    const counter = await db.rateLimit.findUniqueOrThrow({
      where: { key: await rateLimitKey("sign-in:account-address", `${email}\n${from}`) },
    });
    expect(counter.count).toBe(limit);

    // From another address the right password still works; other accounts are not touched either.
    expect((await signIn(email, PASSWORD, { client: client() })).status).toBe(200);
    expect((await signIn(await organizer(), PASSWORD, { client: from })).status).toBe(200);
  });

  it("says that an account is disabled only to the right password", async () => {
    const email = await organizer();
    await db.user.update({ where: { email }, data: { disabledAt: new Date() } });
    expect(await errorOf(await signIn(email, "a wrong guess", { client: client() }))).toBe(
      "CredentialsSignin",
    );
    expect(await errorOf(await signIn(email, PASSWORD, { client: client() }))).toBe("account_disabled");
  });

  it("refuses a sign-in posted from another site with 403, before next-auth counts or checks anything", async () => {
    const email = await organizer();
    const from = client();
    const before = await db.rateLimit.count();
    const response = await signIn(email, PASSWORD, { client: from, origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await db.rateLimit.count()).toBe(before);
  });
});

describe("POST /api/auth/signout", () => {
  it("refuses another site's Origin, and a cross-site Sec-Fetch-Site without Origin; programs without either pass", async () => {
    const post = (headers: Record<string, string>) =>
      send(POST, "signout", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
        body: "json=true",
      });
    expect((await post({ origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ "sec-fetch-site": "cross-site" })).status).toBe(403);
    // next-auth's own answer: without its CSRF token it sends the client to the sign-out page.
    expect((await post({ origin: ORIGIN })).status).toBe(200);
    expect((await post({})).status).toBe(200);
  });
});

/** The session cookie a successful sign-in set, as a browser would send it back. */
function sessionCookie(response: Response): string {
  const line = response.headers
    .getSetCookie()
    .find((candidate) => candidate.startsWith("next-auth.session-token="));
  expect(line).toBeDefined();
  return line!.split(";")[0]!;
}

const sessionFor = async (cookie: string) =>
  (await send(GET, "session", { headers: { cookie } })).json() as Promise<{ userId?: string }>;

describe("sessions the server ends", () => {
  it("ends the session at sign-out: the old cookie, replayed, gets no session and its row is gone", async () => {
    const email = await organizer();
    const { id } = await db.user.findUniqueOrThrow({ where: { email } });
    const cookie = sessionCookie(await signIn(email, PASSWORD, { client: client() }));
    expect(await sessionFor(cookie)).toMatchObject({ userId: id });
    expect(await db.userSession.count({ where: { userId: id } })).toBe(1);

    const csrf = await send(GET, "csrf", {});
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
    const signedOut = await send(POST, "signout", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: `${cookie}; ${csrfCookie}`,
        origin: ORIGIN,
      },
      body: new URLSearchParams({ csrfToken, json: "true" }).toString(),
    });
    expect(signedOut.status).toBe(200);
    expect(await db.userSession.count({ where: { userId: id } })).toBe(0);

    const printed = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      expect(await sessionFor(cookie)).toEqual({});
      expect(printed.mock.calls.map((call) => call.join(" "))).toEqual([
        "[auth] session cookie rejected (JWT_SESSION_ERROR)",
      ]);
    } finally {
      printed.mockRestore();
    }
  });

  it("never extends a session by use: asking for it does not move its end", async () => {
    const email = await organizer();
    const cookie = sessionCookie(await signIn(email, PASSWORD, { client: client() }));
    const { id, expiresAt } = await db.userSession.findFirstOrThrow({ where: { user: { email } } });
    await sessionFor(cookie);
    expect((await db.userSession.findUniqueOrThrow({ where: { id } })).expiresAt).toEqual(expiresAt);
    await db.userSession.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const printed = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      expect(await sessionFor(cookie)).toEqual({});
    } finally {
      printed.mockRestore();
    }
  });
});

describe("GET /api/auth/session", () => {
  it("answers a forged or expired session cookie with no session, clears it, and logs one line without the token", async () => {
    const { encode } = await import("next-auth/jwt");
    const { authSecret } = await import("@/app/_server/security/secret");
    const expired = await encode({
      token: { sub: "someone", email: "someone@example.org" },
      secret: await authSecret(),
      maxAge: -60,
    });
    const forged = `${expired.slice(0, 40)}${"A".repeat(40)}${expired.slice(80)}`;
    const printed = (["error", "warn", "log", "info"] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation(() => {}),
    );
    try {
      for (const token of [forged, expired]) {
        const response = await send(GET, "session", {
          headers: { cookie: `next-auth.session-token=${token}` },
        });
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({});
        expect(response.headers.getSetCookie().some((line) => /^next-auth\.session-token=;/.test(line))).toBe(
          true,
        );
      }
      const lines = printed.flatMap((spy) => spy.mock.calls.map((call) => call.map(String).join(" ")));
      expect(lines).toEqual([
        "[auth] session cookie rejected (JWT_SESSION_ERROR)",
        "[auth] session cookie rejected (JWT_SESSION_ERROR)",
      ]);
    } finally {
      printed.forEach((spy) => spy.mockRestore());
    }
  });
});
