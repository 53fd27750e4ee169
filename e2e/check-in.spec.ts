import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { expect, expectNoHorizontalScroll, snapshot, test } from "./fixtures";
import { demoEmail, signInWithForm } from "./support/back-office";

/** A confirmed delegate of the demo meeting (it needs no approval), registered through the public API. */
async function registerByApi(
  request: APIRequestContext,
  familyName: string,
  nativeName: string,
): Promise<string> {
  const response = await request.post("/api/meetings/2017/registrations", {
    data: {
      givenName: "Lina",
      familyName,
      nativeName,
      nameOrder: "family_first",
      email: `check-in-${randomUUID().slice(0, 8)}@example.org`,
      role: "interpreter",
      language: "zh",
      cityOther: "Hefei",
      interpretation: ["de"],
      sessionIds: [],
      privacyConsent: true,
    },
  });
  expect(response.status()).toBe(201);
  const answer = (await response.json()) as { manageUrl: string; status: string };
  expect(answer.status).toBe("confirmed");
  return new URL(answer.manageUrl).pathname;
}

const unique = () =>
  randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 6)
    .padEnd(6, "x");

test("on a phone: the manage page shows the QR code; staff check one delegate in by name, one by code, and see the first time again", async ({
  page,
  request,
}, info) => {
  test.skip(
    info.project.name !== "phone-shanghai",
    "the desk is tried on a phone; it writes to the shared demo meeting",
  );
  const first = `Checkin${unique()}`;
  const second = `Scan${unique()}`;
  await registerByApi(request, first, "林娜");
  const secondManage = await registerByApi(request, second, "林一");

  // The delegate's side: the QR code and the code in text.
  await page.goto(secondManage);
  await expect(page.getByTestId("check-in-qr").locator("svg")).toBeVisible();
  const code = (await page.getByTestId("check-in-code").textContent())!;
  expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  await snapshot(page, "manage-check-in-qr", { fullPage: false });

  await signInWithForm(page, "de", demoEmail("checkin"));
  await page.goto("/de/admin/meetings/2017/check-in");
  const count = page.getByTestId("check-in-count");
  await expect(count).toContainText("Bestätigten eingecheckt");
  const before = Number(/^(\d+)/.exec((await count.textContent())!)![1]);

  // By name: search, open, check in.
  await page.getByLabel("Name (lateinisch oder chinesisch)").fill(first.toLowerCase());
  await page.getByRole("button", { name: "Suchen" }).click();
  await page
    .getByTestId("check-in-hits")
    .getByRole("link", { name: new RegExp(first) })
    .click();
  const card = page.getByTestId("check-in-card");
  await expect(card.getByRole("heading", { level: 2 })).toHaveText(`${first} Lina`);
  await expect(card).toContainText("林娜");
  await expect(card).toContainText("Dolmetscher/in");
  await expect(card).toContainText("Deutsch");
  await expectNoHorizontalScroll(page);
  await snapshot(page, "check-in-card", { fullPage: false });
  await card.getByRole("button", { name: "Einchecken" }).click();
  await expect(card.getByTestId("form-message")).toHaveText(/^Eingecheckt um \d\d:\d\d Uhr\.$/);
  await expect(count).toContainText(`${before + 1} von`);

  // By code, typed as staff would (lower case, without the dash).
  await page.goto("/de/admin/meetings/2017/check-in");
  await page.getByLabel("Check-in-Code").fill(code.replace("-", "").toLowerCase());
  await page.getByRole("button", { name: "Öffnen" }).click();
  await expect(card.getByRole("heading", { level: 2 })).toHaveText(`${second} Lina`);
  await card.getByRole("button", { name: "Einchecken" }).click();
  const done = await card.getByTestId("form-message").textContent();
  const time = /(\d\d:\d\d)/.exec(done!)![1]!;

  // The same code again, as the phone's camera app opens it: no button, the first check-in's time and staff.
  await page.goto(`/admin/meetings/2017/check-in?code=${code.replace("-", "")}`);
  await expect(page).toHaveURL(/\/(de|en|zh)\/admin\/meetings\/2017\/check-in\?code=/);
  await expect(page.getByTestId("already-checked-in")).toContainText(time);
  await expect(page.getByTestId("already-checked-in")).toContainText(demoEmail("checkin"));
  await expect(page.getByTestId("check-in-card").getByRole("button")).toHaveCount(0);
  await expectNoHorizontalScroll(page);
  await snapshot(page, "check-in-again", { fullPage: false });
});

test("badges: the print view of a filtered list", async ({ page, request }, info) => {
  test.skip(info.project.name === "phone-shanghai", "printing is done from a desktop");
  const family = `Badge${unique()}`;
  await registerByApi(request, family, "林娜");
  await signInWithForm(page, "de", demoEmail("organizer"));
  await page.goto(`/de/admin/meetings/2017/badges?q=${family}`);
  await expect(page.getByTestId("badge-count")).toHaveText("1 Namensschild");
  // The delegate registered in Chinese: the badge speaks Chinese on the German page, the role also in English.
  const badge = page.getByTestId("badge");
  await expect(badge).toContainText(`${family} Lina`);
  await expect(badge).toContainText("林娜");
  await expect(badge.getByTestId("badge-role")).toHaveText("口译员 · Interpreter");
  await expect(badge.locator("svg")).toBeVisible();

  await page.goto("/de/admin/meetings/2017/badges");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Drucken" })).toBeHidden();
  expect(await page.getByTestId("badge").count()).toBeGreaterThan(0);
  await snapshot(page, "badges-print");
});
