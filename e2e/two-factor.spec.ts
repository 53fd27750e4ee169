import type { Browser, BrowserContext, Page } from "@playwright/test";
import { DEMO_PASSWORD, demoEmail, invitedAccount, signInWithForm } from "./support/back-office";
import { enrol, nextCode, signInWithCodeForm } from "./support/two-factor";
import { expect, test } from "./fixtures";

/**
 * Two-factor sign-in in the browser: an organizer sets it up with codes computed here from the key the
 * page shows (as an authenticator app would), signs in with a code and with a recovery code, and an admin
 * resets it. (A role that requires it is tried on a server of its own, e2e/first-admin.spec.ts: the
 * requirement would reach the demo accounts other specs use at the same time.)
 */

/**
 * Signs the browser context in through next-auth's endpoints with a code as the form's second step
 * sends it; true when a session began.
 */
async function signInWithCode(context: BrowserContext, email: string, code: string): Promise<boolean> {
  const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: DEMO_PASSWORD, code, json: "true" },
    maxRedirects: 0,
  });
  return response.status() === 200;
}

async function newAdminPage(browser: Browser, baseURL: string): Promise<Page> {
  const page = await browser.newPage({ baseURL });
  await signInWithForm(page, "en", demoEmail("admin"));
  return page;
}

test.describe("two-factor sign-in", () => {
  test.skip(({ isMobile }) => isMobile, "One project is enough.");

  test("an organizer sets it up, signs in with a code and with a recovery code, and an admin resets it", async ({
    browser,
  }, info) => {
    const baseURL = info.project.use.baseURL!;
    const admin = await newAdminPage(browser, baseURL);
    const { email, name } = await invitedAccount(admin, "organizer", "Zweifaktor");

    const context = await browser.newContext({ baseURL, locale: "de-DE" });
    const page = await context.newPage();
    await signInWithForm(page, "de", email);
    await page.getByRole("link", { name: "Zwei-Faktor-Anmeldung" }).click();
    await expect(page.getByTestId("two-factor-status")).toContainText("ausgeschaltet");
    // The password is asked for first: a wrong one is refused where it was typed.
    await page.locator("#start-password").fill("nicht das Passwort");
    await page.locator("#start-password").press("Enter");
    await expect(page.locator("[data-field-error=password]")).toHaveText("Das Passwort stimmt nicht.");
    const { totp, codes } = await enrol(page, DEMO_PASSWORD, "desktop-de");
    await page.getByRole("button", { name: "Ich habe sie sicher abgelegt" }).click();
    await expect(page.getByTestId("two-factor-status")).toContainText("eingeschaltet");
    await expect(page.getByTestId("two-factor-status")).toContainText(
      "Noch 10 Wiederherstellungscodes übrig.",
    );

    await page.getByRole("button", { name: "Abmelden" }).click();
    await page.waitForURL(/\/de\/admin\/sign-in/);
    // The password alone no longer signs in; the form asks for the code, and the app's next one does.
    expect(await signInWithCode(context, email, "")).toBe(false);
    await signInWithCodeForm(page, "/de/admin/sign-in", email, DEMO_PASSWORD, nextCode(totp));
    await expect(page.getByTestId("signed-in-as")).toContainText(name);

    await context.clearCookies();
    expect(await signInWithCode(context, email, codes[3]!)).toBe(true);
    await page.goto("/de/admin/account/two-factor");
    await expect(page.getByTestId("two-factor-status")).toContainText(
      "Noch 9 Wiederherstellungscodes übrig.",
    );
    await context.clearCookies();
    expect(await signInWithCode(context, email, codes[3]!)).toBe(false);

    // The phone is lost: the admin resets it, and the password alone signs in again.
    await admin.goto("/en/admin/accounts");
    const row = admin.locator("tr", { hasText: name });
    await expect(row.getByTestId("two-factor-badge")).toHaveText("on");
    await row.getByLabel(`Yes, reset for ${name}`).check();
    await row.getByRole("button", { name: "Reset two-factor sign-in" }).click();
    await expect(row.getByTestId("two-factor-badge")).toHaveText("off");
    expect(await signInWithCode(context, email, "")).toBe(true);
    await context.close();
    await admin.close();
  });
});
