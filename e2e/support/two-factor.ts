import type { Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { expect, expectAccessible, expectNoHorizontalScroll, snapshot } from "../fixtures";

/**
 * Sets up a first second factor on the open two-factor page as its owner would: the password, then codes
 * computed here from the key the page shows (as an authenticator app does), a wrong one first. Returns
 * the "app" and the ten recovery codes; screenshots `<shot>-setup` and `<shot>-recovery-codes`.
 */
export async function enrol(
  page: Page,
  password: string,
  shot: string,
): Promise<{ totp: TOTP; codes: string[] }> {
  await page.locator("#start-password").fill(password);
  await page.locator("#start-password").press("Enter");
  const key = page.getByTestId("two-factor-key");
  await expect(key.locator("span")).toHaveText(Array.from({ length: 8 }, () => /^[A-Z2-7]{4}$/));
  await expect(page.getByTestId("two-factor-qr").locator("svg")).toBeVisible();
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await snapshot(page, `${shot}-setup`);
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
  await snapshot(page, `${shot}-recovery-codes`);
  return { totp, codes };
}

/** The app's next code: the one that confirmed the set-up is used, and the server takes one step ahead. */
export const nextCode = (totp: TOTP) => totp.generate({ timestamp: Date.now() + 30_000 });

/**
 * Signs in through the form as a person does: address and password, then, asked for it, the code.
 * `url`: the sign-in page (of another server than the suite's, where needed).
 */
export async function signInWithCodeForm(
  page: Page,
  url: string,
  email: string,
  password: string,
  code: string,
): Promise<void> {
  await page.goto(url);
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.locator("form button[type=submit]").click();
  await expect(page.locator("#code")).toBeFocused();
  await expect(page.getByTestId("form-message")).toBeVisible();
  await page.locator("#code").fill(code);
  await page.locator("form button[type=submit]").click();
  await page.getByTestId("signed-in-as").waitFor();
}
