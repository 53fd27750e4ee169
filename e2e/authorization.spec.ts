import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { may, type Permission } from "@/app/_lib/roles";
import {
  adminRoutes,
  backOfficeActions,
  backOfficePages,
  demoEmail,
  disabledAccountContext,
  expectedAccess,
  signedInContext,
  signedOutContext,
  signInWithForm,
  urlOf,
  type Visitor,
} from "./support/back-office";
import { expect, test } from "./fixtures";

/**
 * The authorization matrix: every back-office page, server action and admin route handler of the build
 * (read from its manifests, so a new one cannot be forgotten) × every kind of visitor. Visitors that try
 * to get past the proxy (the x-middleware-subrequest header of CVE-2025-29927, a forged session cookie,
 * the genuine cookie of a session that has signed out) must fare exactly like anonymous ones: each page,
 * action and handler checks for itself.
 */

/**
 * The permission each page needs. A page missing here fails the test: decide, then add it.
 * "ownAccount": one's own account, for every signed-in organizer.
 */
const PAGES: Record<string, Permission | "public" | "ownAccount"> = {
  "/[locale]/admin/sign-in/page": "public",
  "/[locale]/admin/password/[token]/page": "public",
  "/[locale]/admin/setup/[token]/page": "public",
  "/[locale]/admin/(console)/page": "openBackOffice",
  "/[locale]/admin/(console)/audit/page": "readAudit",
  "/[locale]/admin/(console)/accounts/page": "manageAccounts",
  "/[locale]/admin/(console)/accounts/[id]/page": "manageAccounts",
  "/[locale]/admin/(console)/account/page": "ownAccount",
  "/[locale]/admin/(console)/account/two-factor/page": "ownAccount",
  "/[locale]/admin/(console)/people/page": "editProgram",
  "/[locale]/admin/(console)/people/new/page": "editProgram",
  "/[locale]/admin/(console)/people/[id]/page": "editProgram",
  "/[locale]/admin/(console)/cities/page": "editProgram",
  "/[locale]/admin/(console)/cities/new/page": "editProgram",
  "/[locale]/admin/(console)/cities/[id]/page": "editProgram",
  "/[locale]/admin/(console)/meetings/new/page": "editProgram",
  "/[locale]/admin/(console)/meetings/[slug]/page": "editProgram",
  "/[locale]/admin/(console)/meetings/[slug]/rooms/page": "editProgram",
  "/[locale]/admin/(console)/meetings/[slug]/day/page": "editProgram",
  "/[locale]/admin/(console)/meetings/[slug]/sessions/page": "editProgram",
  "/[locale]/admin/(console)/meetings/[slug]/sessions/new/page": "editProgram",
  "/[locale]/admin/(console)/meetings/[slug]/sessions/[id]/page": "editProgram",
  "/[locale]/admin/(console)/meetings/[slug]/sessions/[id]/ceremony/page": "editProgram",
  "/[locale]/admin/(console)/meetings/[slug]/sessions/[id]/ceremony/print/page": "editProgram",
  "/[locale]/admin/(console)/meetings/[slug]/sessions/[id]/ceremony/live/page": "editProgram",
  "/[locale]/admin/(console)/meetings/[slug]/sessions/[id]/ceremony/crew/page": "editProgram",
  "/[locale]/admin/(console)/meetings/[slug]/registrations/page": "manageRegistrations",
  "/[locale]/admin/(console)/meetings/[slug]/registrations/[id]/page": "manageRegistrations",
  "/[locale]/admin/(console)/meetings/[slug]/delegations/page": "manageRegistrations",
  "/[locale]/admin/(console)/meetings/[slug]/visa-letters/page": "handleVisaLetters",
  "/[locale]/admin/(console)/meetings/[slug]/visa-letters/print/page": "handleVisaLetters",
  "/[locale]/admin/(console)/meetings/[slug]/messages/page": "writeToDelegates",
  "/[locale]/admin/(console)/meetings/[slug]/messages/[id]/page": "writeToDelegates",
  // The sheets of the registration list; one delegate's badge (`?id=`) needs only printBadge, below.
  "/[locale]/admin/(console)/meetings/[slug]/badges/page": "manageRegistrations",
  "/[locale]/admin/(console)/meetings/[slug]/check-in/page": "checkIn",
  "/[locale]/admin/(console)/meetings/[slug]/numbers/page": "readNumbers",
  "/[locale]/admin/(console)/outbox/page": "readNumbers",
  "/[locale]/admin/(console)/outbox/[id]/page": "readNumbers",
};

