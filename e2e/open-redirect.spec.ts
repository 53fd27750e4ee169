import { request as httpRequest } from "node:http";
import type { Page } from "@playwright/test";
import { HARMLESS_PAYLOADS, LOCAL_PATHS, OPEN_REDIRECT_PAYLOADS } from "../test/open-redirect-payloads";
import { expect, test } from "./fixtures";
import { DEMO_PASSWORD, demoEmail, signedInContext } from "./support/back-office";

/**
 * No address handed to the site sends the browser to another one: every payload of the shared list
 * (test/open-redirect-payloads.ts) goes through the real sign-in form, the sign-in page of a visitor who
 * is already signed in, next-auth's own endpoints, and the language and sign-in redirects of the proxy.
 * Whatever the browser or a Location header makes of it, the origin stays the app's own.
 */
test.skip(
  ({ isMobile }) => isMobile,
  "Redirects do not depend on the device; one project signs in with the whole list.",
);

const signInPage = (target: string) => `/en/admin/sign-in?callbackUrl=${encodeURIComponent(target)}`;

/** Signs in through the form on the sign-in page for `target`, and returns where the browser ends up. */
async function signInTowards(page: Page, target: string): Promise<URL> {
  await page.context().clearCookies();
  await page.goto(signInPage(target));
  await page.locator("#email").fill(demoEmail("admin"));
  await page.locator("#password").fill(DEMO_PASSWORD);
  await page.locator("form button[type=submit]").click();
  // Where the browser went is known once the answer (after any redirect) arrives; the page may load on.
  await page.waitForURL((url) => url.pathname !== "/en/admin/sign-in", { waitUntil: "commit" });
  return new URL(page.url());
}

/**
 * A page that records every attempt to open another site and answers it with an empty page, so that the
 * browser arrives there (and the test says which payload took it where) without anything leaving this
 * machine. It also skips the links' prefetches (`?_rsc=`), which only cost the server time here.
 */
async function watchedPage(page: Page, origin: string): Promise<string[]> {
  const elsewhere: string[] = [];
  await page.route(
    (url) => url.origin !== origin || url.searchParams.has("_rsc"),
    (route) => {
      if (new URL(route.request().url()).origin === origin) return route.abort();
      elsewhere.push(route.request().url());
      return route.fulfill({ contentType: "text/html", body: "" });
    },
  );
  page.on("dialog", (dialog) => {
    elsewhere.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return elsewhere;
}

test.describe.configure({ mode: "parallel" });

// Two halves of the list, so that the two workers share the form's sign-ins.
const halves = [
  OPEN_REDIRECT_PAYLOADS.filter((_, index) => index % 2 === 0),
  OPEN_REDIRECT_PAYLOADS.filter((_, index) => index % 2 === 1),
];

for (const [half, payloads] of halves.entries()) {
  test(`the sign-in form sends nobody to another site (payloads, part ${half + 1})`, async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    const origin = new URL(baseURL!).origin;
    const elsewhere = await watchedPage(page, origin);
    for (const payload of payloads) {
      const landed = await signInTowards(page, payload);
      expect(landed.origin, JSON.stringify(payload)).toBe(origin);
    }
    expect(elsewhere).toEqual([]);
  });
}

test("the sign-in form leads to the path asked for", async ({ page, baseURL }) => {
  const elsewhere = await watchedPage(page, new URL(baseURL!).origin);
  for (const path of LOCAL_PATHS) {
    const landed = await signInTowards(page, path);
    expect(`${landed.pathname}${landed.search}`).toBe(path);
    await expect(page.getByTestId("signed-in-as")).toBeVisible();
  }
  expect(elsewhere).toEqual([]);
});

test("a signed-in visitor on the sign-in page is sent on by the server, on this site", async ({
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const api = await signedInContext(baseURL!, demoEmail("organizer"));
  for (const target of [...OPEN_REDIRECT_PAYLOADS, ...LOCAL_PATHS]) {
    const response = await api.get(signInPage(target), { maxRedirects: 0 });
    expect(response.status(), JSON.stringify(target)).toBe(307);
    const location = new URL(response.headers().location!, origin);
    expect(location.origin, JSON.stringify(target)).toBe(origin);
    if (LOCAL_PATHS.includes(target)) expect(`${location.pathname}${location.search}`).toBe(target);
    else if (!HARMLESS_PAYLOADS.includes(target))
      expect(location.pathname, JSON.stringify(target)).toBe("/en/admin");
  }
  await api.dispose();
});

test("next-auth's sign-in and sign-out send nobody to another site", async ({ playwright, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const api = await playwright.request.newContext({ baseURL });
  for (const callbackUrl of OPEN_REDIRECT_PAYLOADS) {
    const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
    // As a form without script would post it: the answer is a redirect.
    const signedIn = await api.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: demoEmail("organizer"), password: DEMO_PASSWORD, callbackUrl },
      maxRedirects: 0,
    });
    expect(signedIn.status(), JSON.stringify(callbackUrl)).toBe(302);
    expect(new URL(signedIn.headers().location!, origin).origin, JSON.stringify(callbackUrl)).toBe(origin);
    // As next-auth's client posts it: the address comes back in the body, and the browser goes there.
    const signedOut = await api.post("/api/auth/signout", { form: { csrfToken, callbackUrl, json: "true" } });
    const { url } = (await signedOut.json()) as { url: string };
    expect(new URL(url, origin).origin, JSON.stringify(callbackUrl)).toBe(origin);
  }
  await api.dispose();
});

/** GET with the request target exactly as given (Playwright and fetch would resolve "//host" first). */
function rawGet(
  origin: string,
  target: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; location?: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ hostname, port, path: target, headers }, (response) => {
      response.resume();
      resolve({ status: response.statusCode!, location: response.headers.location });
    });
    request.on("error", reject);
    request.end();
  });
}

test("the proxy's language and sign-in redirects keep the request's path on this site", async ({
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  // A request target cannot hold spaces, controls or non-ASCII characters: those go percent-encoded, as a
  // browser sends them; backslashes and escapes go as they are.
  const paths = OPEN_REDIRECT_PAYLOADS.filter((payload) => payload.startsWith("/")).map((payload) =>
    payload.replace(/[^\u0021-\u007e]/gu, encodeURIComponent),
  );
  let redirects = 0;
  for (const path of paths.flatMap((path) => [path, `/en/admin${path}`])) {
    const { status, location } = await rawGet(origin, path);
    if (location === undefined) continue;
    redirects++;
    expect([301, 302, 303, 307, 308], path).toContain(status);
    expect(new URL(location, origin).origin, path).toBe(origin);
  }
  expect(redirects).toBeGreaterThan(paths.length);
  // The host the request names is not where the redirect goes either.
  const named: Record<string, string>[] = [
    { host: "evil.example" },
    { "x-forwarded-host": "evil.example" },
    { forwarded: "host=evil.example" },
  ];
  for (const headers of named) {
    for (const path of ["/en/admin", "/admin", "/"]) {
      const { location } = await rawGet(origin, path, headers);
      expect(new URL(location!, origin).origin, `${path} ${JSON.stringify(headers)}`).toBe(origin);
    }
  }
});
