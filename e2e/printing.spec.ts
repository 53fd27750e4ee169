import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { demoEmail, signInWithForm } from "./support/back-office";
import { pdfPageCount, pdfText } from "./support/pdf";

/**
 * What delegates print: the manage page is their confirmation, one A4 page with their name in both scripts,
 * the meeting, their sessions with both times, the check-in QR code and the practical information, and
 * none of the secret link, the forms or the buttons; the agenda prints as a timetable. Printed through
 * Chromium's own PDF output; the pages' text is read back from the PDF. A meeting of its own (a copy of
 * 2017, published), so that the seats taken here leave the demo's agenda as other specs count it.
 */

/** What was printed, as a PDF and as the page in print media (PNG), for people to look at. */
const SHOTS = "screenshots/printing";

async function printed(page: Page, name: string): Promise<{ pages: number; text: string }> {
  await page.emulateMedia({ media: "print" });
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  const pdf = await page.pdf({ path: `${SHOTS}/${name}.pdf`, format: "A4", preferCSSPageSize: true });
  await page.emulateMedia({ media: "screen" });
  return { pages: pdfPageCount(pdf), text: pdfText(pdf) };
}

/** A future Monday's meeting copied from 2017, on the public website, every session published. */
async function createPrintMeeting(page: Page, slug: string) {
  await signInWithForm(page, "de", demoEmail("organizer"));
  await page.goto("/de/admin/meetings/new");
  const form = page.locator("main form").filter({ has: page.locator("input[name=slug]") });
  await form.locator("input[name=slug]").fill(slug);
  const from = form.locator("#copyFrom");
  await from.selectOption({ label: await from.locator("option", { hasText: "(2017)" }).innerText() });
  const fields: [name: string, value: string][] = [
    ["startsOn", "2030-04-22"],
    ["endsOn", "2030-04-22"],
    ["registrationOpensAt", ""],
    ["registrationClosesAt", ""],
  ];
  for (const [field, value] of fields) await form.locator(`input[name=${field}]`).fill(value);
  await form.locator("input[name=requiresApproval]").uncheck();
  await form.locator("input[name=published]").check();
  await form.locator("button[type=submit]").click();
  await expect(page).toHaveURL(new RegExp(`/de/admin/meetings/${slug}$`));

  await page.goto(`/de/admin/meetings/${slug}/sessions`);
  await page.getByRole("button", { name: /^Alle \d+ Entwürfe veröffentlichen$/ }).click();
  await expect(page.getByTestId("form-message")).toHaveText(/Sitzungen? wurden? veröffentlicht/);
  const reasons = page.getByTestId("held-back").getByRole("textbox");
  const heldBack = await reasons.count();
  if (heldBack > 0) {
    for (let index = 0; index < heldBack; index++) await reasons.nth(index).fill("Wie 2017");
    await page.getByRole("button", { name: "Mit diesen Begründungen veröffentlichen" }).click();
    await expect(page.getByTestId("held-back")).toHaveCount(0);
  }
}

test.describe("printing", () => {
  test.skip(({ isMobile }) => isMobile, "A4 is A4 on any screen; the meeting of its own is made once.");
  test.setTimeout(180_000);

  test("the confirmation prints on one A4 page, without the manage link; the agenda as a timetable", async ({
    page,
    browser,
  }) => {
    const slug = `print-${randomUUID().slice(0, 8)}`;
    await createPrintMeeting(page, slug);

    const { sessions } = (await (await page.request.get(`/api/meetings/${slug}/agenda`)).json()) as {
      sessions: { id: string; kind: string; capacity: number | null; title: { de: string; zh: string } }[];
    };
    const workshop = sessions.find((session) => session.kind === "workshop" && session.capacity !== null)!;
    const tour = sessions.find((session) => session.kind === "tour")!;
    const registered = await page.request.post(`/api/meetings/${slug}/registrations?lang=zh`, {
      data: {
        givenName: "Wei",
        familyName: "Wang",
        nativeName: "王伟",
        nameOrder: "family_first",
        honorific: "市长",
        email: `print-${randomUUID().slice(0, 8)}@example.org`,
        role: "head_of_delegation",
        language: "zh",
        cityOther: "Shenzhen",
        sessionIds: [workshop.id, tour.id],
        privacyConsent: true,
      },
    });
    expect(registered.status()).toBe(201);
    const { manageUrl } = (await registered.json()) as { manageUrl: string };
    const token = new URL(manageUrl).pathname.split("/").pop()!;

    // A delegate's browser: no organizer's session.
    const delegate = await (await browser.newContext({ timezoneId: "Asia/Shanghai" })).newPage();
    for (const locale of ["zh", "de"] as const) {
      // Straight after registering: the page that shows the secret link most prominently.
      await delegate.goto(`/${locale}/manage/${token}?welcome=1`);
      await expect(delegate.getByTestId("manage-link")).toBeVisible();
      await expect(
        delegate.getByRole("button", { name: locale === "zh" ? "打印参会确认" : "Bestätigung drucken" }),
      ).toBeVisible();

      const { pages, text } = await printed(delegate, `manage-${locale}`);
      expect(pages, `${locale}: the confirmation is one A4 page`).toBe(1);
      expect(text).not.toContain(token);
      // Name in both scripts, the meeting, the sessions with both times, the check-in code, the practical information.
      for (const shown of [
        "王伟",
        "Wang Wei",
        locale === "zh" ? "汉诺威工业博览会" : "Hannover Messe",
        workshop.title[locale],
        tour.title[locale],
        locale === "zh" ? "北京" : "Peking",
        locale === "zh" ? "实用信息" : "Praktische Hinweise",
        locale === "zh" ? "现场签到" : "Check-in vor Ort",
      ])
        expect(text, `${locale}: ${shown}`).toContain(shown);
      // No forms, no buttons, no navigation.
      for (const hidden of locale === "zh"
        ? ["打印参会确认", "保存选择", "取消报名", "订阅我的日程", "首页"]
        : [
            "Bestätigung drucken",
            "Auswahl speichern",
            "Stornieren",
            "Programm im Kalender abonnieren",
            "Startseite",
          ])
        expect(text, `${locale}: ${hidden}`).not.toContain(hidden);
      await expect(delegate.getByTestId("check-in-qr").locator("svg")).toBeVisible();
    }

    // The agenda: a timetable without filters, subscriptions or tabs; no card split across pages.
    await delegate.goto(`/de/meetings/${slug}/agenda`);
    await delegate.emulateMedia({ media: "print" });
    for (const card of await delegate.getByTestId("agenda-session").all())
      expect(await card.evaluate((element) => getComputedStyle(element).breakInside)).toBe("avoid");
    await delegate.emulateMedia({ media: "screen" });
    const agenda = await printed(delegate, "agenda-de");
    expect(agenda.text).toContain(workshop.title.de);
    for (const hidden of ["Filter", "Kalender abonnieren", "Überblick", "In den Kalender (.ics)"])
      expect(agenda.text, hidden).not.toContain(hidden);
    await delegate.context().close();
  });
});
