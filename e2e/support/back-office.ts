import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import {
  request as playwrightRequest,
  type APIRequestContext,
  type Browser,
  type Page,
} from "@playwright/test";
import type { Permission, UserRole } from "@/app/_lib/roles";

/** The demo's accounts (prisma/seed-data/demo-accounts.ts), created in embedded mode. */
export const DEMO_PASSWORD = "Hannover-Messe-2017";
export const demoEmail = (role: UserRole) => `${role}@demo.example`;

/**
 * Signs in through next-auth's own endpoints, as the sign-in form does: CSRF token, then the credentials
 * callback. The returned context carries the session cookie.
 */
export async function signedInContext(
  baseURL: string,
  email: string,
  password = DEMO_PASSWORD,
): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  if (response.status() !== 200) throw new Error(`Sign-in as ${email} answered ${response.status()}`);
  return context;
}

/**
 * A client that replays the cookie of a session that has signed out (next-auth's sign-out, with its CSRF
 * token), as whoever copied the cookie before would: it must open nothing.
 */
export async function signedOutContext(baseURL: string, email: string): Promise<APIRequestContext> {
  const session = await signedInContext(baseURL, email);
  const cookie = (await session.storageState()).cookies.find((candidate) =>
    candidate.name.endsWith("next-auth.session-token"),
  );
  if (!cookie) throw new Error(`No session cookie for ${email}`);
  const { csrfToken } = (await (await session.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signOut = await session.post("/api/auth/signout", { form: { csrfToken, json: "true" } });
  if (signOut.status() !== 200) throw new Error(`Sign-out answered ${signOut.status()}`);
  await session.dispose();
  return playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: `${cookie.name}=${cookie.value}` },
  });
}

/** Signs a browser page in through the form. */
export async function signInWithForm(
  page: Page,
  locale: string,
  email: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`/${locale}/admin/sign-in`);
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.locator("form button[type=submit]").click();
  await page.getByTestId("signed-in-as").waitFor();
}

type Manifest = Record<string, string>;
type ActionManifest = {
  node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
};

/** Every back-office page of the build, e.g. "/[locale]/admin/(console)/audit/page". */
export function backOfficePages(): string[] {
  const manifest = JSON.parse(readFileSync(".next/server/app-paths-manifest.json", "utf8")) as Manifest;
  return Object.keys(manifest).filter(
    (route) => route.startsWith("/[locale]/admin") && route.endsWith("/page"),
  );
}

/** Every admin route handler of the build, e.g. "/api/admin/meetings/[slug]/…/route". */
export function adminRoutes(): string[] {
  const manifest = JSON.parse(readFileSync(".next/server/app-paths-manifest.json", "utf8")) as Manifest;
  return Object.keys(manifest).filter((route) => route.startsWith("/api/admin/") && route.endsWith("/route"));
}

export type ServerAction = { id: string; file: string; name: string; page: string };

/** Every server action of the back office with the id the build gave it and a page that serves it. */
export function backOfficeActions(): ServerAction[] {
  const manifest = JSON.parse(
    readFileSync(".next/server/server-reference-manifest.json", "utf8"),
  ) as ActionManifest;
  return Object.entries(manifest.node)
    .filter(([, action]) => action.filename.startsWith("app/[locale]/admin/"))
    .map(([id, action]) => ({
      id,
      file: action.filename,
      name: action.exportedName,
      page: `/${Object.keys(action.workers)[0]!.replace(/^app\//, "")}`,
    }));
}

/** A concrete URL for a route pattern: groups and the trailing /page or /route dropped, parameters filled. */
export function urlOf(route: string, parameters: Record<string, string>): string {
  return route
    .replace(/\/\([^)]+\)/g, "")
    .replace(/\/(page|route)$/, "")
    .replace(/\[(\w+)\]/g, (_, name: string) => {
      const value = parameters[name];
      if (value === undefined) throw new Error(`No value for [${name}] in ${route}`);
      return value;
    });
}

export type Visitor = "anonymous" | UserRole | "disabled";

/**
 * What a visitor should get: allowed, or the refusal for who they are. "ownAccount": one's own account,
 * open to every signed-in organizer.
 */
export function expectedAccess(
  visitor: Visitor,
  permission: Permission | "public" | "ownAccount",
  may: (role: UserRole, permission: Permission) => boolean,
) {
  if (permission === "public") return "public";
  if (visitor === "anonymous" || visitor === "disabled") return "unauthenticated";
  if (permission === "ownAccount") return "allowed";
  return may(visitor, permission) ? "allowed" : "forbidden";
}

/**
 * A new account with DEMO_PASSWORD, made as an admin makes one: invite (with `page`, signed in as the
 * admin), then set the password from the one-time link shown. For tests that change an account.
 */
export async function invitedAccount(
  page: Page,
  role: UserRole,
  label = "Invited",
): Promise<{ email: string; name: string }> {
  const name = `${label} ${randomUUID().slice(0, 8)}`;
  const email = `${name.replaceAll(" ", "-").toLowerCase()}@demo.example`;
  await page.goto("/en/admin/accounts");
  const invite = page.getByRole("form", { name: "Invite an account" });
  await invite.locator("input[name=email]").fill(email);
  await invite.locator("input[name=name]").fill(name);
  await invite.locator("select[name=role]").selectOption(role);
  await invite.locator("button[type=submit]").click();
  const link = await page.getByTestId("one-time-link").locator("code").textContent();
  await page.goto(link!);
  await page.locator("#password").fill(DEMO_PASSWORD);
  await page.locator("#passwordRepeat").fill(DEMO_PASSWORD);
  await page.locator("form button[type=submit]").click();
  await page.getByRole("link", { name: "Go to sign-in" }).waitFor();
  return { email, name };
}

/**
 * An account with a valid session cookie that an admin then disables, through the back office as an
 * admin would: invite, set the password from the one-time link, sign in, disable.
 */
export async function disabledAccountContext(baseURL: string, browser: Browser): Promise<APIRequestContext> {
  const page = await browser.newPage({ baseURL });
  try {
    await signInWithForm(page, "en", demoEmail("admin"));
    const { email, name } = await invitedAccount(page, "organizer", "Disabled");
    const context = await signedInContext(baseURL, email);
    await page.goto("/en/admin/accounts");
    const row = page.locator("tr", { hasText: name });
    await row.getByLabel(`Yes, disable ${name}`).check();
    await row.getByRole("button", { name: "Disable" }).click();
    await row.getByText("disabled", { exact: true }).waitFor();
    return context;
  } finally {
    await page.close();
  }
}
