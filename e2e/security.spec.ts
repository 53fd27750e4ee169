import { randomUUID } from "node:crypto";
import type { APIResponse, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { demoEmail, signInWithForm } from "./support/back-office";

/**
 * Security headers on every kind of response, the pages' nonce, and every page that does something
 * unusual (QR codes, drag and drop, the camera, a sandboxed email frame, print views) running without a
 * single Content-Security-Policy violation.
 */
test.skip(
  ({ isMobile }) => isMobile,
  "Headers do not depend on the device; registers a delegate in the shared demo meeting.",
);

// The check-in desk's scanner needs a camera: Chromium's fake one, allowed without asking.
test.use({
  launchOptions: async ({ launchOptions }, use) => {
    await use({
      ...launchOptions,
      args: [
        ...(launchOptions.args ?? []),
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
      ],
    });
  },
});

const EVERYWHERE = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "strict-transport-security": "max-age=63072000; includeSubDomains",
};
const NOT_A_PAGE = "default-src 'none'; frame-ancestors 'none'";

function expectHeaders(response: APIResponse, expected: Record<string, string>): void {
  const headers = response.headers();
  expect(
    Object.fromEntries(Object.keys(expected).map((name) => [name, headers[name]])),
    response.url(),
  ).toEqual(expected);
}

