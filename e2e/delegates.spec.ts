import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { expect, expectNoHorizontalScroll, snapshot, test } from "./fixtures";
import { demoEmail, signInWithForm } from "./support/back-office";
import { passport2017 } from "./support/visa";

const meeting = "/admin/meetings/2017";

test("the delegation view shows the member cities side by side in German and Chinese", async ({
  page,
  isMobile,
}) => {
  // Two long pages, each photographed whole on a desktop.
  test.setTimeout(90_000);
  await signInWithForm(page, "de", demoEmail("organizer"));
  await page.goto(`/de${meeting}/delegations`);
  await expect(page.getByRole("heading", { level: 2, name: "Delegationen" })).toBeVisible();
  await expect(page.getByTestId("country-DE").getByRole("heading", { name: "Deutschland" })).toBeVisible();
  await expect(page.getByTestId("country-CN").getByRole("heading", { name: "China" })).toBeVisible();
  await expect(page.getByTestId("country-DE").getByRole("heading", { level: 3, name: "Köln" })).toBeVisible();
  // Two columns on a desktop, one above the other on a phone.
  const german = (await page.getByTestId("country-DE").boundingBox())!;
  const chinese = (await page.getByTestId("country-CN").boundingBox())!;
  if (isMobile) expect(chinese.y).toBeGreaterThan(german.y + german.height - 1);
  else expect(chinese.y).toBe(german.y);
  await expectNoHorizontalScroll(page);
  await snapshot(page, "delegations-de", { fullPage: !isMobile });

  await page.goto(`/zh${meeting}/delegations`);
  await expect(page.getByTestId("country-CN").getByRole("heading", { level: 3, name: "佛山" })).toBeVisible();
  await expect(page.getByTestId("outside").getByRole("heading", { name: "非成员城市" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await snapshot(page, "delegations-zh", { fullPage: !isMobile });
});

test("a new Chinese delegate appears in the delegation, in the CSV export of the list and in a printable visa letter", async ({
  page,
  request,
  isMobile,
}) => {
  test.skip(isMobile, "writes to the shared demo meeting");
  // Five pages and two downloads in one story.
  test.setTimeout(90_000);
  const tag = `Visa${randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 6)}`;
  await signInWithForm(page, "de", demoEmail("organizer"));
  await page.goto(`/de${meeting}/delegations`);
  const cityId = await page
    .getByTestId("country-CN")
    .getByTestId("delegation")
    .filter({ has: page.getByRole("heading", { name: "Foshan" }) })
    .getAttribute("data-city");
  const response = await request.post("/api/meetings/2017/registrations", {
    data: {
      givenName: "Xiaoling",
      familyName: tag,
      nativeName: "欧阳晓玲",
      nameOrder: "family_first",
      position: "Deputy Director",
      organization: "Foshan Bureau of Commerce",
      email: `${tag.toLowerCase()}@example.org`,
      role: "delegate",
      language: "zh",
      cityId,
      interpretation: ["de"],
      visaLetter: true,
      ...passport2017,
      sessionIds: [],
      privacyConsent: true,
    },
  });
  expect(response.status()).toBe(201);
  const { id } = (await response.json()) as { id: string };

  // The delegation of Foshan lists the delegate, linked to the registration.
  await page.reload();
  const person = page.getByTestId("country-CN").getByRole("link", { name: new RegExp(tag) });
  await expect(person).toContainText("欧阳晓玲");
  await expect(person).toHaveAttribute("href", `/de${meeting}/registrations/${id}`);

  // The list's CSV link, fetched with the organizer's session: BOM, the Chinese name intact, the filter applied.
  await page.goto(`/de${meeting}/registrations?q=${tag}`);
  const href = await page.locator('a[href*="registrations.csv"]').first().getAttribute("href");
  expect(href).toContain(`q=${tag}`);
  // The file speaks the page's language.
  expect(href).toContain("lang=de");
  const csv = await page.context().request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toBe('attachment; filename="registrations-2017.csv"');
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(bytes, { bom: true }) as string[][];
  expect(rows).toHaveLength(2);
  expect(rows[1]![0]).toBe(id);
  expect(rows[1]).toContain("欧阳晓玲");

  // The visa letter, in English for the consulate, as printed.
  await page.goto(`/de${meeting}/visa-letters?lang=en`);
  await page
    .getByTestId("visa-delegate")
    .filter({ hasText: tag })
    .getByRole("link", { name: /^Drucken \(English\)/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`visa-letters/print\\?lang=en&id=${id}`));
  const letter = page.getByTestId("visa-letter");
  await expect(letter).toHaveCount(1);
  await expect(letter).toContainText(`${tag} Xiaoling (欧阳晓玲)`);
  await expect(letter).toContainText("Foshan, China");
  await expect(letter).toContainText("Chinese-German Industrial Cities Alliance");
  await page.emulateMedia({ media: "print" });
  await snapshot(page, "visa-letter-print");
});
