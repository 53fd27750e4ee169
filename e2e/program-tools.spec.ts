import type { Page } from "@playwright/test";
import { demoEmail, signInWithForm } from "./support/back-office";
import { fillCopyOf2017 } from "./support/meetings";
import { expect, expectAccessible, expectNoHorizontalScroll, snapshot, test } from "./fixtures";

/**
 * Preparing next year's meeting: copying 2017 into a new meeting with everything, the copied program as
 * drafts on the same weekday and time, duplicating a session, and publishing the drafts at once, where
 * conflicts need a reason. Each test makes a meeting of its own under a unique slug.
 */

/** The page as it is, and at a phone's width, where it must not scroll sideways. */
async function shot(page: Page, name: string): Promise<void> {
  await snapshot(page, name);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await snapshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

const uniqueSlug = (prefix: string) => `${prefix}-${Date.now().toString(36)}`;

/** Creates a meeting on Monday 23 April 2018 from the 2017 meeting with every part ticked; returns its slug. */
async function copy2017(page: Page, locale: "de" | "zh", labels: { slug: string; create: string }) {
  const slug = uniqueSlug(`p${locale}`);
  await fillCopyOf2017(page, locale, labels.slug, slug);
  return { slug, create: () => page.getByRole("button", { name: labels.create }).click() };
}

test.describe("program tools", () => {
  test.skip(
    ({ isMobile }) => isMobile,
    "One walk through the back office; the phone width is checked in screenshots.",
  );

  test("de: copying 2017 brings its program as drafts on the same weekday and at the same time", async ({
    page,
  }) => {
    await signInWithForm(page, "de", demoEmail("organizer"));
    // The 2017 program's opening: Monday 24 April 2017, at its time in Hannover.
    await page.goto("/de/admin/meetings/2017/sessions");
    const opening = "Eröffnung des Jahrestreffens";
    const openingTime = await page
      .getByRole("row", { name: new RegExp(opening) })
      .locator("td")
      .nth(1)
      .innerText();
    expect(openingTime).toBe("09:30–10:00");

    const { slug, create } = await copy2017(page, "de", {
      slug: "Kürzel in der Adresse",
      create: "Treffen anlegen",
    });
    await expect(page.getByRole("group", { name: "Von einem früheren Treffen übernehmen" })).toBeVisible();
    await expectAccessible(page);
    await shot(page, "new-meeting-de");
    await create();

    await expect(page).toHaveURL(new RegExp(`/de/admin/meetings/${slug}$`));
    const summary = page.getByTestId("copy-summary");
    await expect(summary.getByRole("heading")).toHaveText("Vorbereitet aus dem Treffen 2017");
    await expect(summary).toContainText(
      // Other specs add sessions and ceremonies to 2017 while this one runs: the counts are theirs too.
      /Übernommen: \d+ Sitzungen als Entwürfe, der Ablauf von \d+ Zeremonien? \(\d+ Programmpunkte\), 5 Räume, 4 Themenstränge/,
    );
    const sessions = Number(/(\d+) Sitzungen als Entwürfe/.exec(await summary.innerText())![1]);
    await expectAccessible(page);
    await shot(page, "copy-summary-de");

    await summary.getByRole("link", { name: "Programm öffnen" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Montag, 23. April 2018" })).toBeVisible();
    const rows = page.getByTestId("admin-sessions").locator("tbody tr");
    await expect(rows).toHaveCount(sessions);
    await expect(rows.filter({ hasText: "Entwurf" })).toHaveCount(sessions);
    const copied = page.getByRole("row", { name: new RegExp(opening) });
    await expect(copied.locator("td").nth(1)).toHaveText(openingTime);
    await expect(copied).toContainText("Saal 2");
    await expect(
      page.getByRole("button", { name: `Alle ${sessions} Entwürfe veröffentlichen` }),
    ).toBeVisible();
    await shot(page, "program-de");
  });

  test("zh: duplicate a session, then publish all drafts, giving reasons for the conflicts", async ({
    page,
  }) => {
    await signInWithForm(page, "zh", demoEmail("organizer"));
    const { slug, create } = await copy2017(page, "zh", { slug: "网址中的标识", create: "创建年会" });
    await shot(page, "new-meeting-zh");
    await create();
    await expect(page.getByTestId("copy-summary")).toContainText(/已沿用：\d+ 个场次（草稿）/);
    await shot(page, "copy-summary-zh");

    await page.goto(`/zh/admin/meetings/${slug}/sessions`);
    const rows = page.getByTestId("admin-sessions").locator("tbody tr");
    const before = await rows.count();
    const workshop = "研讨会：中小企业的智能制造";
    await page.getByRole("link", { name: `编辑“${workshop}”` }).click();
    const editor = page.url();
    await page.getByRole("button", { name: "复制场次" }).click();
    await expect(page).not.toHaveURL(editor);
    await expect(page).toHaveURL(new RegExp(`/zh/admin/meetings/${slug}/sessions/[^/]+$`));
    await expect(page.getByTestId("session-status")).toContainText("草稿");

    await page.goto(`/zh/admin/meetings/${slug}/sessions`);
    await expect(rows).toHaveCount(before + 1);
    await page.getByRole("button", { name: `发布全部 ${before + 1} 个草稿` }).click();
    const message = page.getByTestId("form-message");
    // The workshop and its duplicate clash; sessions other specs saved in 2017 despite a conflict may too.
    await expect(message).toHaveText(/^已发布 \d+ 个场次。\d+ 个草稿存在冲突，须填写理由。$/);
    const held = page.getByTestId("held-back");
    await expect(held.getByLabel(`尽管存在冲突仍发布“${workshop}”的理由`)).toHaveCount(2);
    const reasons = held.getByRole("textbox");
    const heldBack = await reasons.count();
    expect(/(\d+) 个草稿存在冲突/.exec((await message.textContent())!)![1]).toBe(String(heldBack));
    // Each names what it clashes with: the other workshop of the same title, in the same room.
    await expect(held.locator("[data-field-error]", { hasText: workshop }).first()).toBeVisible();
    await shot(page, "bulk-held-zh");
    await expectAccessible(page);

    // Without reasons they stay drafts; with a reason each they are published.
    await held.getByRole("button", { name: "按所填理由发布" }).click();
    await expect(message).toHaveText(`未发布任何场次。${heldBack} 个草稿存在冲突，须填写理由。`);
    for (let index = 0; index < heldBack; index++) await reasons.nth(index).fill("上下午各一场，会场已确认");
    await held.getByRole("button", { name: "按所填理由发布" }).click();
    await expect(message).toHaveText(`已发布 ${heldBack} 个场次。`);
    await expect(rows.filter({ hasText: "已发布" })).toHaveCount(before + 1);
    await expect(rows.filter({ hasText: "草稿" })).toHaveCount(0);
  });
});
