import path from "node:path";
import pg from "pg";
import type { Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { ceremony as ceremony2017 } from "../prisma/seed-data/ceremony-2017";
import { run, startAppServer, type AppServer } from "../scripts/lib/app-server";
import { dropDatabase, freshDatabase } from "../scripts/lib/database";
import { expect, expectAccessible, snapshot, test } from "./fixtures";
import { signInWithForm } from "./support/back-office";

/**
 * The 2017 ceremony (Köln's induction) run live, as on the day: the operator on one app instance, the
 * crew in Chinese on a second instance, both on one PostgreSQL database (changes travel by LISTEN/NOTIFY),
 * the speaker's confidence monitor, and the public session page. Each view must follow each step within
 * a second of the press, also after it lost its connection for a while.
 *
 * The suite's own server runs on PGlite, so this spec starts two `next start` of the same build on a
 * database of its own, made from TEST_DATABASE_URL (migrated and loaded with the 2017 meeting, with two
 * admin accounts made by `admin:create`), one after the other, and drops it at the end.
 */

const DATABASE_SERVER = process.env.TEST_DATABASE_URL;
/** Instances A and B: beside the suite's server (E2E_PORT), or where E2E_LIVE_PORT says. */
const PORT_A = Number(process.env.E2E_LIVE_PORT ?? Number(process.env.E2E_PORT ?? 3210) + 51);
const PORT_B = PORT_A + 1;
const PASSWORD = "Aufnahme Köln 2017 live";
const OPERATORS = ["stage-left@alliance.example", "stage-right@alliance.example"] as const;
/** What "within a second" means here: measured from the press, as a viewer would notice. */
const WITHIN_A_SECOND = { timeout: 1_000 };
const TITLES = ceremony2017.segments.map((segment) => segment.title);
const PHONE = { width: 390, height: 844 };
const TABLET = { width: 820, height: 1180 };
const DESKTOP = { width: 1280, height: 900 };
const MONITOR = { width: 1920, height: 1080 };

test.describe("the ceremony live on every screen", () => {
  test.skip(!DATABASE_SERVER, "Needs a PostgreSQL server: set TEST_DATABASE_URL (CI sets it).");
  // Two servers of its own: the desktop project runs it once, with the viewports of each view.
  test.skip(({ isMobile }) => isMobile, "Runs once, with each view's own viewport.");
  test.describe.configure({ mode: "serial" });

  const databaseName = `e2e_live_${process.pid}`;
  let servers: AppServer[] = [];
  let ceremonyId: string;
  const contexts: BrowserContext[] = [];

  test.beforeAll(async () => {
    // The servers too: hooks run for a project whose tests are all skipped.
    test.skip(Boolean(test.info().project.use.isMobile), "Runs once, with each view's own viewport.");
    test.setTimeout(300_000);
    const databaseUrl = await freshDatabase(DATABASE_SERVER!, databaseName);
    await beginCeremonySoon(databaseUrl);
    for (const [index, email] of OPERATORS.entries()) {
      await run(
        path.resolve("node_modules/.bin/tsx"),
        [
          "--conditions=react-server",
          "scripts/admin-create.ts",
          "--email",
          email,
          "--name",
          `Stage ${index + 1}`,
        ],
        { DATABASE_URL: databaseUrl, ADMIN_PASSWORD: PASSWORD },
      );
    }
    const env = { DATABASE_URL: databaseUrl, DATA_DIR: "", DEMO: "", SMTP_URL: "", TZ: "Asia/Shanghai" };
    // One after the other: the second starts on a database the first has opened.
    servers = [await startAppServer({ port: PORT_A, env, readyPath: "/api/health" })];
    servers.push(await startAppServer({ port: PORT_B, env, readyPath: "/api/health" }));
    const agenda = (await (await fetch(`${servers[0]!.url}/api/meetings/2017/agenda`)).json()) as {
      sessions: { id: string; kind: string }[];
    };
    ceremonyId = agenda.sessions.find((session) => session.kind === "ceremony")!.id;
  });

  test.afterAll(async () => {
    for (const context of contexts) await context.close();
    await Promise.all(servers.map((server) => server.stop()));
    if (DATABASE_SERVER) await dropDatabase(DATABASE_SERVER, databaseName);
  });

  async function open(
    browser: Browser,
    server: AppServer,
    viewport: { width: number; height: number },
    options: { timezoneId?: string; signInAs?: { email: string; locale: string } } = {},
  ): Promise<Page> {
    const context = await browser.newContext({
      baseURL: server.url,
      viewport,
      timezoneId: options.timezoneId ?? "Europe/Berlin",
    });
    contexts.push(context);
    const page = await context.newPage();
    if (options.signInAs)
      await signInWithForm(page, options.signInAs.locale, options.signInAs.email, PASSWORD);
    return page;
  }

  const admin = (locale: string, view: "live" | "crew") =>
    `/${locale}/admin/meetings/2017/sessions/${ceremonyId}/ceremony/${view}`;

  /** Every view shows its text within a second of the press that `press` makes. */
  async function followWithinASecond(press: () => Promise<void>, views: [Locator, string][]) {
    await press();
    await Promise.all(views.map(([view, text]) => expect(view).toHaveText(text, WITHIN_A_SECOND)));
  }

  test("operator, crew on a second instance, monitor and public page follow each step", async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const [a, b] = servers as [AppServer, AppServer];

    // The operator on a phone on instance A; the crew in Chinese on instance B; a second operator on a tablet.
    const operator = await open(browser, a, PHONE, { signInAs: { email: OPERATORS[0], locale: "en" } });
    await operator.goto(admin("en", "live"));
    const crew = await open(browser, b, DESKTOP, {
      timezoneId: "Asia/Shanghai",
      signInAs: { email: OPERATORS[1], locale: "zh" },
    });
    await crew.goto(admin("zh", "crew"));
    const second = await open(browser, b, TABLET, { signInAs: { email: OPERATORS[1], locale: "de" } });
    await second.goto(admin("de", "live"));

    // The monitor's link, made on the ceremony page, opened on a stage laptop without signing in.
    const link = await createMonitorLink(operator, `/en/admin/meetings/2017/sessions/${ceremonyId}/ceremony`);
    await operator.goto(admin("en", "live"));
    const monitorPage = await open(browser, a, MONITOR);
    await monitorPage.goto(link.replace(/^\/\w\w\//, "/de/"));
    const publicPage = await open(browser, b, PHONE, { timezoneId: "Asia/Shanghai" });
    await publicPage.goto(`/zh/meetings/2017/sessions/${ceremonyId}`);

    const onStage = operator.getByTestId("operator-current-title");
    const crewNow = crew.getByTestId("crew-now-title");
    const monitorTitle = monitorPage.getByTestId("monitor-title");
    const badge = publicPage.getByTestId("live-badge");
    const secondOnStage = second.getByTestId("operator-current-title");

    // Before the start: nothing is live for the public, the monitor says so.
    await expect(monitorTitle).toHaveText("Die Zeremonie hat noch nicht begonnen");
    await expect(badge).toHaveText("");
    await expect(crew.getByTestId("crew-next-speaker")).toContainText("下一位：");

    const everyone = (index: number): [Locator, string][] => [
      [onStage, TITLES[index]!.en],
      [secondOnStage, TITLES[index]!.de],
      [crewNow, TITLES[index]!.zh],
      [monitorTitle, TITLES[index]!.de],
    ];

    await followWithinASecond(
      () => operator.getByRole("button", { name: "Start the show" }).click(),
      everyone(0),
    );
    await expect(badge).toContainText(`正在进行：${TITLES[0]!.zh}`, WITHIN_A_SECOND);
    await expect(monitorPage.getByTestId("monitor-label")).toHaveText("Verbleibende Zeit");
    await expect(monitorPage.getByTestId("monitor-countdown")).toHaveText(/^[45]:\d\d$/);
    await snapshot(monitorPage, "live-monitor-normal", { fullPage: false });
    for (const view of [operator, crew, monitorPage, publicPage]) await expectAccessible(view);

    // Next by button, then by the space bar (nothing focused that takes the key itself).
    await followWithinASecond(
      () => operator.getByRole("button", { name: "Next", exact: true }).click(),
      everyone(1),
    );
    await expect(badge).toContainText(TITLES[1]!.zh, WITHIN_A_SECOND);
    await followWithinASecond(async () => {
      await operator.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await operator.keyboard.press(" ");
    }, everyone(2));

    // The crew's connection drops: it says so and keeps counting; a step made meanwhile reaches it on return.
    await crew.context().setOffline(true);
    await expect(crew.getByTestId("live-connection")).toHaveText("正在重新连接……");
    const countdown = crew.getByTestId("crew-countdown");
    const shown = await countdown.textContent();
    await expect(countdown).not.toHaveText(shown!, { timeout: 2_500 });
    await followWithinASecond(
      () => operator.getByRole("button", { name: "Next", exact: true }).click(),
      everyone(3).filter(([view]) => view !== crewNow),
    );
    await expect(crewNow).toHaveText(TITLES[2]!.zh);
    await followWithinASecond(() => crew.context().setOffline(false), [[crewNow, TITLES[3]!.zh]]);
    await expect(crew.getByTestId("live-connection")).toHaveText("");

    // The same for the monitor.
    await monitorPage.context().setOffline(true);
    await expect(monitorPage.getByTestId("live-connection")).toHaveText(
      "Verbindung wird wiederhergestellt …",
    );
    const monitorClock = await monitorPage.getByTestId("monitor-countdown").textContent();
    await expect(monitorPage.getByTestId("monitor-countdown")).not.toHaveText(monitorClock!, {
      timeout: 2_500,
    });
    await operator.getByRole("button", { name: "Back", exact: true }).click();
    await expect(onStage).toHaveText(TITLES[2]!.en, WITHIN_A_SECOND);
    await expect(monitorTitle).toHaveText(TITLES[3]!.de);
    await followWithinASecond(() => monitorPage.context().setOffline(false), [[monitorTitle, TITLES[2]!.de]]);

    // A double press moves one step.
    await followWithinASecond(
      () => operator.getByRole("button", { name: "Next", exact: true }).dblclick(),
      everyone(3),
    );
    await operator.waitForTimeout(1_500);
    await expect(crewNow).toHaveText(TITLES[3]!.zh);

    // Two operators press next at once: one step, and the one who came second is told why. "At once" is
    // made certain by holding back the second operator's updates (its stream, not its commands) until both
    // have pressed; the race itself is proven against PostgreSQL in live-commands.int.test.ts.
    await expect(second.getByRole("button", { name: "Weiter" })).toBeEnabled();
    await second.route(`**/sessions/${ceremonyId}/live*`, (route) =>
      route.request().method() === "GET" ? route.abort() : route.fallback(),
    );
    // Its open stream goes with the network; the new ones the route refuses.
    await second.context().setOffline(true);
    await second.context().setOffline(false);
    await expect(second.getByTestId("live-connection")).not.toBeEmpty();
    await followWithinASecond(
      () => operator.getByRole("button", { name: "Next", exact: true }).click(),
      everyone(4).filter(([view]) => view !== secondOnStage),
    );
    await second.getByRole("button", { name: "Weiter" }).click();
    await expect(second.getByTestId("operator-notice")).toContainText(TITLES[4]!.de);
    await expect(secondOnStage).toHaveText(TITLES[4]!.de);
    await second.unroute(`**/sessions/${ceremonyId}/live*`);
    // Back on the network at once, not after the stream's next retry.
    await second.context().setOffline(true);
    await second.context().setOffline(false);
    await expect(second.getByTestId("live-connection")).toBeEmpty();
    await operator.waitForTimeout(1_500);
    await expect(crewNow).toHaveText(TITLES[4]!.zh);
    await expect(operator.getByTestId("operator-notice")).toHaveCount(0);

    // Hold: the clocks stand still; resume.
    await operator.getByRole("button", { name: "Hold" }).click();
    await expect(monitorPage.getByTestId("monitor-label")).toHaveText("Angehalten", WITHIN_A_SECOND);
    const held = await monitorPage.getByTestId("monitor-countdown").textContent();
    await monitorPage.waitForTimeout(1_500);
    await expect(monitorPage.getByTestId("monitor-countdown")).toHaveText(held!);
    await operator.getByRole("button", { name: "Resume" }).click();
    await expect(monitorPage.getByTestId("monitor-label")).toHaveText("Verbleibende Zeit", WITHIN_A_SECOND);

    // The segment on stage shortened to one minute: the monitor warns in amber, with words. A second
    // monitor, whose clock the test moves on a minute, shows overtime: red, counting on with a minus sign.
    const later = await open(browser, a, MONITOR);
    await later.clock.install();
    await later.goto(link.replace(/^\/\w\w\//, "/de/"));
    await expect(later.getByTestId("monitor-title")).toHaveText(TITLES[4]!.de);
    await operator.getByText("Change a segment's duration").click();
    await operator.getByLabel("Duration in minutes").fill("1");
    await operator.getByRole("button", { name: "Change duration" }).click();
    await expect(monitorPage.getByTestId("monitor")).toHaveAttribute(
      "data-tone",
      "lastMinute",
      WITHIN_A_SECOND,
    );
    await expect(monitorPage.getByTestId("monitor-label")).toHaveText("Letzte Minute");
    await snapshot(monitorPage, "live-monitor-last-minute", { fullPage: false });
    await expect(later.getByTestId("monitor")).toHaveAttribute("data-tone", "lastMinute");
    await later.clock.fastForward(65_000);
    await expect(later.getByTestId("monitor")).toHaveAttribute("data-tone", "overtime");
    await expect(later.getByTestId("monitor-label")).toHaveText("Zeit überschritten");
    await expect(later.getByTestId("monitor-countdown")).toHaveText(/^−0:\d\d$/);
    await snapshot(later, "live-monitor-overtime", { fullPage: false });

    await operator.evaluate(() => window.scrollTo(0, 0));
    await snapshot(operator, "live-operator-phone-en", { fullPage: false });
    await snapshot(second, "live-operator-tablet-de", { fullPage: false });
    await snapshot(crew, "live-crew-desktop-zh");
    await expect(badge).toContainText(`正在进行：${TITLES[4]!.zh}`);
    await snapshot(publicPage, "live-badge-phone-zh", { fullPage: false });

    // The agenda shows it too, and no public page shows an internal note.
    // On instance B, with the public: A serves the operator, whose next press is measured right after.
    const agenda = await open(browser, b, DESKTOP);
    await agenda.goto("/en/meetings/2017/agenda");
    await expect(agenda.getByTestId("live-badge").filter({ hasText: "Live now" })).toContainText(
      TITLES[4]!.en,
    );
    for (const page of [agenda, publicPage])
      for (const segment of ceremony2017.segments)
        if ("internalNotes" in segment)
          await expect(page.locator("body")).not.toContainText(segment.internalNotes);

    // To the end: the monitor says so, the public notice goes.
    for (const index of [5, 6])
      await followWithinASecond(
        () => operator.getByRole("button", { name: "Next", exact: true }).click(),
        everyone(index),
      );
    await operator.getByRole("button", { name: "End the show" }).click();
    await expect(monitorTitle).toHaveText("Die Zeremonie ist beendet", WITHIN_A_SECOND);
    await expect(badge).toHaveText("", WITHIN_A_SECOND);
    await expect(crew.getByTestId("crew-phase")).toHaveText("已结束");
  });
});

/** Makes a confidence monitor link on the ceremony page, as an organizer does: its path, shown once. */
async function createMonitorLink(page: Page, ceremonyPath: string): Promise<string> {
  await page.goto(ceremonyPath);
  const form = page.getByTestId("monitor-link-form");
  await form.getByLabel("Which screen").fill("Lectern");
  await form.getByRole("button", { name: "Create link" }).click();
  const shown = await page.getByTestId("monitor-link").locator("code").textContent();
  return new URL(shown!, page.url()).pathname;
}

/**
 * The 2017 ceremony moved to begin a minute from now, keeping its length, as on the day: a show started
 * half a day or more from its planned time is a rehearsal, of which the public sees nothing.
 */
async function beginCeremonySoon(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const moved = await client.query(
      `UPDATE "Session"
          SET "startsAt" = now() + interval '1 minute',
              "endsAt" = now() + interval '1 minute' + ("endsAt" - "startsAt")
        WHERE kind = 'ceremony' AND "meetingId" = (SELECT id FROM "Meeting" WHERE slug = '2017')`,
    );
    expect(moved.rowCount).toBe(1);
  } finally {
    await client.end();
  }
}
