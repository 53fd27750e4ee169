import { demoEmail, signInWithForm } from "./support/back-office";
import { expect, expectAccessible, snapshot, test } from "./fixtures";

test.describe("signing in and out", () => {
  test("a wrong password and an unknown address get the same answer; the typed address stays", async ({
    page,
  }) => {
    await page.goto("/en/admin/audit");
    await expect(page).toHaveURL(/\/en\/admin\/sign-in\?callbackUrl=%2Fen%2Fadmin%2Faudit$/);
    await page.locator("#email").fill(demoEmail("organizer"));
    await page.locator("#password").fill("not the password");
    await page.locator("form button[type=submit]").click();
    const message = page.getByTestId("form-message");
    await expect(message).toHaveText("The email address or the password is wrong.");
    await expect(page.locator("#email")).toHaveValue(demoEmail("organizer"));

    await page.locator("#email").fill("nobody@demo.example");
    await page.locator("#password").fill("not the password");
    await page.locator("form button[type=submit]").click();
    await expect(message).toHaveText("The email address or the password is wrong.");
    await expectAccessible(page);
  });

  test("an organizer signs in, lands where they wanted to go, and signs out", async ({ page }) => {
    await page.goto("/zh/admin/audit");
    await page.locator("#email").fill(demoEmail("organizer"));
    await page.locator("#password").fill("Hannover-Messe-2017");
    await snapshot(page, "admin-sign-in-zh");
    await page.locator("form button[type=submit]").click();
    await expect(page).toHaveURL(/\/zh\/admin\/audit$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("操作日志");
    await expect(page.getByTestId("signed-in-as")).toContainText("Demo Organizer");
    await expectAccessible(page);

    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/zh\/admin\/sign-in\?signedOut=1$/);
    await expect(page.getByRole("status")).toHaveText("您已退出登录。");
    await page.goto("/zh/admin/audit");
    await expect(page).toHaveURL(/\/zh\/admin\/sign-in/);
  });

  test("a check-in account may not open the audit log", async ({ page }) => {
    await signInWithForm(page, "de", demoEmail("checkin"));
    const response = await page.goto("/de/admin/audit");
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId("forbidden")).toContainText("Kein Zugriff");
  });
});

test.describe("program editing", () => {
  // These change the shared demo database: one project runs them.
  test.skip(({ isMobile }) => isMobile, "Writes to the shared demo meeting.");

  test("a session that double-books a hall is explained, and saved only with a reason", async ({ page }) => {
    await signInWithForm(page, "en", demoEmail("organizer"));
    await page.goto("/en/admin/meetings/2017/sessions/new");
    const form = page.getByTestId("session-form");
    const title = `Press briefing ${Date.now()}`;
    await form.locator("input[name=titleDe]").fill(title);
    await form.locator("select[name=kind]").selectOption("panel");
    await form.locator("input[name=date]").fill("2017-04-24");
    await form.locator("input[name=startTime]").fill("10:15");
    await form.locator("input[name=endTime]").fill("10:30");
    await form.locator("select[name=roomId]").selectOption({ label: "Hall 2 (400 seats)" });
    await form.getByRole("button", { name: "Create session" }).click();

    const conflicts = page.getByTestId("session-conflicts");
    await expect(conflicts.locator("li")).toHaveText([
      /^Room double-booked with “Industrie 4\.0 meets Made in China 2025” .*10:00–10:45/,
    ]);
    // Nothing typed is lost.
    await expect(form.locator("input[name=titleDe]")).toHaveValue(title);
    await expect(form.locator("select[name=roomId]")).toHaveValue(/.+/);
    await snapshot(page, "admin-session-conflict-en");

    await conflicts.getByLabel("Save anyway despite these conflicts").check();
    await form.getByRole("button", { name: "Create session" }).click();
    await expect(page.locator("[data-field-error=reason]")).toBeVisible();
    await conflicts
      .getByLabel(/^Reason/)
      .fill("Short press statement on the stage after the keynote's first part.");
    await form.getByRole("button", { name: "Create session" }).click();

    await expect(page).toHaveURL(/\/en\/admin\/meetings\/2017\/sessions\/(?!new$)[^/]+$/);
    await expect(
      page.getByText(
        "Saved despite conflicts: Short press statement on the stage after the keynote's first part.",
      ),
    ).toBeVisible();
    await page.goto("/en/admin/audit?action=session.create");
    await expect(page.getByTestId("audit-log").locator("tr", { hasText: title }).first()).toContainText(
      "Short press statement",
    );
  });
});

