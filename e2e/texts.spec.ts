import { asciiPunctuationInChinese, zoneIdentifiers } from "@/app/_lib/i18n/text-rules";
import { expect, LOCALES, snapshot, test } from "./fixtures";

/**
 * The public pages as people read them, in every language: no time zone by its identifier anywhere, the
 * Chinese pages' own words with full-width punctuation, and English pages that call the city Cologne.
 * (The messages themselves are checked by app/_lib/i18n/texts.test.ts; this catches what pages compose.)
 */

const pages = (demo: { ceremony: string; workshop: string }) => [
  "",
  "/meetings/2017",
  "/meetings/2017/agenda",
  `/meetings/2017/sessions/${demo.ceremony}`,
  `/meetings/2017/sessions/${demo.workshop}`,
  "/meetings/2017/register",
  "/cities",
  "/privacy",
  "/manage",
];

test.describe("texts on the public pages", () => {
  for (const locale of LOCALES)
    test(`${locale}: no zone identifiers, and the language's own punctuation and names`, async ({
      page,
      demo,
    }) => {
      for (const path of pages(demo)) {
        await page.goto(`/${locale}${path}`);
        const text = await page.locator("body").innerText();
        expect(zoneIdentifiers(text), `${locale}${path}`).toEqual([]);
        if (locale === "zh") expect(asciiPunctuationInChinese(text), path).toEqual([]);
        if (locale === "en") expect(text, path).not.toMatch(/Köln|Koeln/);
      }
      await page.goto(`/${locale}/meetings/2017`);
      await snapshot(page, `texts-meeting-${locale}`);
    });

  test("the meeting page names its zone and its venue in the reader's language", async ({ page }) => {
    await page.goto("/zh/meetings/2017");
    await expect(page.getByText("所有时间均为汉诺威当地时间（中欧夏令时间），并附北京时间。")).toBeVisible();
    await expect(page.getByRole("heading", { name: "新成员：科隆" })).toBeVisible();
    await page.goto("/de/meetings/2017");
    await expect(
      page.getByText(
        "Alle Zeiten in Ortszeit Hannover (Mitteleuropäische Sommerzeit), daneben Pekinger Zeit.",
      ),
    ).toBeVisible();
  });
});
