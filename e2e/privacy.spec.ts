import { expect, expectAccessible, expectNoHorizontalScroll, snapshot, test } from "./fixtures";

/** The demo meeting ends on Monday 24 April 2017; with the default 90 days it is anonymized from Sunday 23 July. */
const text = {
  de: {
    title: "Datenschutzhinweise",
    footer: "Datenschutz",
    period: "90 Tage nach dem letzten Tag",
    date: "Jahrestreffen 2017: anonymisiert am Sonntag, 23. Juli 2017",
  },
  zh: {
    title: "隐私声明",
    footer: "隐私声明",
    period: "会议最后一天之后 90 天",
    date: "2017年年会：于2017年7月23日星期日匿名化",
  },
} as const;

for (const locale of ["de", "zh"] as const) {
  test(`privacy notice in ${locale}: reached from the footer, states the retention period and the meeting's date`, async ({
    page,
    isMobile,
  }) => {
    await page.goto(`/${locale}/meetings/2017`);
    await page.getByRole("contentinfo").getByRole("link", { name: text[locale].footer }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/privacy$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text[locale].title);
    await expect(page.getByRole("heading", { level: 2 })).toHaveCount(6);
    await expect(page.locator("#retention-title + p")).toContainText(text[locale].period);
    await expect(page.getByTestId("retention-dates")).toContainText(text[locale].date);
    await expect(
      page.getByRole("link", {
        name: locale === "de" ? "Hier lassen Sie ihn sich erneut zusenden." : "请在此重新发送。",
      }),
    ).toHaveAttribute("href", `/${locale}/manage`);
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    // Phones: the first screen, as a delegate sees it.
    await snapshot(page, `privacy-${locale}`, { fullPage: !isMobile });
  });
}

test("the registration form links the privacy notice beside the consent", async ({ page }) => {
  await page.goto("/en/meetings/2017/register");
  await page.getByRole("link", { name: "Read the privacy notice: what we store and for how long" }).click();
  await expect(page).toHaveURL(/\/en\/privacy$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy notice");
});
