import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, snapshot, test } from "./fixtures";
import { demoEmail, signInWithForm } from "./support/back-office";

/**
 * The city finder on the registration form: member cities from the first letters typed, in either script,
 * chosen with the keyboard; and the same names understood by the server when the browser runs no script.
 */

const PHONE = { width: 390, height: 844 };

function finder(page: Page, label: string) {
  return page.getByRole("combobox", { name: label, exact: true });
}

test("on a phone in Chinese, “佛山” finds 佛山 Foshan, taken with the arrow keys and Enter", async ({
  page,
  isMobile,
}) => {
  test.skip(!isMobile, "The phone's view.");
  await page.setViewportSize(PHONE);
  await page.goto("/zh/meetings/2017/register");
  const city = finder(page, "成员城市");
  await city.pressSequentially("佛山");
  const list = page.getByRole("listbox", { name: "与输入相符的成员城市" });
  await expect(list.getByRole("option")).toHaveText(["佛山 Foshan（广东省）"]);
  await expect(city).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("status").filter({ hasText: "找到1个成员城市" })).toBeAttached();

  await city.press("ArrowDown");
  await expect(list.getByRole("option", { selected: true })).toHaveText("佛山 Foshan（广东省）");
  await expect(city).toHaveAttribute("aria-activedescendant", /option-0$/);
  await expectAccessible(page);
  await snapshot(page, "city-finder-open-zh", { fullPage: false });
  await city.press("Enter");
  await expect(city).toHaveValue("佛山");
  await expect(city).toHaveAttribute("aria-expanded", "false");
  await expect(list).toBeHidden();

  // The other Taizhou is offered beside the member, marked as no member; Escape closes the list.
  await city.fill("");
  await city.pressSequentially("Taizhou");
  await expect(list.getByRole("option")).toHaveText([
    "台州 Taizhou（浙江省）",
    "泰州 Taizhou（江苏省，非成员城市）",
  ]);
  await snapshot(page, "city-finder-taizhou-zh", { fullPage: false });
  await city.press("Escape");
  await expect(list).toBeHidden();
  await expect(page.getByText("有多个地方同名，请从列表中选择。")).toBeVisible();

  // A town outside the alliance is said to be one before the form is sent.
  await city.fill("合肥");
  await city.press("Escape");
  await expect(page.getByText("“合肥”不是成员城市，您将以来自合肥的嘉宾身份报名。")).toBeVisible();
});

test("on a desktop in German, “Koeln” finds Köln 科隆", async ({ page, isMobile }) => {
  test.skip(isMobile, "The desktop's view.");
  await page.goto("/de/meetings/2017/register");
  const city = finder(page, "Mitgliedsstadt");
  await city.pressSequentially("Koeln");
  const list = page.getByRole("listbox", { name: "Mitgliedsstädte zu Ihrer Eingabe" });
  await expect(list.getByRole("option")).toHaveText(["Köln 科隆 (Nordrhein-Westfalen)"]);
  await city.press("ArrowDown");
  await expect(list.getByRole("option", { selected: true })).toHaveText("Köln 科隆 (Nordrhein-Westfalen)");
  await expectAccessible(page);
  await snapshot(page, "city-finder-open-de", { fullPage: false });
  await city.press("Enter");
  await expect(city).toHaveValue("Köln");

  // From the first letters, whatever the script.
  await city.fill("");
  await city.pressSequentially("Nü");
  await expect(list.getByRole("option")).toHaveText(["Nürnberg 纽伦堡 (Bayern)"]);
  await city.fill("");
  await city.pressSequentially("马鞍");
  await expect(list.getByRole("option")).toHaveText(["Ma’anshan 马鞍山 (Anhui)"]);
  // Chosen, the member Taizhou is written so that the server cannot take it for the other one.
  await city.fill("");
  await city.pressSequentially("Taiz");
  await list.getByRole("option", { name: /Zhejiang/ }).click();
  await expect(city).toHaveValue("Taizhou (Zhejiang)");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the server takes “Koeln” as Köln and “泰州” as a town outside the alliance", async ({
    page,
    isMobile,
  }) => {
    test.skip(isMobile, "One browser is enough for the server's part.");
    for (const [typed, shown] of [
      ["Koeln", "Köln"],
      ["泰州", "泰州 (keine Mitgliedsstadt)"],
    ] as const) {
      await page.goto("/de/meetings/2017/register");
      await expect(page.locator('[name="city"]')).not.toHaveAttribute("role", "combobox");
      await page.locator('[name="givenName"]').fill("Lena");
      await page.locator('[name="familyName"]').fill("Schulz");
      await page.locator('[name="organization"]').fill("Stadtverwaltung");
      await page.locator('[name="city"]').fill(typed);
      await page.locator('[name="role"]').selectOption("delegate");
      await page.locator('[name="email"]').fill(`finder-${randomUUID().slice(0, 8)}@example.org`);
      await page.locator('[name="privacyConsent"]').check();
      await page.getByRole("button", { name: "Verbindlich anmelden" }).click();
      await expect(page).toHaveURL(/\/de\/manage\/[\w-]{43}\?welcome=1$/);
      await expect(page.locator("body")).toContainText(`${shown} · Stadtverwaltung`);
    }
  });
});

test("the public city list in each view", async ({ page, isMobile }) => {
  const locale = isMobile ? "zh" : "de";
  if (isMobile) await page.setViewportSize(PHONE);
  await page.goto(`/${locale}/cities`);
  await expect(page.getByTestId("city-cologne")).toBeVisible();
  await snapshot(page, `cities-page-${locale}`);
});

test("an organizer cannot give Köln a spelling that names Foshan; the message names the city", async ({
  page,
  isMobile,
}) => {
  test.skip(isMobile, "The back office on a desktop.");
  await signInWithForm(page, "de", demoEmail("organizer"));
  await page.goto("/de/admin/cities");
  await page.getByRole("link", { name: "Köln", exact: true }).click();
  const aliases = page.getByLabel("Andere Schreibweisen");
  await aliases.fill("Koeln\nFoshan");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.locator("[data-field-error=aliases]")).toHaveText(
    "„Foshan“ bezeichnet schon Foshan 佛山. Eine Schreibweise gehört nur zu einer Stadt.",
  );
  await expect(aliases).toHaveValue("Koeln\nFoshan");
});