test.describe("ceremony scheduler", () => {
  test.skip(({ isMobile }) => isMobile, "Writes to the shared demo meeting.");

  test("segments added to a new ceremony get their times, and moving one recomputes every start; print view in Chinese", async ({
    page,
  }) => {
    await signInWithForm(page, "en", demoEmail("organizer"));
    await page.goto("/en/admin/meetings/2017/sessions/new");
    const form = page.getByTestId("session-form");
    await form.locator("input[name=titleDe]").fill(`Aufnahme einer Stadt ${Date.now()}`);
    await form.locator("select[name=kind]").selectOption("ceremony");
    await form.locator("input[name=date]").fill("2017-04-24");
    await form.locator("input[name=startTime]").fill("17:00");
    await form.locator("input[name=endTime]").fill("17:30");
    await form.locator("select[name=roomId]").selectOption({ label: "Foyer (500 seats)" });
    await form.getByRole("button", { name: "Create session" }).click();
    await expect(page).toHaveURL(/\/sessions\/(?!new$)[^/]+$/);
    const ceremonyPath = `${new URL(page.url()).pathname}/ceremony`;
    await page.goto(ceremonyPath);

    for (const [minutes, title] of [
      ["10", "Begrüßung"],
      ["5", "Unterzeichnung"],
    ] as const) {
      const add = page.locator("details", { has: page.locator("summary", { hasText: "Add a segment" }) });
      if (!(await add.evaluate((details: HTMLDetailsElement) => details.open)))
        await add.locator("summary").click();
      await add.getByLabel("Duration in minutes").fill(minutes);
      await add.getByLabel("Title (German)").fill(title);
      await add.getByRole("button", { name: "Add", exact: true }).click();
      await expect(page.getByTestId("segments").locator("li", { hasText: title })).toBeVisible();
    }
    const times = page.getByTestId("segments").getByTestId("segment-time");
    await expect(times).toHaveText(["17:00–17:10", "17:10–17:15"]);
    await expect(page.getByText("15 minutes of the slot are left.")).toBeVisible();

    await page.getByRole("button", { name: "Move “Unterzeichnung” up" }).click();
    await expect(times).toHaveText(["17:00–17:05", "17:05–17:15"]);
    await expect(page.getByText("Order saved.")).toBeVisible();
    await page.reload();
    await expect(times).toHaveText(["17:00–17:05", "17:05–17:15"]);
    await snapshot(page, "admin-ceremony-en");

    // The order of precedence: changed in the browser, kept only when saved.
    const officials = page.getByTestId("officials");
    const choices = page.locator("#official-add option:not([value=''])");
    const [first, second] = [(await choices.nth(0).textContent())!, (await choices.nth(1).textContent())!];
    for (const person of [first, second]) {
      await page.locator("#official-add").selectOption({ label: person });
      await page.getByRole("button", { name: "Add", exact: true }).last().click();
    }
    await page.getByRole("button", { name: `Move ${second} up one place` }).click();
    await page.getByLabel(`${second} speaks`).check();
    await expect(page.getByText("There are unsaved changes.")).toBeVisible();
    await page.getByRole("button", { name: "Save order of precedence" }).click();
    await expect(page.getByText("Order of precedence saved.")).toBeVisible();
    await page.reload();
    await expect(officials.locator("tbody tr td:nth-child(2)")).toHaveText([second, first]);
    await expect(page.getByLabel(`${second} speaks`)).toBeChecked();

    await page.goto(`/zh${ceremonyPath.slice(3)}/print`);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.locator("main")).toContainText("17:00–17:05");
    await page.emulateMedia({ media: "print" });
    await snapshot(page, "admin-ceremony-print-zh");
  });
});

test.describe("back-office pages", () => {
  for (const locale of ["de", "zh"] as const) {
    test(`${locale}: home, program, day view, ceremony and accounts render for an admin`, async ({
      page,
      demo,
      isMobile,
    }) => {
      await signInWithForm(page, locale, demoEmail("admin"));
      const pages = {
        home: "/admin",
        program: "/admin/meetings/2017/sessions",
        day: "/admin/meetings/2017/day",
        ceremony: `/admin/meetings/2017/sessions/${demo.ceremony}/ceremony`,
        people: "/admin/people",
        accounts: "/admin/accounts",
      };
      for (const [name, path] of Object.entries(pages)) {
        const response = await page.goto(`/${locale}${path}`);
        expect(response?.status(), path).toBe(200);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        // On a phone, the screen as first seen: the editors run to many screens' length.
        await snapshot(page, `admin-${name}-${locale}`, { fullPage: !isMobile });
      }
    });
  }
});
