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
  for (const part of ["rooms", "tracks", "program", "ceremonies", "visaLetters", "quotas", "practicalInfo"])
    await expect(page.locator(`input[name="copy-${part}"]`)).toBeChecked();
}

/**
 * A published, empty meeting of a spec's own on one day (yyyy-mm-dd), made through the back office's form
 * (signed in as an organizer): a spec that publishes sessions or takes seats there leaves the demo
 * meeting's agenda, which other specs count, as it is. A day still to come keeps registration open.
 */
export async function createOwnMeeting(page: Page, locale: "de" | "en", slug: string, day: string) {
  await page.goto(`/${locale}/admin/meetings/new`);
  const form = page.locator("main form").filter({ has: page.locator("input[name=slug]") });
  const fill = (name: string, value: string) => form.locator(`input[name=${name}]`).fill(value);
  await fill("slug", slug);
  await fill("titleDe", `Treffen ${slug}`);
  await fill("venueName", "Hannover Messe");
  await fill("venueCity", "Hannover");
  await fill("timeZone", "Europe/Berlin");
  await fill("startsOn", day);
  await fill("endsOn", day);
  await fill("registrationOpensAt", "");
  await fill("registrationClosesAt", "");
  await form.locator("#copyFrom").selectOption("");
  await form.locator("input[name=published]").check();
  await form.locator("button[type=submit]").click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/admin/meetings/${slug}$`));
}