/** The permission of each file of server actions (all its exports). */
const ACTION_FILES: Record<string, Permission | "public" | "ownAccount"> = {
  "app/[locale]/admin/(console)/accounts/actions.ts": "manageAccounts",
  "app/[locale]/admin/(console)/accounts/[id]/actions.ts": "manageAccounts",
  "app/[locale]/admin/(console)/account/actions.ts": "ownAccount",
  "app/[locale]/admin/(console)/accounts/two-factor-actions.ts": "manageAccounts",
  "app/[locale]/admin/(console)/account/two-factor/actions.ts": "ownAccount",
  "app/[locale]/admin/(console)/meetings/new/actions.ts": "editProgram",
  "app/[locale]/admin/(console)/meetings/[slug]/actions.ts": "editProgram",
  "app/[locale]/admin/(console)/meetings/[slug]/rooms/actions.ts": "editProgram",
  "app/[locale]/admin/(console)/people/actions.ts": "editProgram",
  "app/[locale]/admin/(console)/cities/actions.ts": "editProgram",
  "app/[locale]/admin/(console)/meetings/[slug]/sessions/actions.ts": "editProgram",
  "app/[locale]/admin/(console)/meetings/[slug]/sessions/[id]/ceremony/actions.ts": "editProgram",
  "app/[locale]/admin/(console)/meetings/[slug]/registrations/actions.ts": "manageRegistrations",
  "app/[locale]/admin/(console)/meetings/[slug]/visa-letters/actions.ts": "handleVisaLetters",
  "app/[locale]/admin/(console)/meetings/[slug]/messages/actions.ts": "writeToDelegates",
  "app/[locale]/admin/(console)/meetings/[slug]/check-in/actions.ts": "checkIn",
  "app/[locale]/admin/(console)/outbox/actions.ts": "readNumbers",
  // The one-time link in the form is the credential; rate-limited per client address.
  "app/[locale]/admin/password/[token]/actions.ts": "public",
  "app/[locale]/admin/setup/[token]/actions.ts": "public",
};

/** The permission of each admin route handler. */
const ROUTES: Record<string, Permission> = {
  "/api/admin/meetings/[slug]/sessions/[id]/run-of-show.ics/route": "editProgram",
  "/api/admin/meetings/[slug]/sessions/[id]/live/route": "editProgram",
  "/api/admin/meetings/[slug]/registrations.csv/route": "manageRegistrations",
  "/api/admin/meetings/[slug]/registrations.xlsx/route": "manageRegistrations",
};

/** The sentences an action answers with when it refuses, in English (the matrix posts to /en/ pages). */
const en = (
  JSON.parse(readFileSync("app/_lib/i18n/messages/en.json", "utf8")) as {
    validation: { unauthenticated: string; forbidden: string };
  }
).validation;

/**
 * The form state an action answered with, read from the React Server Components payload (which also
 * carries the page's messages, so searching the whole body for a sentence would prove nothing).
 */
