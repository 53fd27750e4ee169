import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { devices, request as playwrightRequest } from "@playwright/test";
import { startAppServer, type AppServer } from "../scripts/lib/app-server";
import { freePort } from "../scripts/lib/private-postgres";
import { DEMO_PASSWORD, demoEmail, invitedAccount } from "./support/back-office";
import { enrol, nextCode, signInWithCodeForm } from "./support/two-factor";
import { expect, expectAccessible, snapshot, test } from "./fixtures";

/**
 * A real installation, not the demo: a second server of the same build on its own empty embedded
 * database, started as `npm start` would be (no DEMO). It must hold the alliance's facts and nothing
 * invented, and print the one link that makes the first admin in the browser.
 */

const SETUP_LINK = /http:\/\/127\.0\.0\.1:\d+\/en\/admin\/setup\/[A-Za-z0-9_-]{43}/g;
const PASSWORD = "Stadtwerke am Rhein 2018";
const ADMIN_EMAIL = "erika.mustermann@stadt-koeln.example";

test.describe("a fresh installation", () => {
  // One more server is enough: the desktop project runs it, and looks at the phone and Chinese itself.
  test.skip(({ isMobile }) => isMobile, "One server of its own for the whole suite.");
  test.describe.configure({ mode: "serial" });
  let server: AppServer;
  let dataDir: string;

  test.beforeAll(async () => {
    // A second server starting (and migrating its database) beside the suite's own, on two cores.
    test.setTimeout(120_000);
    dataDir = mkdtempSync(path.join(tmpdir(), "alliance-fresh-"));
    const port = await freePort(3400 + test.info().parallelIndex * 20);
    server = await startAppServer({
      port,
      env: { DATA_DIR: dataDir, DATABASE_URL: "", DEMO: "", SMTP_URL: "", TZ: "Asia/Shanghai" },
    });
  });

  test.afterAll(async () => {
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test("holds the member cities, but no demo meeting, accounts or delegates", async ({ page }) => {
    const api = await playwrightRequest.newContext({ baseURL: server.url });
    expect(await (await api.get("/api/meetings")).json()).toEqual({ meetings: [] });
    const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const signIn = await api.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: demoEmail("admin"), password: DEMO_PASSWORD, json: "true" },
      headers: { origin: server.url },
      maxRedirects: 0,
    });
    expect(signIn.status()).toBe(401);
    await api.dispose();

    await page.goto(`${server.url}/de/cities`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    for (const city of ["Köln", "Aachen", "Foshan", "Zhuzhou"])
      await expect(page.getByText(city, { exact: true }).first()).toBeVisible();
    expect(server.output()).not.toContain("Demo");
    expect(server.output().match(SETUP_LINK)).toHaveLength(1);
  });

  test("makes its first admin through the link it printed, once", async ({ page, browser }) => {
    const link = (locale: string) => server.output().match(SETUP_LINK)![0]!.replace("/en/", `/${locale}/`);
    await page.goto(link("de"));
    await expect(page).toHaveTitle(/^Erstes Administratorkonto anlegen/);
    await expectAccessible(page);
    await snapshot(page, "first-admin-de");

    // On a phone, in Chinese: mistakes are named field by field, and what was typed (but the passwords) stays.
    const phone = await browser.newContext({ ...devices["Pixel 7"], timezoneId: "Asia/Shanghai" });
    const mobile = await phone.newPage();
    await mobile.goto(link("zh"));
    await expect(mobile).toHaveTitle(/^创建第一个管理员账户/);
    await mobile.locator("#email").fill("erika.mustermann@koeln");
    await mobile.locator("#name").fill("Erika Mustermann");
    await mobile.locator("#password").fill(PASSWORD);
    await mobile.locator("#passwordRepeat").fill(`${PASSWORD}!`);
    await mobile.locator("form button[type=submit]").click();
    await expect(mobile.locator("[data-field-error=email]")).toBeVisible();
    await expect(mobile.locator("[data-field-error=passwordRepeat]")).toHaveText("两次输入的密码不一致。");
    await expect(mobile.locator("#name")).toHaveValue("Erika Mustermann");
    await expect(mobile.locator("#email")).toHaveValue("erika.mustermann@koeln");
    await snapshot(mobile, "first-admin-zh-phone-errors");

    await mobile.locator("#email").fill("erika.mustermann@stadt-koeln.example");
    await mobile.locator("#password").fill(PASSWORD);
    await mobile.locator("#passwordRepeat").fill(PASSWORD);
    await mobile.locator("form button[type=submit]").click();
    await expect(mobile.getByRole("status")).toHaveText(
      "管理员账户 erika.mustermann@stadt-koeln.example 已创建，现在可以登录了。",
    );
    await snapshot(mobile, "first-admin-zh-phone-done");
    await phone.close();

    // The link is spent: it now says so, with a 404.
    const again = await page.goto(link("de"));
    expect(again?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Einrichtungslink nicht mehr gültig");
    await snapshot(page, "first-admin-de-spent");

    await page.goto(`${server.url}/de/admin/sign-in`);
    await page.locator("#email").fill("erika.mustermann@stadt-koeln.example");
    await page.locator("#password").fill(PASSWORD);
    await page.locator("form button[type=submit]").click();
    await expect(page.getByTestId("signed-in-as")).toContainText("Erika Mustermann");
    // A real installation has no demo banner.
    await expect(page.getByRole("note")).toHaveCount(0);
  });

  test("its admin sets up two-factor sign-in and requires it for check-in: a check-in account must set it up first", async ({
    browser,
  }) => {
    const admin = await (await browser.newContext({ baseURL: server.url })).newPage();
    await admin.goto("/en/admin/sign-in");
    await admin.locator("#email").fill(ADMIN_EMAIL);
    await admin.locator("#password").fill(PASSWORD);
    await admin.locator("form button[type=submit]").click();
    await admin.getByTestId("signed-in-as").waitFor();
    await admin.goto("/en/admin/account/two-factor");
    const { totp } = await enrol(admin, PASSWORD, "fresh-admin-en");
    await admin.getByRole("button", { name: "Sign out" }).click();
    await admin.waitForURL(/\/admin\/sign-in/);
    await signInWithCodeForm(admin, "/en/admin/sign-in", ADMIN_EMAIL, PASSWORD, nextCode(totp));

    await admin.goto("/en/admin/accounts");
    const policy = admin.getByRole("form", { name: "Require two-factor sign-in" });
    await policy.getByLabel("Check-in").check();
    await policy.getByRole("button", { name: "Save" }).click();
    await expect(policy.getByText("Saved.")).toBeVisible();
    const { email } = await invitedAccount(admin, "checkin", "Desk");

    // The check-in account, on a phone in Chinese: every page sends it to the set-up, until it is done.
    const phone = await browser.newContext({
      ...devices["Pixel 7"],
      baseURL: server.url,
      timezoneId: "Asia/Shanghai",
    });
    const page = await phone.newPage();
    await page.goto("/zh/admin/sign-in");
    await page.locator("#email").fill(email);
    await page.locator("#password").fill(DEMO_PASSWORD);
    await page.locator("form button[type=submit]").click();
    await page.waitForURL(/\/zh\/admin\/account\/two-factor$/);
    await expect(page.getByTestId("two-factor-required")).toBeVisible();
    await page.goto("/zh/admin/outbox");
    await page.waitForURL(/\/zh\/admin\/account\/two-factor$/);
    await expect(page.getByRole("navigation", { name: "会务管理区域" }).getByRole("link")).toHaveText([
      "两步验证",
    ]);
    await snapshot(page, "two-factor-required-zh-phone");
    await enrol(page, DEMO_PASSWORD, "two-factor-zh-phone");
    await page.getByRole("button", { name: "我已妥善保存" }).click();
    await expect(page.getByTestId("two-factor-status")).toContainText("两步验证已开启。");
    await page.goto("/zh/admin");
    await expect(page).toHaveURL(/\/zh\/admin$/);
    await phone.close();
  });
});