/** The nonce of a page's policy, after checking that the policy allows scripts by nonce alone. */
function nonceOf(response: APIResponse): string {
  const policy = response.headers()["content-security-policy"]!;
  const scripts = /(?:^|;\s*)script-src ([^;]*)/.exec(policy)![1]!;
  expect(scripts).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(scripts).toContain("'strict-dynamic'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  return /'nonce-([^']+)'/.exec(scripts)![1]!;
}

async function registerByApi(page: Page): Promise<string> {
  const response = await page.request.post("/api/meetings/2017/registrations", {
    data: {
      givenName: "Lina",
      familyName: "Policy",
      email: `security-${randomUUID().slice(0, 8)}@example.org`,
      role: "delegate",
      language: "en",
      cityOther: "Hefei",
      sessionIds: [],
      privacyConsent: true,
    },
  });
  expect(response.status()).toBe(201);
  return new URL(((await response.json()) as { manageUrl: string }).manageUrl).pathname;
}

/** Records every CSP violation of the page and its frames: the DOM event and Chromium's console report. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  void page.exposeFunction("__reportViolation", (text: string) => violations.push(text));
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportViolation(text: string): void }).__reportViolation(
        `${location.href}: ${event.violatedDirective} blocked ${event.blockedURI}`,
      );
    });
  });
  return violations;
}

/** Opens a page and waits until the network has been quiet for a moment: its scripts, hydration and the chunks loaded after it have run. */
async function visit(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await page.waitForLoadState("networkidle");
}

test("every kind of response carries the security headers; pages a new nonce each, on all of Next's scripts", async ({
  request,
}) => {
  const page = await request.get("/en/meetings/2017");
  expectHeaders(page, { ...EVERYWHERE, "referrer-policy": "strict-origin-when-cross-origin" });
  const again = await request.get("/en/meetings/2017");
  const [first, second] = [nonceOf(page), nonceOf(again)];
  expect(first).not.toBe(second);
  const scripts = (await page.text()).match(/<script\b[^>]*>/g)!;
  expect(scripts.length).toBeGreaterThan(3);
  for (const script of scripts) expect(script).toContain(`nonce="${first}"`);

  // The agenda comes from the page cache (app/_http/page-cache.ts): the same page, a new nonce each time.
  const navigation = { accept: "text/html,application/xhtml+xml", "sec-fetch-dest": "document" };
  const agendas = [
    await request.get("/de/meetings/2017/agenda", { headers: navigation }),
    await request.get("/de/meetings/2017/agenda", { headers: navigation }),
  ];
  const nonces = agendas.map(nonceOf);
  expect(nonces[0]).not.toBe(nonces[1]);
  const bodies = await Promise.all(agendas.map((agenda) => agenda.text()));
  bodies.forEach((body, index) => {
    const tags = body.match(/<script\b[^>]*>/g)!;
    expect(tags.length).toBeGreaterThan(3);
    for (const tag of tags) expect(tag).toContain(`nonce="${nonces[index]}"`);
  });
  expect(bodies[0]!.replaceAll(nonces[0]!, "")).toBe(bodies[1]!.replaceAll(nonces[1]!, ""));
  // The cache's own render request, without its secret, is a request like any other: were the placeholder
  // handed out, both would carry the same "nonce".
  const guessed = { "x-page-cache-render": "guess" };
  const guesses = [
    await request.get("/de/meetings/2017/agenda", { headers: guessed }),
    await request.get("/de/meetings/2017/agenda", { headers: guessed }),
  ];
  expect(nonceOf(guesses[0]!)).not.toBe(nonceOf(guesses[1]!));

  const backOffice = await request.get("/en/admin/sign-in");
  expectHeaders(backOffice, { ...EVERYWHERE, "referrer-policy": "strict-origin-when-cross-origin" });
  nonceOf(backOffice);

  for (const path of [
    "/api/meetings/2017/agenda",
    "/calendar/2017.ics",
    "/api/no-such-thing",
    "/no-such-file.txt",
  ]) {
    expectHeaders(await request.get(path), {
      ...EVERYWHERE,
      "referrer-policy": "strict-origin-when-cross-origin",
      "content-security-policy": NOT_A_PAGE,
    });
  }
  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(await again.text())![1]!;
  expectHeaders(await request.get(script), { ...EVERYWHERE, "content-security-policy": NOT_A_PAGE });

  // Secret addresses keep their stricter Referrer-Policy.
  expectHeaders(await request.get(`/calendar/personal/${"x".repeat(43)}.ics`), {
    ...EVERYWHERE,
    "referrer-policy": "no-referrer",
    "content-security-policy": NOT_A_PAGE,
  });
  // The manage page's goes to the app only, so that its forms work without JavaScript (next.config.js).
  expectHeaders(await request.get(`/en/manage/${"x".repeat(43)}`), {
    ...EVERYWHERE,
    "referrer-policy": "same-origin",
  });

  // A form (a server action) posted from another site is refused before it reaches the page.
  const forged = await request.post("/en/meetings/2017/register", {
    headers: { origin: "https://evil.example", "next-action": "0".repeat(42) },
    form: { email: "x@example.org" },
  });
  expect(forged.status()).toBe(403);
});

test("the public pages, the form, the manage page and sign-in run without a CSP violation", async ({
  page,
  demo,
}) => {
  const violations = watchViolations(page);
  const manage = await registerByApi(page);
  for (const path of [
    "/en",
    "/zh/meetings/2017",
    "/de/meetings/2017/agenda",
    `/en/meetings/2017/sessions/${demo.ceremony}`,
    "/en/cities",
    "/zh/privacy",
    "/en/meetings/2017/register",
    "/en/manage",
    manage,
    "/en/admin/sign-in",
  ]) {
    await visit(page, path);
  }
  await expect(page.locator("#email")).toBeVisible();
  expect(violations).toEqual([]);
});

test("the back office, its drag-and-drop pages and print views run without a CSP violation", async ({
  page,
  demo,
}) => {
  const violations = watchViolations(page);
  await signInWithForm(page, "en", demoEmail("organizer"));
  for (const path of [
    "/en/admin/meetings/2017/day",
    `/en/admin/meetings/2017/sessions/${demo.ceremony}/ceremony`,
    `/en/admin/meetings/2017/sessions/${demo.ceremony}/ceremony/print`,
    "/en/admin/meetings/2017/numbers",
    "/en/admin/meetings/2017/badges",
  ]) {
    await visit(page, path);
  }
  expect(violations).toEqual([]);
});

test("the check-in camera with its QR reader, and an email in its sandboxed frame, run without a CSP violation", async ({
  page,
}) => {
  const violations = watchViolations(page);
  await registerByApi(page);
  await signInWithForm(page, "en", demoEmail("organizer"));

  await visit(page, "/en/admin/meetings/2017/check-in");
  await page.getByRole("button", { name: "Start camera" }).click();
  // The fake camera's picture is playing: the QR reader (loaded when the camera starts) reads its frames.
  await expect
    .poll(() => page.locator("video").evaluate((video: HTMLVideoElement) => video.readyState))
    .toBeGreaterThanOrEqual(2);
  await page.waitForLoadState("networkidle");

  await visit(page, "/en/admin/outbox");
  await visit(page, (await page.locator('a[href*="/admin/outbox/"]').first().getAttribute("href"))!);
  await expect(page.locator("iframe[sandbox='']")).toBeVisible();
  expect(violations).toEqual([]);
});
