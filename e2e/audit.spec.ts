import { expect, expectAccessible, expectNoHorizontalScroll, snapshot, test } from "./fixtures";
import { demoEmail, signInWithForm } from "./support/back-office";

/**
 * The audit log as organizers read it: who, when, what in words with the record linked, the reason and
 * the conflicts a session was saved despite, in German and Chinese. And the person editor's heading in
 * the person's name order.
 */

test.describe("the audit log in words", () => {
  // Writes to the shared demo meeting: one project runs it.
  test.skip(({ isMobile }) => isMobile, "Writes to the shared demo meeting.");

  test("a session saved despite a room conflict shows its title linked, the reason and the accepted conflict", async ({
    page,
  }) => {
    await signInWithForm(page, "de", demoEmail("organizer"));
    await page.goto("/de/admin/meetings/2017/sessions/new");
    const form = page.getByTestId("session-form");
    const stamp = Date.now();
    const title = `Pressegespräch ${stamp}`;
    const titleZh = `媒体见面会 ${stamp}`;
    await form.locator("input[name=titleDe]").fill(title);
    await form.locator("input[name=titleZh]").fill(titleZh);
    await form.locator("select[name=kind]").selectOption("panel");
    await form.locator("input[name=date]").fill("2017-04-24");
    // After back-office.spec.ts's press briefing (10:15–10:30), which must clash with one session only.
    await form.locator("input[name=startTime]").fill("10:35");
    await form.locator("input[name=endTime]").fill("10:40");
    await form.locator("select[name=roomId]").selectOption({ label: "Saal 2 (400 Plätze)" });
    await form.getByRole("button", { name: "Sitzung anlegen" }).click();
    const conflicts = page.getByTestId("session-conflicts");
    await expect(conflicts.locator("li")).toHaveCount(1);
    await conflicts.locator("input[name=override]").check();
    await conflicts
      .locator("textarea[name=reason], input[name=reason]")
      .fill("Kurze Erklärung auf der Bühne.");
    await form.getByRole("button", { name: "Sitzung anlegen" }).click();
    await expect(page).toHaveURL(/\/de\/admin\/meetings\/2017\/sessions\/(?!new$)[^/]+$/);
    const sessionPath = new URL(page.url()).pathname;

    await page.goto("/de/admin/audit?action=session.create");
    const row = page.getByTestId("audit-log").locator("tr", { hasText: title });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole("link", { name: title })).toHaveAttribute("href", sessionPath);
    await expect(row).toContainText(`Sitzung ${title} angelegt`);
    await expect(row).toContainText("Demo Organizer (organizer@demo.example)");
    await expect(row.getByTestId("audit-reason")).toHaveText("Begründung: Kurze Erklärung auf der Bühne.");
    await expect(row.getByTestId("audit-conflicts").locator("li")).toHaveText([
      "Raum doppelt belegt mit „Industrie 4.0 trifft Made in China 2025“ 10:00–10:45",
    ]);
    await expect(row.locator("time")).toHaveText(/^\d{1,2}\. \w+\.? \d{4}, \d{2}:\d{2}$/);
    await expect(row).not.toContainText("Europe/Berlin");
    await row.locator("summary").click();
    await expect(row.locator("dl")).toContainText("Titel (Deutsch)");
    await expect(row.locator("dl")).toContainText(`— → ${title}`);
    await expect(row.locator("dl")).toContainText("Raum");
    await expect(row.locator("dl")).toContainText("— → Saal 2");
    await expect(row.locator("dl")).not.toContainText("{");
    await expectAccessible(page);
    await snapshot(page, "audit-de-desktop");

    await page.goto("/zh/admin/audit?action=session.create");
    const rowZh = page.getByTestId("audit-log").locator("tr", { hasText: titleZh });
    await expect(rowZh.getByRole("link", { name: titleZh })).toHaveAttribute(
      "href",
      `/zh${sessionPath.slice(3)}`,
    );
    await expect(rowZh).toContainText(`创建了场次“${titleZh}”`);
    await expect(rowZh.getByTestId("audit-reason")).toContainText("Kurze Erklärung auf der Bühne.");
    await expect(rowZh.getByTestId("audit-conflicts")).toContainText("已接受以下冲突并保存：");
    await expect(rowZh.getByTestId("audit-conflicts").locator("li")).toHaveText([
      "会场重复预订：与“工业4.0对接中国制造2025”（10:00–10:45）冲突",
    ]);
    await snapshot(page, "audit-zh-desktop");
    await page.setViewportSize({ width: 390, height: 844 });
    await snapshot(page, "audit-zh-phone", { fullPage: false });
    await page.goto("/de/admin/audit?action=session.create");
    await snapshot(page, "audit-de-phone", { fullPage: false });
    await expectNoHorizontalScroll(page);
  });
});

test.describe("the person editor", () => {
  test.skip(({ isMobile }) => isMobile, "Writes to the shared demo data.");

  test("heads the page with the name in the person's order, the native name as elsewhere", async ({
    page,
  }) => {
    await signInWithForm(page, "de", demoEmail("organizer"));
    await page.goto("/de/admin/people/new");
    await page.locator("input[name=givenName]").fill("Qiang");
    await page.locator("input[name=familyName]").fill("Li");
    await page.locator("input[name=nativeName]").fill("李强");
    await page.locator("input[name=slug]").fill(`li-qiang-${Date.now()}`);
    await page.locator("input[name=nameOrder][value=family_first]").check();
    await page.getByRole("button", { name: "Person anlegen" }).click();
    await expect(page).toHaveURL(/\/de\/admin\/people\/(?!new$)[^/]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Person bearbeiten: Li Qiang (李强)");
    await page.goto(page.url().replace("/de/", "/zh/"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("编辑人员：李强（Li Qiang）");
    await page.goto(page.url().replace("/zh/", "/en/"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit person: Li Qiang (李强)");
  });
});
