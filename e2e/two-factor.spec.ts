import { mkdirSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { devices, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { DEMO_PASSWORD, demoEmail, signInWithForm } from "./support/back-office";
import { expect, expectAccessible, expectNoHorizontalScroll, test } from "./fixtures";

/**
 * Two-factor sign-in in the browser: an organizer sets it up with codes computed here from the key the
 * page shows (as an authenticator app would), signs in with a code and with a recovery code, and an admin
 * resets it; a role that requires it sends its accounts to the set-up. Screenshots for people to look at:
 * screenshots/two-factor/.
 */

const SHOTS = "screenshots/two-factor";

/** An account invited by the admin through the accounts page, with its password set from the link. */
async function invitedAccount(admin: Page, role: "organizer" | "checkin"): Promise<{ email: string; name: string }> {
  const name = `Zweifaktor ${randomUUID().slice(0, 8)}`;
  const email = `${name.replace(" ", "-").toLowerCase()}@demo.example`;
  await admin.goto("/en/admin/accounts");
  const invite = admin.getByRole("form", { name: "Invite an account" });
  await invite.locator("input[name=email]").fill(email);
  await invite.locator("input[name=name]").fill(name);
  await invite.locator("select[name=role]").selectOption(role);
  await invite.locator("button[type=submit]").click();
  const link = await admin.getByTestId("one-time-link").locator("code").textContent();
  await admin.goto(link!);
  await admin.locator("#password").fill(DEMO_PASSWORD);
  await admin.locator("#passwordRepeat").fill(DEMO_PASSWORD);
  await admin.locator("form button[type=submit]").click();
  await admin.getByRole("link", { name: "Go to sign-in" }).waitFor();
  return { email, name };
}

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

/** Sets up two-factor sign-in on the open two-factor page; returns the app (codes) and the recovery codes. */
async function enrol(page: Page, startLabel: RegExp, shot: string): Promise<{ totp: TOTP; codes: string[] }> {
  await page.getByRole("button", { name: startLabel }).click();
  const key = page.getByTestId("two-factor-key");
  await expect(key.locator("span")).toHaveText(Array.from({ length: 8 }, () => /^[A-Z2-7]{4}$/));
  await expect(page.getByTestId("two-factor-qr").locator("svg")).toBeVisible();
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `${SHOTS}/${shot}-setup.png`, fullPage: true });
  const totp = new TOTP({ secret: Secret.fromBase32((await key.textContent())!) });

  await page.locator("#confirm-code").fill("000000" === totp.generate() ? "111111" : "000000");
  await page.locator("#confirm-code").press("Enter");
  await expect(page.locator("[data-field-error=code]")).toBeVisible();
  await page.locator("#confirm-code").fill(totp.generate());
  await page.locator("#confirm-code").press("Enter");
  const list = page.getByTestId("recovery-codes").locator("li");
  await expect(list).toHaveCount(10);
  const codes = (await list.allTextContents()).map((code) => code.trim());
  expect(new Set(codes).size).toBe(10);
  // What the page said before is out of date until it is reloaded: it steps aside.
  await expect(page.getByTestId("two-factor-status")).toBeHidden();
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `${SHOTS}/${shot}-recovery-codes.png`, fullPage: true });
  return { totp, codes };
}

/** The app's next code: the one that confirmed the set-up is used, and the server takes one step ahead. */
const nextCode = (totp: TOTP) => totp.generate({ timestamp: Date.now() + 30_000 });

async function setCheckInPolicy(admin: Page, required: boolean): Promise<void> {
  await admin.goto("/en/admin/accounts");
  const form = admin.getByRole("form", { name: "Require two-factor sign-in" });
  await form.getByLabel("Check-in").setChecked(required);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("Saved.")).toBeVisible();
}

async function newAdminPage(browser: Browser, baseURL: string): Promise<Page> {
  const page = await browser.newPage({ baseURL });
  await signInWithForm(page, "en", demoEmail("admin"));
  return page;
}

