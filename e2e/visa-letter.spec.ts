import { randomUUID } from "node:crypto";
import { devices } from "@playwright/test";
import { demoEmail, signInWithForm } from "./support/back-office";
import { createOwnMeeting } from "./support/meetings";
import { pdfPageCount, pdfText } from "./support/pdf";
import { expect, expectAccessible, expectNoHorizontalScroll, snapshot, test } from "./fixtures";

/**
 * A visa invitation letter from request to dispatch (README "Visa invitation letters"): a delegate asks
 * for one on a phone in Chinese, finds the city as typed ("佛山市"), fixes the form's errors from its
 * summary, gives the passport details, sees when to expect the letter, sees it issued once an organizer
 * says so on the visa-letters page, and prints the confirmation. On a meeting of its own, since the
 * registration writes.
 */
test("a delegate asks for a visa letter on a phone in Chinese and follows it until it is issued", async ({
  page,
  browser,
  isMobile,
}) => {
  test.skip(!isMobile, "The delegate's side is the phone's; the organizer's desk opens beside it.");
  test.setTimeout(120_000);
  const desk = await browser.newContext({
    ...devices["Desktop Chrome"],
    viewport: { width: 1366, height: 900 },
  });
  const organizer = await desk.newPage();
  await signInWithForm(organizer, "de", demoEmail("organizer"));
  const meeting = `visa-${randomUUID().slice(0, 6)}`;
  await createOwnMeeting(organizer, "de", meeting, "2027-04-19");
  // The meeting says how long its letters take.
  const settings = organizer.locator("main form").filter({ has: organizer.locator("input[name=slug]") });
  await settings.locator("input[name=visaLetterDays]").fill("15");
  await settings.locator("button[type=submit]").click();
  await expect(organizer.getByTestId("form-message")).toBeVisible();

  // The JSON API checks the same fields, in the language asked for.
  const refused = await page.request.post(`/api/meetings/${meeting}/registrations?lang=zh`, {
    data: {
      givenName: "Fang",
      familyName: "Wang",
      email: `visa-api-${randomUUID().slice(0, 8)}@example.org`,
      role: "delegate",
      cityOther: "Foshan",
      language: "zh",
      privacyConsent: true,
      visaLetter: true,
      passportNumber: "E1",
      nationality: "XX",
      birthDate: "1980-05-01",
      passportExpiry: "2031-03-15",
      arrivalDate: "2027-04-17",
      departureDate: "2027-04-21",
    },
  });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).error.fields).toEqual([
    {
      path: "passportNumber",
      code: "passportNumber",
      message: "请按护照上印的填写护照号码：5至20位字母和数字。",
    },
    { path: "nationality", code: "invalidChoice", message: "请从所列选项中选择。" },
  ]);

  await page.goto(`/zh/meetings/${meeting}/register`);
  const field = (name: string) => page.locator(`[name="${name}"]`);
  await expect(page.getByTestId("visa-fields")).toBeHidden();
  await expect(page.getByText("邀请函将在您申请后15个工作日内寄出。")).toBeVisible();
  // Three mistakes besides the passport's: Chinese in the Latin name, half an address, no consent.
  await field("givenName").fill("芳");
  await field("familyName").fill("Wang");
  await field("nativeName").fill("王芳");
  // The city as people write it, found by the city finder and taken with the keyboard.
  const city = page.getByRole("combobox", { name: "成员城市", exact: true });
  await city.pressSequentially("佛山市");
  await city.press("ArrowDown");
  await city.press("Enter");
  await expect(city).toHaveValue("佛山");
  await field("role").selectOption("delegate");
  const email = `visa-${randomUUID().slice(0, 8)}@example.org`;
  await field("email").fill(email.split("@")[0]! + "@");
  await page.locator("#visaLetter-on").check();
  await expect(page.getByTestId("visa-fields")).toBeVisible();
  await field("passportNumber").fill("ej 1234567");
  await field("nationality").selectOption("CN");
  await expect(field("nationality").locator("option:checked")).toHaveText("中国");
  await field("birthDate").fill("1980-05-01");
  await field("passportExpiry").fill("2027-06-01");
  await field("arrivalDate").fill("2027-04-17");
  await field("departureDate").fill("2027-04-16");
  await page.getByRole("button", { name: "提交报名" }).click();

  // The summary takes the focus and lists every error in the form's order, each a link to its field.
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^错误：/);
  const links = summary.getByRole("link");
  await expect(links).toHaveCount(5);
  expect(await links.evaluateAll((all) => all.map((link) => link.getAttribute("href")))).toEqual([
    "#givenName",
    "#email",
    "#passportExpiry",
    "#departureDate",
    "#privacyConsent-on",
  ]);
  // Three of them fixed by following the summary's links: each takes the focus to its field.
  const fixes: [string, () => Promise<void>][] = [
    ["#givenName", () => field("givenName").fill("Fang")],
    ["#email", () => field("email").fill(email)],
    ["#privacyConsent-on", () => page.locator("#privacyConsent-on").check()],
  ];
  for (const [target, fix] of fixes) {
    await summary.locator(`a[href="${target}"]`).click();
    await expect(page.locator(target)).toBeFocused();
    await fix();
  }

  // Refused on the server, in Chinese, with everything typed kept. The passport must be valid three months
  // after the departure: 1 June is too early for a stay in April.
  await expect(page.locator('[data-field-error="departureDate"]')).toHaveText("离境日期不能早于抵达日期。");
  await expect(page.locator('[data-field-error="passportExpiry"]')).toHaveText(
    "护照在您离境后须至少还有三个月有效期。",
  );
  await expect(page.getByTestId("visa-fields")).toBeVisible();
  await expect(field("passportNumber")).toHaveValue("ej 1234567");
  await expect(field("nationality")).toHaveValue("CN");
  await expect(field("arrivalDate")).toHaveValue("2027-04-17");
  await expectNoHorizontalScroll(page);
  await snapshot(page, "visa-register-zh");

  await field("departureDate").fill("2027-04-21");
  await field("passportExpiry").fill("2031-03-15");
  await page.getByRole("button", { name: "提交报名" }).click();

  await expect(page).toHaveURL(/\/zh\/manage\/[A-Za-z0-9_-]{43}\?welcome=1$/);
  const status = page.getByTestId("visa-letter-status");
  await expect(status).toHaveText(
    /^签证邀请函：已于\d{4}年\d{1,2}月\d{1,2}日星期.申请 · 预计\d{4}年\d{1,2}月\d{1,2}日星期.前寄出$/,
  );
  await expect(page.locator("body")).not.toContainText("EJ1234567");
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await snapshot(page, "visa-manage-zh");

  // The organizer sees the details on the visa-letters page and marks the letter issued.
  await organizer.goto(`/de/admin/meetings/${meeting}/visa-letters`);
  const row = organizer.getByTestId("visa-delegate").filter({ hasText: "Wang" });
  await expect(row.getByTestId("visa-details")).toContainText("Pass EJ1234567, gültig bis 15.03.2031");
  await expect(row.getByTestId("visa-letter-course")).toContainText("angefragt am");
  await row.locator("select[name=status]").selectOption("issued");
  await row.locator("input[name=day]").fill("2027-03-01");
  await row.getByRole("button", { name: "Speichern" }).click();
  await expect(row.getByTestId("form-message")).toHaveText("Der Stand des Schreibens ist gespeichert.");
  await expect(row.getByTestId("visa-letter-course")).toContainText("ausgestellt am 01.03.2027");
  await expectAccessible(organizer);
  await organizer.screenshot({ path: "screenshots/phone-shanghai/visa-desk-de-desktop.png", fullPage: true });
  await desk.close();

  await page.reload();
  await expect(status).toHaveText("签证邀请函：已于2027年3月1日星期一出具 · 即将寄给您");

  // The confirmation prints on one A4 page, with the name in both scripts and without the secret link.
  const token = /\/manage\/([\w-]{43})/.exec(page.url())![1]!;
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  await page.emulateMedia({ media: "screen" });
  expect(pdfPageCount(pdf)).toBe(1);
  const printedText = pdfText(pdf);
  expect(printedText).toContain("王芳");
  expect(printedText).not.toContain(token);
});
