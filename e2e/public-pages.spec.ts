import { expect, expectAccessible, expectNoHorizontalScroll, LOCALES, snapshot, test } from "./fixtures";
import { seededCities } from "./support/cities";

const text = {
  de: {
    meeting: "Jahrestreffen 2017",
    agenda: "Programm",
    newMember: "neu",
    cities: "Mitgliedsstädte",
    example: "Beispielprogramm",
  },
  en: {
    meeting: "Annual meeting 2017",
    agenda: "Agenda",
    newMember: "new",
    cities: "Member cities",
    example: "Example program",
  },
  zh: { meeting: "2017年年会", agenda: "议程", newMember: "新", cities: "成员城市", example: "示例议程" },
} as const;
const htmlLang = { de: "de", en: "en", zh: "zh-CN" } as const;

for (const locale of LOCALES) {
  test.describe(`in ${locale}`, () => {
    test("meeting page: date, venue, Köln's induction, cities side by side, example label", async ({
      page,
    }) => {
      await page.goto(`/${locale}/meetings/2017`);
      await expect(page.locator("html")).toHaveAttribute("lang", htmlLang[locale]);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(text[locale].meeting);
      await expect(page.getByRole("note")).toContainText(text[locale].example);
      await expect(
        page.getByText(locale === "zh" ? "汉诺威工业博览会" : "Hannover Messe").first(),
      ).toBeVisible();
      const cologne = page.getByTestId("city-cologne");
      await expect(cologne).toContainText(locale === "zh" ? "科隆" : locale === "en" ? "Cologne" : "Köln");
      await expect(cologne).toContainText(text[locale].newMember);
      await expect(page.locator(seededCities("all"))).toHaveCount(24);
      await expect(page.getByTestId("registration-status")).toBeVisible();
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
      await snapshot(page, `meeting-${locale}`);
    });

    test("agenda: every session in Hannover and Beijing time", async ({ page, demo }) => {
      await page.goto(`/${locale}/meetings/2017/agenda`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(text[locale].agenda);
      await expect(page.getByTestId("agenda-session")).toHaveCount(13);
      const opening = page
        .getByTestId("agenda-session")
        .filter({ has: page.locator(`a[href$="/sessions/${demo.opening}"]`) });
      // 09:30 in Hannover (CEST, UTC+2) is 07:30Z and 15:30 in Beijing (UTC+8).
      await expect(opening.getByTestId("time-local")).toContainText("09:30–10:00");
      await expect(opening.getByTestId("time-china")).toContainText("15:30–16:00");
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
      await snapshot(page, `agenda-${locale}`);
    });

    test("ceremony page: run-of-show with computed times and Ute Berg", async ({ page, demo }) => {
      await page.goto(`/${locale}/meetings/2017/sessions/${demo.ceremony}`);
      const rows = page.getByTestId("run-of-show").locator("tbody tr");
      await expect(rows).toHaveCount(7);
      const starts = await rows.locator("td:first-child").allTextContents();
      expect(starts).toEqual(["11:00", "11:05", "11:13", "11:23", "11:30", "11:35", "11:40"]);
      await expect(rows.nth(0).locator("td").nth(1)).toHaveText("17:00");
      await expect(rows.nth(2)).toContainText("Ute Berg");
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
      await snapshot(page, `ceremony-${locale}`);
    });

    test("cities page: 10 German and 14 Chinese cities, Köln joined 2017", async ({ page }) => {
      await page.goto(`/${locale}/cities`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(text[locale].cities);
      const [germany, china] = [page.locator("section").nth(0), page.locator("section").nth(1)];
      await expect(germany.locator(seededCities("DE"))).toHaveCount(10);
      await expect(china.locator(seededCities("CN"))).toHaveCount(14);
      await expect(page.getByTestId("city-cologne")).toContainText("2017");
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
      await snapshot(page, `cities-${locale}`);
    });
  });
}

test("session page: room, languages, interpretation and seats left", async ({ page, demo }) => {
  await page.goto(`/en/meetings/2017/sessions/${demo.workshop}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Workshop: smart manufacturing for mid-sized companies",
  );
  await expect(page.getByText("Room 13")).toBeVisible();
  await expect(page.getByText("Interpretation into: Chinese")).toBeVisible();
  // Registration tests may hold some of the 30 seats meanwhile.
  await expect(page.getByTestId("seats-left")).toHaveText(/^\d+ of 30 seats left$/);
  await expectAccessible(page);
});

test("agenda filters by kind and track, and groups by room, without loading another document", async ({
  page,
}) => {
  await page.goto("/en/meetings/2017");
  // The agenda's page cache answers browsers' document requests only; the client router's requests for
  // the same address must still get what the router can read, or every click would reload the page.
  const documents: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "document") documents.push(request.url());
  });
  await page
    .getByRole("navigation", { name: "Meeting sections" })
    .getByRole("link", { name: "Agenda" })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Agenda");
  await page
    .getByRole("navigation", { name: "Filters" })
    .getByRole("link", { name: "Workshop", exact: true })
    .click();
  await expect(page).toHaveURL(/\?kind=workshop$/);
  await expect(page.getByTestId("agenda-session")).toHaveCount(2);
  await page.getByRole("link", { name: "City cooperation" }).click();
  await expect(page).toHaveURL(/kind=workshop&track=staedte/);
  await expect(page.getByTestId("agenda-session")).toHaveCount(1);
  await expect(page.getByTestId("agenda-session")).toContainText("investment and business settlement");
  expect(documents).toEqual([]);
  await page.goto("/en/meetings/2017/agenda?view=room");
  await expect(page.getByRole("heading", { level: 3, name: "Hall 2" })).toBeVisible();
  await page.goto("/en/meetings/2017/agenda?kind=tour&track=plenum");
  await expect(page.getByText("No sessions match this selection.")).toBeVisible();
});

test("the language switcher keeps the page and its filters", async ({ page }) => {
  await page.goto("/de/meetings/2017/agenda?kind=workshop");
  await page.getByRole("link", { name: "中文" }).click();
  await expect(page).toHaveURL(/\/zh\/meetings\/2017\/agenda\?kind=workshop$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByTestId("agenda-session")).toHaveCount(2);
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en\/meetings\/2017\/agenda\?kind=workshop$/);
});

test("/ redirects by Accept-Language, German by default", async ({ playwright, baseURL }) => {
  for (const [header, expected] of [
    ["zh-CN,zh;q=0.9,en;q=0.5", "/zh"],
    ["en-GB,en;q=0.8", "/en"],
    ["fr-FR", "/de"],
    ["", "/de"],
  ] as const) {
    const context = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: header ? { "Accept-Language": header } : {},
    });
    const response = await context.get("/", { maxRedirects: 0 });
    expect(response.status(), header).toBe(307);
    expect(new URL(response.headers().location!, baseURL).pathname, header).toBe(expected);
    await context.dispose();
  }
});

test("home page and unknown pages", async ({ page }) => {
  await page.goto("/zh");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("中德工业城市联盟");
  // 10 and 14 as installed; other specs admit cities meanwhile.
  const members = page.getByText(/^\d+个德国成员城市和\d+个中国成员城市$/);
  const [german, chinese] = (await members.innerText()).match(/\d+/g)!.map(Number);
  expect(german).toBeGreaterThanOrEqual(10);
  expect(chinese).toBeGreaterThanOrEqual(14);
  await expectAccessible(page);
  await snapshot(page, "home-zh");
  const missing = await page.goto("/de/meetings/1999");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Seite nicht gefunden");
  const missingSession = await page.goto("/en/meetings/2017/sessions/does-not-exist");
  expect(missingSession?.status()).toBe(404);
});