test.describe("two-factor sign-in", () => {
  test.skip(({ isMobile }) => isMobile, "One project: the phone is a context of its own below.");
  test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

  test("an organizer sets it up, signs in with a code and with a recovery code, and an admin resets it", async ({ browser }, info) => {
    const baseURL = info.project.use.baseURL!;
    const admin = await newAdminPage(browser, baseURL);
    const { email, name } = await invitedAccount(admin, "organizer");

    const context = await browser.newContext({ baseURL, locale: "de-DE" });
    const page = await context.newPage();
    await signInWithForm(page, "de", email);
    await page.getByRole("link", { name: "Zwei-Faktor-Anmeldung" }).click();
    await expect(page.getByTestId("two-factor-status")).toContainText("ausgeschaltet");
    const { totp, codes } = await enrol(page, /einrichten/, "desktop-de");
    await page.getByRole("button", { name: "Ich habe sie sicher abgelegt" }).click();
    await expect(page.getByTestId("two-factor-status")).toContainText("eingeschaltet");
    await expect(page.getByTestId("two-factor-status")).toContainText("Noch 10 Wiederherstellungscodes übrig.");

    await page.getByRole("button", { name: "Abmelden" }).click();
    await page.waitForURL(/\/de\/admin\/sign-in/);
    // The password alone no longer signs in; the password with the app's next code does.
    expect(await signInWithCode(context, email, "")).toBe(false);
    expect(await signInWithCode(context, email, nextCode(totp))).toBe(true);
    await page.goto("/de/admin");
    await expect(page.getByTestId("signed-in-as")).toContainText(name);

    await context.clearCookies();
    expect(await signInWithCode(context, email, codes[3]!)).toBe(true);
    await page.goto("/de/admin/account/two-factor");
    await expect(page.getByTestId("two-factor-status")).toContainText("Noch 9 Wiederherstellungscodes übrig.");
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

  test("a role that requires it sends its accounts to the set-up, and nowhere else, until it is done", async ({ browser }, info) => {
    const baseURL = info.project.use.baseURL!;
    const admin = await newAdminPage(browser, baseURL);
    const { email } = await invitedAccount(admin, "checkin");
    const phone = await browser.newContext({ ...devices["Pixel 7"], baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
    const page = await phone.newPage();
    await page.goto("/zh/admin/sign-in");
    await page.locator("#email").fill(email);
    await page.locator("#password").fill(DEMO_PASSWORD);
    await page.locator("form button[type=submit]").click();
    await page.getByTestId("signed-in-as").waitFor();
    // The policy holds for every check-in account, the demo's too, which other specs use at the same
    // time: it is on only while this account is being sent to the set-up.
    await setCheckInPolicy(admin, true);
    try {
      await page.goto("/zh/admin");
      await page.waitForURL(/\/zh\/admin\/account\/two-factor$/);
      await expect(page.getByTestId("two-factor-required")).toBeVisible();
      await page.goto("/zh/admin/meetings/2017/check-in");
      await page.waitForURL(/\/zh\/admin\/account\/two-factor$/);
      await expect(page.getByRole("navigation", { name: "会务管理区域" }).getByRole("link")).toHaveText(["两步验证"]);
      await page.screenshot({ path: `${SHOTS}/phone-zh-required.png`, fullPage: true });
    } finally {
      await setCheckInPolicy(admin, false);
    }
    await page.reload();
    await enrol(page, /设置两步验证/, "phone-zh");
    await page.getByRole("button", { name: "我已妥善保存" }).click();
    await expect(page.getByTestId("two-factor-status")).toContainText("两步验证已开启。");
    await page.goto("/zh/admin/meetings/2017/check-in");
    await expect(page).toHaveURL(/\/check-in$/);
    await phone.close();
    await admin.close();
  });
});