function actionAnswer(body: string): { ok: boolean; message?: string } {
  const line = body.split("\n").find((row) => /^\d+:\{"ok":/.test(row));
  if (!line) throw new Error(`No form state in the answer:\n${body.slice(0, 500)}`);
  return JSON.parse(line.slice(line.indexOf(":") + 1)) as { ok: boolean; message?: string };
}

const MATRIX_EMAIL = `matrix-${Date.now()}@example.org`;

/** Registers a delegate through the public API; returns the registration's id. */
async function registerDelegate(request: APIRequestContext): Promise<string> {
  const response = await request.post("/api/meetings/2017/registrations", {
    data: {
      givenName: "Matrix",
      familyName: "Probe",
      cityOther: "Hannover",
      role: "guest",
      email: MATRIX_EMAIL,
      language: "en",
      privacyConsent: true,
    },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test.describe("authorization matrix", () => {
  test.skip(({ isMobile }) => isMobile, "Plain HTTP: one project is enough.");
  // Every page, action and route for six kinds of visitor: some hundred requests a test, more with
  // every page the back office gains.
  test.describe.configure({ mode: "serial", timeout: 120_000 });

  const visitors = new Map<Visitor | "proxy-bypass" | "forged-cookie" | "signed-out", APIRequestContext>();
  let parameters: Record<string, string>;
  /**
   * What [id] names on each kind of page: a session by default, a person, a registration, an email, an
   * account, a city, a message to delegates.
   */
  const ids: Record<"person" | "registration" | "email" | "account" | "city" | "message", string> = {
    person: "",
    registration: "",
    email: "",
    account: "",
    city: "",
    message: "",
  };
  const parametersOf = (route: string) => {
    const kind = route.includes("/people/")
      ? "person"
      : route.includes("/registrations/")
        ? "registration"
        : route.includes("/outbox/")
          ? "email"
          : route.includes("/accounts/")
            ? "account"
            : route.includes("/cities/")
              ? "city"
              : route.includes("/messages/")
                ? "message"
                : null;
    return kind ? { ...parameters, id: ids[kind] } : parameters;
  };
  let baseURL: string;

  test.beforeAll(async ({ playwright, browser }, info) => {
    baseURL = info.project.use.baseURL!;
    visitors.set("anonymous", await playwright.request.newContext({ baseURL }));
    visitors.set(
      "proxy-bypass",
      await playwright.request.newContext({
        baseURL,
        extraHTTPHeaders: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
      }),
    );
    visitors.set(
      "forged-cookie",
      await playwright.request.newContext({
        baseURL,
        extraHTTPHeaders: {
          cookie: "next-auth.session-token=forged.token.value; __Secure-next-auth.session-token=forged",
        },
      }),
    );
    for (const role of ["checkin", "organizer", "admin"] as const)
      visitors.set(role, await signedInContext(baseURL, demoEmail(role)));
    visitors.set("signed-out", await signedOutContext(baseURL, demoEmail("admin")));
    visitors.set("disabled", await disabledAccountContext(baseURL, browser));
    const { sessions } = (await (
      await visitors.get("anonymous")!.get("/api/meetings/2017/agenda")
    ).json()) as {
      sessions: { id: string; kind: string; speakers: { id: string }[] }[];
    };
    const ceremony = sessions.find((session) => session.kind === "ceremony")!;
    parameters = { locale: "en", slug: "2017", id: ceremony.id, token: "x".repeat(43) };
    // On the people pages, [id] is a person: a speaker of the ceremony.
    ids.person = ceremony.speakers[0]?.id ?? sessions.flatMap((session) => session.speakers)[0]!.id;
    // A registration of its own, and its confirmation email as the outbox lists it to organizers.
    ids.registration = await registerDelegate(visitors.get("anonymous")!);
    const outbox = await (
      await visitors.get("organizer")!.get(`/en/admin/outbox?q=${encodeURIComponent(MATRIX_EMAIL)}`)
    ).text();
    ids.email = /\/en\/admin\/outbox\/([A-Za-z0-9_-]+)/.exec(outbox)?.[1] ?? "";
    expect(ids.email, "the matrix delegate's email in the outbox").not.toBe("");
    const accounts = await (await visitors.get("admin")!.get("/en/admin/accounts")).text();
    ids.account = /\/en\/admin\/accounts\/([A-Za-z0-9_-]+)/.exec(accounts)?.[1] ?? "";
    expect(ids.account, "an account on the accounts page").not.toBe("");
    const cities = await (await visitors.get("organizer")!.get("/en/admin/cities")).text();
    ids.city = /\/en\/admin\/cities\/((?!new")[A-Za-z0-9_-]+)"/.exec(cities)?.[1] ?? "";
    expect(ids.city, "a city on the cities page").not.toBe("");
    // A draft of a message to delegates, started as an organizer starts one.
    const organizerPage = await browser.newPage({ baseURL });
    await signInWithForm(organizerPage, "en", demoEmail("organizer"));
    await organizerPage.goto("/en/admin/meetings/2017/messages");
    await organizerPage.getByRole("button", { name: "New message" }).click();
    await organizerPage.waitForURL(/\/messages\/[A-Za-z0-9_-]+/);
    ids.message = /\/messages\/([A-Za-z0-9_-]+)/.exec(organizerPage.url())![1]!;
    await organizerPage.close();
  });

  test.afterAll(async () => {
    for (const context of visitors.values()) await context.dispose();
  });

  const asVisitor = (name: string): Visitor =>
    ["proxy-bypass", "forged-cookie", "signed-out"].includes(name) ? "anonymous" : (name as Visitor);

  test("every back-office page answers each visitor as its permission says", async () => {
    const pages = backOfficePages();
    expect(
      pages.filter((page) => !(page in PAGES)),
      "pages without a declared permission",
    ).toEqual([]);
    for (const page of pages) {
      const url = urlOf(page, parametersOf(page));
      for (const [name, context] of visitors) {
        const expected = expectedAccess(asVisitor(name), PAGES[page]!, may);
        const response = await context.get(url, { maxRedirects: 0 });
        const where = `${name} GET ${url}`;
        // Public: open to every visitor alike. The sign-in page sends a signed-in visitor on (307); a link
        // page may answer the matrix's dead token with 404 and a page that says so.
        if (expected === "public")
          expect(page.includes("[token]") ? [200, 404] : [200, 307], where).toContain(response.status());
        else if (expected === "allowed") expect(response.status(), where).toBe(200);
        else if (expected === "forbidden") expect(response.status(), where).toBe(403);
        else {
          expect(response.status(), where).toBe(307);
          expect(response.headers().location, where).toContain("/en/admin/sign-in");
        }
      }
    }
  });

  test("one delegate's badge answers each visitor as printBadge says: check-in staff print it at the desk", async () => {
    const url = `/en/admin/meetings/2017/badges?id=${ids.registration}`;
    for (const [name, context] of visitors) {
      const expected = expectedAccess(asVisitor(name), "printBadge", may);
      const response = await context.get(url, { maxRedirects: 0 });
      const status = { allowed: 200, forbidden: 403, unauthenticated: 307, public: 200 }[expected];
      expect(response.status(), `${name} GET ${url}`).toBe(status);
    }
    expect(may("checkin", "printBadge")).toBe(true);
  });

  test("every back-office server action checks who calls it before it reads the form", async () => {
    const actions = backOfficeActions();
    expect(actions.length).toBeGreaterThan(0);
    expect(
      [...new Set(actions.map((action) => action.file))].filter((file) => !(file in ACTION_FILES)),
      "action files without a declared permission",
    ).toEqual([]);
    for (const action of actions) {
      const permission = ACTION_FILES[action.file]!;
      if (permission === "public") continue;
      const url = urlOf(action.page, parametersOf(action.page));
      for (const [name, context] of visitors) {
        const expected = expectedAccess(asVisitor(name), permission, may);
        const response = await context.post(url, {
          headers: {
            "next-action": action.id,
            "content-type": "text/plain;charset=UTF-8",
            accept: "text/x-component",
            origin: baseURL,
          },
          data: "[]",
          maxRedirects: 0,
        });
        const where = `${name} → ${action.file}#${action.name}`;
        if (response.status() === 307) {
          // Only the proxy's redirect of a visitor without any session cookie.
          expect(expected, where).toBe("unauthenticated");
          expect(response.headers().location, where).toContain("/admin/sign-in");
          continue;
        }
        expect(response.status(), where).toBe(200);
        const answer = actionAnswer(await response.text());
        expect(answer.ok, where).toBe(false);
        if (expected === "unauthenticated") expect(answer.message, where).toBe(en.unauthenticated);
        else if (expected === "forbidden") expect(answer.message, where).toBe(en.forbidden);
        // Let in: the empty, hand-made request is then refused as such, by the form's own checks.
        else expect([en.unauthenticated, en.forbidden], where).not.toContain(answer.message);
      }
    }
  });

  /**
   * A route's status for a visitor. An event stream (the live show's) never ends, so its status is read from
   * the headers, with the visitor's cookies, and the stream is let go at once.
   */
  async function statusOf(context: APIRequestContext, url: string): Promise<number> {
    if (!url.endsWith("/live")) return (await context.get(url, { maxRedirects: 0 })).status();
    const { cookies } = await context.storageState();
    const controller = new AbortController();
    const response = await fetch(new URL(url, baseURL), {
      headers: { cookie: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ") },
      redirect: "manual",
      signal: controller.signal,
    });
    controller.abort();
    return response.status;
  }

  test("every admin route handler answers 401, 403 or 200", async () => {
    const routes = adminRoutes();
    expect(
      routes.filter((route) => !(route in ROUTES)),
      "routes without a declared permission",
    ).toEqual([]);
    for (const route of routes) {
      const url = urlOf(route, parameters);
      for (const [name, context] of visitors) {
        const expected = expectedAccess(asVisitor(name), ROUTES[route]!, may);
        const status = await statusOf(context, url);
        expect(status, `${name} GET ${url}`).toBe(
          { allowed: 200, forbidden: 403, unauthenticated: 401, public: 200 }[expected],
        );
      }
    }
  });
});
