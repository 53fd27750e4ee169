import type { Browser, BrowserContext, Page } from "@playwright/test";
import { DEMO_PASSWORD, demoEmail, invitedAccount, signInWithForm } from "./support/back-office";
import { expect, expectAccessible, test } from "./fixtures";

/**
 * Sessions as organizers meet them: each sees where they are signed in and can sign any browser out; an
 * admin can sign out anyone; a password change ends every other session; a signed-out cookie, replayed,
 * opens nothing. Each test works on an account of its own, so that ending sessions touches no other test.
 */

async function browserAs(
  browser: Browser,
  baseURL: string,
  email: string,
  userAgent: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, userAgent });
  const page = await context.newPage();
  await signInWithForm(page, "en", email);
  return { context, page };
}

const WINDOWS_EDGE =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 Edg/140.0.0.0";
const IPHONE_WECHAT =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.60(0x18003c2f) NetType/WIFI Language/zh_CN";

/** Whether the page's next navigation in the back office still finds it signed in. */
async function signedIn(page: Page): Promise<boolean> {
  await page.goto("/en/admin");
  return !page.url().includes("/admin/sign-in");
}

test.describe("sessions", () => {
  test.skip(({ isMobile }) => isMobile, "Two browsers at once: the desktop projects are enough.");

  test("an organizer sees their browsers and signs one out; an admin signs out all of them", async ({
    browser,
    page,
  }, info) => {
    const baseURL = info.project.use.baseURL!;
    await signInWithForm(page, "en", demoEmail("admin"));
    const { email, name } = await invitedAccount(page, "organizer", "Sessions");
    const desk = await browserAs(browser, baseURL, email, WINDOWS_EDGE);
    const phone = await browserAs(browser, baseURL, email, IPHONE_WECHAT);

    await desk.page.getByRole("link", { name: "My account" }).click();
    await expect(desk.page.getByRole("heading", { level: 1, name: "My account" })).toBeVisible();
    const rows = desk.page.getByTestId("sessions").locator("li");
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: "this browser" })).toContainText("Edge on Windows");
    const other = rows.filter({ hasText: "WeChat on iOS" });
    await expectAccessible(desk.page);
    await other.getByRole("button", { name: "Sign out" }).click();
    await expect(rows).toHaveCount(1);
    expect(await signedIn(phone.page)).toBe(false);
    expect(await signedIn(desk.page)).toBe(true);

    // The admin, on the account's page: every session of it ends at once.
    await page.goto("/en/admin/accounts");
    await page.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByTestId("sessions").locator("li")).toHaveCount(1);
    await page.getByRole("button", { name: "Sign out all sessions" }).click();
    await expect(page.getByText("1 sign-in session has ended.")).toBeVisible();
    expect(await signedIn(desk.page)).toBe(false);
    await desk.context.close();
    await phone.context.close();
  });

  test("changing the password needs the current one, keeps this browser and ends the others", async ({
    browser,
    page,
  }, info) => {
    const baseURL = info.project.use.baseURL!;
    await signInWithForm(page, "en", demoEmail("admin"));
    const { email } = await invitedAccount(page, "checkin", "Password");
    const mine = await browserAs(browser, baseURL, email, WINDOWS_EDGE);
    const elsewhere = await browserAs(browser, baseURL, email, IPHONE_WECHAT);

    await mine.page.goto("/en/admin/account");
    const form = mine.page.locator("form", { has: mine.page.locator("#currentPassword") });
    await form.locator("#currentPassword").fill("not the password at all");
    await form.locator("#password").fill("a new and long password");
    await form.locator("#passwordRepeat").fill("a new and long password");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByText("The password is wrong.")).toBeVisible();
    await expect(form.locator("#currentPassword")).toHaveAttribute("aria-invalid", "true");

    await form.locator("#currentPassword").fill(DEMO_PASSWORD);
    await form.locator("#password").fill("a new and long password");
    await form.locator("#passwordRepeat").fill("a new and long password");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByText("Your password has been changed.", { exact: false })).toBeVisible();
    expect(await signedIn(mine.page)).toBe(true);
    expect(await signedIn(elsewhere.page)).toBe(false);
    await mine.context.close();
    await elsewhere.context.close();
  });

  test("a cookie replayed after sign-out opens no page and gets no session", async ({ browser }, info) => {
    const baseURL = info.project.use.baseURL!;
    const admin = await browserAs(browser, baseURL, demoEmail("admin"), WINDOWS_EDGE);
    const cookies = await admin.context.cookies();
    await admin.page.getByRole("button", { name: "Sign out" }).click();
    await admin.page.waitForURL(/\/admin\/sign-in\?signedOut=1/);

    const thief = await browser.newContext({ baseURL });
    await thief.addCookies(cookies);
    const page = await thief.newPage();
    await page.goto("/en/admin/accounts");
    await expect(page).toHaveURL(/\/en\/admin\/sign-in\?callbackUrl=/);
    const session = await page.request.get("/api/auth/session");
    expect(await session.json()).toEqual({});
    await thief.close();
    await admin.context.close();
  });
});
