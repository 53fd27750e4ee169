import { randomUUID } from "node:crypto";
import { demoEmail, signInWithForm } from "./support/back-office";
import { expect, expectAccessible, snapshot, test } from "./fixtures";

/** The figures of a chart's table (the same numbers the picture shows), as numbers. */
async function tableFigures(page: import("@playwright/test").Page, section: string): Promise<number[]> {
  const cells = await page.getByTestId(section).locator("table tbody td").allTextContents();
  return cells.map(Number);
}

test("the dashboard of the demo meeting: charts with labels, figures that add up", async ({
  page,
  isMobile,
}) => {
  // Two languages, each with a screenshot (the whole page on a desktop), and an accessibility check of a long page.
  test.slow();
  await signInWithForm(page, "de", demoEmail("organizer"));
  for (const [locale, countryChart] of [
    ["de", "Aktive Anmeldungen nach Land"],
    ["zh", "按国家统计的有效报名"],
  ] as const) {
    await page.goto(`/${locale}/admin/meetings/2017/numbers`);
    const charts = page.locator('svg[role="img"]');
    await expect(page.getByRole("img", { name: countryChart })).toBeVisible();
    expect(await charts.count()).toBeGreaterThanOrEqual(7);
    for (const label of await charts.evaluateAll((svgs) =>
      svgs.map((svg) => svg.getAttribute("aria-label") ?? ""),
    ))
      expect(label).not.toBe("");
    // The active registrations of the summary are those of the country chart, and of the role chart.
    const active = Number(await page.getByTestId("numbers-summary").locator("dd").first().textContent());
    const sum = (figures: number[]) => figures.reduce((total, figure) => total + figure, 0);
    expect(active).toBeGreaterThan(0);
    expect(sum(await tableFigures(page, "numbers-by-country"))).toBe(active);
    expect(sum(await tableFigures(page, "numbers-by-role"))).toBe(active);
    await snapshot(page, `numbers-${locale}`, { fullPage: !isMobile });
  }
  await expectAccessible(page);
});

test("the outbox shows a new registration's email as the delegate reads it, without the link's key", async ({
  page,
  request,
  isMobile,
}) => {
  test.skip(isMobile, "writes to the shared demo meeting");
  // A registration, a sign-in, two pages and an accessibility check.
  test.slow();
  const address = `outbox-${randomUUID().slice(0, 8)}@example.org`;
  const response = await request.post("/api/meetings/2017/registrations", {
    data: {
      givenName: "Lena",
      familyName: "Vogel",
      email: address,
      role: "delegate",
      language: "de",
      cityOther: "Celle",
      sessionIds: [],
      privacyConsent: true,
    },
  });
  expect(response.status()).toBe(201);

  await signInWithForm(page, "de", demoEmail("organizer"));
  await page.goto(`/de/admin/outbox?q=${encodeURIComponent(address)}`);
  await expect(page.getByTestId("outbox-delivery")).toContainText("kein Mailserver");
  const rows = page.getByTestId("outbox-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("wartend");
  // Here, not on the message page: axe cannot look into a frame that may run no script, and waits for it.
  await expectAccessible(page);
  await rows.first().getByRole("link").click();

  await expect(page.getByTestId("outbox-details")).toContainText(address);
  const text = page.getByTestId("outbox-text");
  await expect(text).toContainText("Lena");
  await expect(text).toContainText("/de/manage/…");
  await expect(text).not.toContainText("{{");
  const frame = page.getByTestId("outbox-html");
  await expect(frame).toHaveAttribute("sandbox", "");
  await expect(page.frameLocator('[data-testid="outbox-html"]').locator("body")).toContainText("Lena");
  // Queued and due: nothing to retry.
  await expect(page.getByRole("button", { name: "Erneut senden" })).toHaveCount(0);
  await snapshot(page, "outbox-email-de");
});
