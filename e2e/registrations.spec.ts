import { randomUUID } from "node:crypto";
import { expect, snapshot, test } from "./fixtures";
import { demoEmail, signInWithForm } from "./support/back-office";
import { passport2017 } from "./support/visa";

/** The registration desk: list, filters and the approval of a pending registration. */

test.skip(({ isMobile }) => isMobile, "writes to the shared demo meeting");
// Several page loads each, on a machine that runs the whole suite at once.
test.slow();

const list = "/admin/meetings/2017/registrations";

test("an organizer approves a pending registration with a message and sees the new status in the detail and the list", async ({
  page,
}) => {
  await signInWithForm(page, "de", demoEmail("organizer"));
  // The demo data has registrations waiting for approval.
  await page.goto(`/de${list}?status=pending`);
  const rows = page.getByTestId("registrations").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  await expect(rows.first().locator("[data-status]")).toHaveAttribute("data-status", "pending");
  const id = (await rows.first().getAttribute("data-registration"))!;
  const email = (await rows.first().locator(".break-all").textContent())!.trim();

  await rows.first().getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`${list}/${id}$`));
  await expect(page.getByTestId("registration-status")).toContainText("In Prüfung");
  await snapshot(page, "registration-detail-pending-de");

  await page
    .getByLabel("Nachricht an die Person (freiwillig)")
    .fill("Willkommen in Hannover! Bitte bringen Sie Ihren Reisepass mit.");
  await page.getByRole("button", { name: "Freigeben" }).click();
  // The decision form goes with the pending status; the status line (a live region) says what happened.
  await expect(page.getByTestId("registration-status")).toContainText("Bestätigt");
  // The history shows the decision with the message and the email about it.
  const history = page.getByTestId("registration-history");
  await expect(history).toContainText("Freigegeben");
  await expect(history).toContainText("Willkommen in Hannover!");
  await expect(history).toContainText("E-Mail „Freigabe“");
  await expect(page.getByRole("button", { name: "Freigeben" })).toHaveCount(0);

  // The list shows the new status too.
  await page.goto(`/de${list}?q=${encodeURIComponent(email)}`);
  await expect(page.getByTestId("registration-count")).toHaveText("1 Anmeldung");
  await expect(page.locator(`tr[data-registration="${id}"] [data-status]`)).toHaveAttribute(
    "data-status",
    "confirmed",
  );

  await page.goto(`/zh${list}/${id}`);
  await expect(page.getByTestId("registration-status")).toContainText("已确认");
  await snapshot(page, "registration-detail-zh");
});

test("the list finds a delegate by the Chinese name, filters through the address and sorts both ways", async ({
  page,
  request,
}) => {
  const tag = `Desk${randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 6)}`;
  const response = await request.post("/api/meetings/2017/registrations", {
    data: {
      givenName: "Min",
      familyName: tag,
      nativeName: "陈敏",
      nameOrder: "family_first",
      email: `${tag.toLowerCase()}@example.org`,
      role: "interpreter",
      language: "zh",
      cityOther: "Hefei",
      interpretation: ["de"],
      visaLetter: true,
      ...passport2017,
      sessionIds: [],
      privacyConsent: true,
    },
  });
  expect(response.status()).toBe(201);

  await signInWithForm(page, "zh", demoEmail("organizer"));
  await page.goto(`/zh${list}`);
  await snapshot(page, "registrations-list-zh");
  await page.getByRole("searchbox").fill("陈敏");
  await page.getByLabel("需要签证邀请函").check();
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/q=%E9%99%88%E6%95%8F/);
  await expect(page).toHaveURL(/visaLetter=1/);
  const row = page.getByTestId("registrations").locator("tbody tr").filter({ hasText: tag });
  await expect(row).toContainText("陈敏");
  await expect(row).toContainText("签证函");
  // The export links carry the same filters.
  await expect(page.getByRole("link", { name: "下载 CSV" })).toHaveAttribute(
    "href",
    /registrations\.csv\?q=.*visaLetter=1/,
  );

  // Sorting: a click on the column sorts ascending, the second descending; the filters stay.
  await page.goto(`/de${list}?city=other`);
  await page.getByRole("link", { name: "Angemeldet" }).click();
  await expect(page).toHaveURL(/city=other&sort=created/);
  const ascending = await page
    .getByTestId("registrations")
    .locator("tbody tr")
    .first()
    .getAttribute("data-registration");
  await page.getByRole("link", { name: "Angemeldet" }).click();
  await expect(page).toHaveURL(/sort=created&dir=desc/);
  await expect(page.getByTestId("registrations").locator("tbody tr").first()).not.toHaveAttribute(
    "data-registration",
    ascending!,
  );
  await snapshot(page, "registrations-list-de");
});
