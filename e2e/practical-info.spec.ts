import { randomUUID } from "node:crypto";
import { devices } from "@playwright/test";
import { expect, expectAccessible, expectNoHorizontalScroll, snapshot, test } from "./fixtures";
import { demoEmail, signInWithForm } from "./support/back-office";

/**
 * Practical information from the organizer's form to the delegate's phone: an organizer corrects the
 * contact's number and writes the dress code in Chinese on the 2017 meeting's settings page (in German),
 * after a wrong coordinate was refused with what was typed kept; a visitor on a phone then finds the
 * number, the dress code and both map links on the Chinese meeting page and, once registered, on the
 * confirmation page; the privacy page names the contact with the new number.
 */

test.describe("practical information", () => {
  test.skip(
    ({ isMobile }) => isMobile,
    "One walk: the organizer at a desk, the visitor on a phone of its own.",
  );
  test.setTimeout(90_000);

  test("an organizer edits it in German, a visitor reads it in Chinese on a phone", async ({
    page,
    browser,
    baseURL,
  }) => {
    await signInWithForm(page, "de", demoEmail("organizer"));
    await page.goto("/de/admin/meetings/2017");
    const form = page.getByTestId("practical-info-form");
    await expect(page.getByRole("heading", { name: "Praktische Hinweise für Delegierte" })).toBeVisible();
    await expect(form.locator("#contactName")).toHaveValue("Dr. Mara Feld");

    // A latitude beyond the pole: refused in German, with everything typed still there.
    await form.locator("#contactPhone").fill("+49 511 555 0177");
    await form.locator("#latitude").fill("95,5");
    await form.locator("#dressCodeZh").fill("深色西装；入盟仪式请佩戴胸卡。");
    await form.getByRole("button", { name: "Praktische Hinweise speichern" }).click();
    await expect(form.locator('[data-field-error="latitude"]')).toHaveText(
      "Bitte den Breitengrad als Dezimalzahl zwischen -90 und 90 angeben, z. B. 52.3239.",
    );
    await expect(form.locator("#contactPhone")).toHaveValue("+49 511 555 0177");
    await expect(form.locator("#dressCodeZh")).toHaveValue("深色西装；入盟仪式请佩戴胸卡。");

    await form.locator("#latitude").fill("52.3239");
    await form.getByRole("button", { name: "Praktische Hinweise speichern" }).click();
    await expect(form.getByTestId("form-message")).toHaveText("Die praktischen Hinweise sind gespeichert.");
    await snapshot(page, "practical-info-editor-de");

    // The visitor: a phone in Shanghai, reading Chinese.
    const phone = await browser.newContext({ ...devices["Pixel 7"], timezoneId: "Asia/Shanghai", baseURL });
    try {
      const visitor = await phone.newPage();
      await visitor.goto("/zh/meetings/2017");
      const info = visitor.getByRole("region", { name: "实用信息" });
      await expect(info.locator('[data-practical="contact"]')).toContainText("Dr. Mara Feld");
      await expect(info.getByRole("link", { name: "+49 511 555 0177" })).toHaveAttribute(
        "href",
        "tel:+495115550177",
      );
      await expect(info.locator('[data-practical="dressCode"] dd')).toHaveText(
        "深色西装；入盟仪式请佩戴胸卡。",
      );
      await expect(info.getByRole("link", { name: "高德地图（中国大陆可用）" })).toHaveAttribute(
        "href",
        /^https:\/\/uri\.amap\.com\/marker\?position=9\.8089%2C52\.3239&.*coordinate=wgs84/,
      );
      await expect(info.getByRole("link", { name: "地图（OpenStreetMap）" })).toHaveAttribute(
        "href",
        /^https:\/\/www\.openstreetmap\.org\/\?mlat=52\.3239&mlon=9\.8089/,
      );
      await expectAccessible(visitor);
      await expectNoHorizontalScroll(visitor);
      await visitor
        .getByRole("heading", { name: "实用信息" })
        .evaluate((heading) => heading.scrollIntoView({ block: "start" }));
      await snapshot(visitor, "practical-info-meeting-zh-phone", { fullPage: false });

      // Registered, the delegate finds it again on the confirmation page.
      const registered = await phone.request.post("/api/meetings/2017/registrations?lang=zh", {
        data: {
          givenName: "Fang",
          familyName: "Zhou",
          nativeName: "周芳",
          nameOrder: "family_first",
          email: `practical-${randomUUID().slice(0, 8)}@example.org`,
          role: "delegate",
          language: "zh",
          cityOther: "Shenzhen",
          sessionIds: [],
          privacyConsent: true,
        },
      });
      expect(registered.status()).toBe(201);
      const { manageUrl } = (await registered.json()) as { manageUrl: string };
      await visitor.goto(`${new URL(manageUrl).pathname}?welcome=1`);
      await expect(visitor.getByRole("status").first()).toBeVisible();
      await expect(
        visitor.getByRole("region", { name: "实用信息" }).getByRole("link", { name: "+49 511 555 0177" }),
      ).toBeVisible();

      await visitor.goto("/zh/privacy");
      await expect(visitor.getByTestId("privacy-contacts")).toContainText(
        "2017年年会：Dr. Mara Feld，jahrestreffen2017@example.org，+49 511 555 0177",
      );

      // The editor on a phone, in Chinese.
      const editor = await phone.newPage();
      await signInWithForm(editor, "zh", demoEmail("organizer"));
      await editor.goto("/zh/admin/meetings/2017");
      await expect(editor.getByRole("heading", { name: "面向代表的实用信息" })).toBeVisible();
      await expect(editor.locator("#contactPhone")).toHaveValue("+49 511 555 0177");
      await editor
        .getByRole("heading", { name: "面向代表的实用信息" })
        .evaluate((heading) => heading.scrollIntoView({ block: "start" }));
      await snapshot(editor, "practical-info-editor-zh-phone", { fullPage: false });
    } finally {
      await phone.close();
    }

    // The German meeting page at a desk.
    await page.goto("/de/meetings/2017");
    await expect(page.getByRole("region", { name: "Praktische Hinweise" })).toContainText(
      "Messegelände 30521 Hannover Deutschland",
    );
    await snapshot(page, "practical-info-meeting-de");
  });
});
