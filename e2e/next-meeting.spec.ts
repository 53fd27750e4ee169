import { expect, expectAccessible, snapshot, test } from "./fixtures";
import { demoEmail, signInWithForm } from "./support/back-office";
import { fillCopyOf2017 } from "./support/meetings";

/**
 * The alliance's year, end to end and without touching the database: an organizer adds a city that is
 * to join, prepares the next meeting from 2017 (its rooms, tracks, program, ceremony, letters and quotas),
 * publishes the program at once, admits the city at the copied ceremony and marks it as held. The public
 * pages and the JSON API then show the new meeting and the new member, in German and Chinese.
 */

test.describe("next year's meeting", () => {
  test.skip(
    ({ isMobile }) => isMobile,
    "One walk through the back office; it writes to the shared database.",
  );
  test.setTimeout(180_000);

  test("copy 2017 to 2018, add a candidate city, admit it, mark the ceremony held, publish everything", async ({
    page,
    request,
  }) => {
    await signInWithForm(page, "de", demoEmail("organizer"));

    // A city to be admitted: a candidate, on no public page yet.
    await page.goto("/de/admin/cities/new");
    await page.getByLabel("Name (Deutsch)").fill("Dongguan");
    await page.getByLabel("Name (Englisch)").fill("Dongguan");
    await page.getByLabel("Name (Chinesisch)").fill("东莞");
    await page.getByLabel("Andere Schreibweisen").fill("东莞市");
    await page.locator("select[name=country]").selectOption("CN");
    await page.getByLabel("Bundesland oder Provinz (Deutsch)").fill("Guangdong");
    await page.getByLabel("Bundesland oder Provinz (Chinesisch)").fill("广东省");
    await page.locator("select[name=status]").selectOption("candidate");
    await page.getByRole("button", { name: "Stadt anlegen" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Stadt bearbeiten: Dongguan");

    // 2018, from 2017 with everything: the same weekday one year on, shown on the public website.
    await fillCopyOf2017(page, "de", "Kürzel in der Adresse", "2018");
    await page.getByLabel("Auf der öffentlichen Website zeigen").check();
    await page.getByRole("button", { name: "Treffen anlegen" }).click();
    await expect(page).toHaveURL(/\/de\/admin\/meetings\/2018$/);
    const summary = page.getByTestId("copy-summary");
    // Other specs add sessions and ceremonies to 2017 while this one runs: the counts are theirs too.
    await expect(summary).toContainText(/der Ablauf von \d+ Zeremonien? \(\d+ Programmpunkte\)/);
    await expect(summary).toContainText("die praktischen Hinweise");
    const sessions = Number(/(\d+) Sitzungen als Entwürfe/.exec(await summary.innerText())![1]);
    expect(sessions).toBeGreaterThan(10);

    // Every draft published at once; drafts that clash (other specs save sessions despite conflicts in
    // 2017) are published with a reason each.
    await page.goto("/de/admin/meetings/2018/sessions");
    await page.getByRole("button", { name: `Alle ${sessions} Entwürfe veröffentlichen` }).click();
    const message = page.getByTestId("form-message");
    await expect(message).toHaveText(/^\d+ Sitzungen wurden veröffentlicht\./);
    const reasons = page.getByTestId("held-back").getByRole("textbox");
    const heldBack = await reasons.count();
    if (heldBack > 0) {
      for (let index = 0; index < heldBack; index++) await reasons.nth(index).fill("Wie 2017 abgestimmt");
      await page.getByRole("button", { name: "Mit diesen Begründungen veröffentlichen" }).click();
    }
    const rows = page.getByTestId("admin-sessions").locator("tbody tr");
    await expect(rows).toHaveCount(sessions);
    await expect(rows.filter({ hasText: "Entwurf" })).toHaveCount(0);

    // The copied ceremony admits Dongguan; held on 23 April 2018, it makes Dongguan a member.
    await page.getByRole("link", { name: "„Feierliche Aufnahme Kölns in die Allianz“ bearbeiten" }).click();
    await expect(page).toHaveURL(/\/de\/admin\/meetings\/2018\/sessions\/(?!new$)[^/]+$/);
    await page.goto(`${new URL(page.url()).pathname}/ceremony`);
    const inductees = page.getByRole("region", { name: "Aufzunehmende Städte" });
    await expect(inductees.getByLabel("Köln", { exact: true })).toHaveCount(0);
    await inductees.getByLabel("Dongguan", { exact: true }).check();
    await inductees.getByRole("button", { name: "Städte speichern" }).click();
    await expect(inductees.getByText("Aufzunehmende Städte gespeichert.")).toBeVisible();
    const held = page.getByTestId("held-form");
    await held.getByRole("button", { name: "Als stattgefunden markieren" }).click();
    await expect(held.getByTestId("form-message")).toHaveText(
      "Die Feier ist als stattgefunden markiert; eine Stadt ist jetzt Mitglied.",
    );

    // Public: the meeting with its program and its new member, in German and Chinese.
    const joined = {
      de: "beigetreten am 23. April 2018 beim Jahrestreffen in Hannover",
      zh: "2018年4月23日于汉诺威年会上加入",
    };
    for (const locale of ["de", "zh"] as const) {
      await page.goto(`/${locale}/meetings/2018`);
      const induction = page.getByRole("region", { name: locale === "de" ? /Neues Mitglied/ : /新成员/ });
      await expect(induction).toContainText(locale === "de" ? "Dongguan" : "东莞");
      await expect(page.getByTestId("city-dongguan")).toContainText(locale === "de" ? "neu" : "新");
      await expectAccessible(page);
      await snapshot(page, `next-meeting-${locale}`);

      await page.goto(`/${locale}/meetings/2018/agenda`);
      await expect(page.getByTestId("agenda-session")).toHaveCount(sessions);

      await page.goto(`/${locale}/cities`);
      await expect(page.getByTestId("city-dongguan").getByTestId("joined")).toHaveText(joined[locale]);
      await snapshot(page, `next-meeting-cities-${locale}`);
    }

    const { cities } = (await (await request.get("/api/cities")).json()) as {
      cities: Record<string, unknown>[];
    };
    expect(cities.find((city) => city.slug === "dongguan")).toEqual({
      slug: "dongguan",
      name: { de: "Dongguan", en: "Dongguan", zh: "东莞" },
      country: "CN",
      region: { de: "Guangdong", en: null, zh: "广东省" },
      website: null,
      status: "member",
      joinedOn: "2018-04-23",
      memberSince: 2018,
      inductedAt: "2018",
    });
    expect(cities.find((city) => city.slug === "cologne")).toMatchObject({
      status: "member",
      joinedOn: "2017-04-24",
      inductedAt: "2017",
    });
    const meeting = await request.get("/api/meetings/2018/agenda");
    expect(meeting.status()).toBe(200);
  });
});
