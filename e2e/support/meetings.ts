import type { Page } from "@playwright/test";
import { expect } from "../fixtures";

/**
 * Opens the new-meeting form and fills it for Monday 23 April 2018 as a copy of the 2017 meeting, after
 * checking that every part of 2017 is ticked to be copied (the form's default). Does not send it.
 */
export async function fillCopyOf2017(page: Page, locale: "de" | "zh", slugLabel: string, slug: string) {
  await page.goto(`/${locale}/admin/meetings/new`);
  await page.getByLabel(slugLabel).fill(slug);
  await page.locator("#startsOn").fill("2018-04-23");
  await page.locator("#endsOn").fill("2018-04-23");
  const from = page.locator("#copyFrom");
  await from.selectOption({ label: await from.locator("option", { hasText: "(2017)" }).innerText() });
  for (const part of ["rooms", "tracks", "program", "ceremonies", "visaLetters", "quotas"])
    await expect(page.locator(`input[name="copy-${part}"]`)).toBeChecked();
}
