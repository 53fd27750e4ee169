import { randomUUID } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { demoEmail, signInWithForm } from "./support/back-office";
import { createOwnMeeting } from "./support/meetings";
import { expect, expectAccessible, expectNoHorizontalScroll, snapshot, test } from "./fixtures";

/**
 * The registration form and the manage page's forms as a delegate meets them: the error summary that takes
 * them to each field (with and without JavaScript, by keyboard), the name fields in the reader's order, a
 * language switch that keeps what was typed, the "already registered" way on, cancelling, and the question
 * before a seat in a full session is given up.
 */

const uniqueEmail = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}@example.org`;
const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);

const TEXTS = {
  zh: { submit: "提交报名", errorTitle: /^错误：报名 · /, summaryHeading: "出现问题" },
  de: {
    submit: "Verbindlich anmelden",
    errorTitle: /^Fehler: Anmeldung · /,
    summaryHeading: "Es gibt ein Problem",
  },
} as const;

/** Fills the form as a delegate from Hefei (no member city, so no delegation's quota) would, with three mistakes: Chinese in the Latin name, the address, no consent. */
async function fillWithThreeMistakes(page: Page) {
  await field(page, "familyName").fill("Wang");
  await field(page, "givenName").fill("芳");
  await field(page, "nativeName").fill("王芳");
  await field(page, "cityOther").fill("Hefei");
  await field(page, "role").selectOption("head_of_delegation");
  await field(page, "email").fill("wang.fang-at-example.org");
}

async function expectSummaryOfThree(page: Page, locale: "zh" | "de"): Promise<Locator> {
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("heading")).toHaveText(TEXTS[locale].summaryHeading);
  await expect(summary.getByRole("link")).toHaveCount(3);
  // In the order of the form: the name (family name first in Chinese, but the given name is the wrong one),
  // the address, the consent.
  await expect(summary.getByRole("link").nth(0)).toHaveAttribute("href", "#givenName");
  await expect(summary.getByRole("link").nth(1)).toHaveAttribute("href", "#email");
  await expect(summary.getByRole("link").nth(2)).toHaveAttribute("href", "#privacyConsent-on");
  await expect(page).toHaveTitle(TEXTS[locale].errorTitle);
  return summary;
}

test("a refused registration: the summary takes the focus and leads to each field, then registering works", async ({
  page,
  isMobile,
}) => {
  // The phone reads Chinese at 390 px, the desktop German.
  const locale = isMobile ? "zh" : "de";
  if (isMobile) await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/${locale}/meetings/2017/register`);
  // The Latin name in the reader's order: 姓 before 名 in Chinese, the given name first in German.
  const nameLabels = page.locator("label[for=givenName], label[for=familyName]");
  await expect(nameLabels.first()).toContainText(locale === "zh" ? "姓" : "Vorname");
  await expect(nameLabels.last()).toContainText(locale === "zh" ? "名" : "Nachname");

  await fillWithThreeMistakes(page);
  await page.getByRole("button", { name: TEXTS[locale].submit }).click();
  const summary = await expectSummaryOfThree(page, locale);
  await expect(summary).toBeInViewport();
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await snapshot(page, `register-error-summary-${locale}`, { fullPage: false });

  // Each link focuses its field, with its label in view.
  await summary.getByRole("link").nth(1).click();
  await expect(field(page, "email")).toBeFocused();
  await expect(page.locator("label[for=email]")).toBeInViewport();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(uniqueEmail("fang"));
  await summary.getByRole("link").nth(0).click();
  await expect(field(page, "givenName")).toBeFocused();
  await field(page, "givenName").fill("Fang");
  await summary.getByRole("link").nth(2).click();
  await expect(page.locator("#privacyConsent-on")).toBeFocused();
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: TEXTS[locale].submit }).click();

  await expect(page).toHaveURL(new RegExp(`/${locale}/manage/[A-Za-z0-9_-]{43}\\?welcome=1$`));
  await expect(page).not.toHaveTitle(/^(错误|Fehler)/);
  // One formatter for names: the Chinese page gives the native name first, with full-width brackets.
  if (locale === "zh") await expect(page.getByText("王芳（Wang Fang）")).toBeVisible();
});

test("the same with the keyboard alone, on a phone in Chinese", async ({ page, isMobile }) => {
  test.skip(!isMobile, "The phone's run covers it.");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/zh/meetings/2017/register");
  await fillWithThreeMistakes(page);
  // Enter in a text field sends the form.
  await field(page, "email").press("Enter");
  await expectSummaryOfThree(page, "zh");

  await page.keyboard.press("Tab");
  await expect(page.getByTestId("error-summary").getByRole("link").nth(0)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(field(page, "givenName")).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("Fang");
  await page.keyboard.press("Enter");

  // Two left: the summary has the focus again.
  const summary = page.getByTestId("error-summary");
  await expect(summary.getByRole("link")).toHaveCount(2);
  await expect(summary).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(field(page, "email")).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(uniqueEmail("keyboard"));
  await page.keyboard.press("Enter");

  await expect(summary.getByRole("link")).toHaveCount(1);
  await expect(summary).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.locator("#privacyConsent-on")).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page.locator("#privacyConsent-on")).toBeChecked();
  // On to the button: the two optional consents, then "submit".
  for (let step = 0; step < 3; step++) await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "提交报名" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/zh\/manage\/[A-Za-z0-9_-]{43}\?welcome=1$/);
});

test("without JavaScript the server's answer has the summary too, with the focus on it", async ({
  browser,
  isMobile,
}) => {
  test.skip(isMobile, "The desktop's run covers it.");
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  await page.goto("/zh/meetings/2017/register");
  await fillWithThreeMistakes(page);
  await page.getByRole("button", { name: "提交报名" }).click();
  const summary = await expectSummaryOfThree(page, "zh");
  await expect(summary).toContainText("请使用拉丁字母");
  await expect(field(page, "email")).toHaveValue("wang.fang-at-example.org");
  await context.close();
});

test("switching the language keeps what was typed, and nothing of it goes into the address", async ({
  page,
  isMobile,
}) => {
  test.skip(isMobile, "The desktop's run covers it.");
  await page.goto("/de/meetings/2017/register");
  await field(page, "givenName").fill("Jürgen");
  await field(page, "familyName").fill("Müller");
  await field(page, "email").fill("juergen@example.org");
  await field(page, "role").selectOption("delegate");
  await page.locator('input[name="interpretation"][value="zh"]').check();
  await page.getByRole("link", { name: "中文" }).click();

  await expect(page).toHaveURL(/\/zh\/meetings\/2017\/register$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("报名");
  await expect(field(page, "givenName")).toHaveValue("Jürgen");
  await expect(field(page, "familyName")).toHaveValue("Müller");
  await expect(field(page, "email")).toHaveValue("juergen@example.org");
  await expect(field(page, "role")).toHaveValue("delegate");
  await expect(page.locator('input[name="interpretation"][value="zh"]')).toBeChecked();
  // What was not touched follows the new page: emails in Chinese.
  await expect(field(page, "language")).toHaveValue("zh");
  // Taken once: a reload starts empty.
  await page.reload();
  await expect(field(page, "givenName")).toHaveValue("");
});

test("“already registered” leads to the page that sends the link again, with the address filled in", async ({
  page,
  request,
  isMobile,
}) => {
  test.skip(isMobile, "The desktop's run covers it.");
  const email = uniqueEmail("twice");
  const first = await request.post("/api/meetings/2017/registrations", {
    data: {
      givenName: "Ute",
      familyName: "Berg",
      email,
      role: "delegate",
      language: "en",
      cityOther: "Hannover",
      privacyConsent: true,
    },
  });
  expect(first.status()).toBe(201);
  await page.goto("/en/meetings/2017/register");
  await field(page, "givenName").fill("Ute");
  await field(page, "familyName").fill("Berg");
  await field(page, "cityOther").fill("Hannover");
  await field(page, "role").selectOption("delegate");
  await field(page, "email").fill(email);
  await page.locator('input[name="privacyConsent"]').check();
  await page.getByRole("button", { name: "Register" }).click();

  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await summary.getByRole("link", { name: "Send the link to my registration again" }).click();
  await expect(page).toHaveURL(/\/en\/manage$/);
  await expect(field(page, "email")).toHaveValue(email);
});

test("cancelling on a phone in Chinese: a confirmation, and a way to register again", async ({
  page,
  request,
  isMobile,
}) => {
  test.skip(!isMobile, "The desktop's run cancels in its own meeting.");
  await page.setViewportSize({ width: 390, height: 844 });
  const response = await request.post("/api/meetings/2017/registrations", {
    data: {
      givenName: "Fang",
      familyName: "Wang",
      nativeName: "王芳",
      nameOrder: "family_first",
      email: uniqueEmail("cancel"),
      role: "delegate",
      language: "zh",
      cityOther: "Hefei",
      privacyConsent: true,
    },
  });
  expect(response.status()).toBe(201);
  await page.goto(new URL((await response.json()).manageUrl).pathname.replace(/^\/\w+\//, "/zh/"));
  const cancel = page.getByRole("form", { name: "取消报名" });
  await cancel.getByLabel("是的，我要取消报名。").check();
  await cancel.getByRole("button", { name: "取消报名" }).click();

  const notice = page.getByTestId("focused-notice");
  await expect(notice).toBeFocused();
  await expect(notice.getByRole("heading")).toHaveText("您的报名已取消");
  await expect(page.getByTestId("registration-status")).toHaveText("已取消");
  await expect(page.locator("main")).not.toContainText("其他议程均向您开放");
  await expect(notice.getByTestId("register-again")).toHaveAttribute("href", "/zh/meetings/2017/register");
  await expectAccessible(page);
  await snapshot(page, "manage-cancelled-zh", { fullPage: false });
});

test("in a meeting of its own: a question before a full session's seat is given up, then cancelling", async ({
  page,
  request,
  browser,
  isMobile,
}) => {
  test.skip(isMobile, "The phone's run cancels in the demo meeting, without seats.");
  test.setTimeout(240_000);
  await signInWithForm(page, "de", demoEmail("organizer"));
  const meeting = `seats-${randomUUID().slice(0, 6)}`;
  await createOwnMeeting(page, "de", meeting, "2027-04-19");
  await page.goto(`/de/admin/meetings/${meeting}/sessions/new`);
  const form = page.getByTestId("session-form");
  await form.locator("input[name=titleDe]").fill("Werksbesuch mit einem Platz");
  await form.locator("select[name=kind]").selectOption("tour");
  await form.locator("input[name=date]").fill("2027-04-19");
  await form.locator("input[name=startTime]").fill("14:00");
  await form.locator("input[name=endTime]").fill("16:00");
  await form.locator("input[name=capacity]").fill("1");
  await form.getByRole("button", { name: "Sitzung anlegen" }).click();
  await expect(page).toHaveURL(/\/sessions\/(?!new$)[^/]+$/);
  const sessionId = new URL(page.url()).pathname.split("/").pop()!;
  await page.getByRole("button", { name: "Veröffentlichen" }).click();
  await expect(page.getByTestId("session-status")).toHaveText("Aktueller Status: Veröffentlicht");
  await page.context().clearCookies();

  const book = async (email: string) => {
    const response = await request.post(`/api/meetings/${meeting}/registrations`, {
      data: {
        givenName: "Ute",
        familyName: "Berg",
        email,
        role: "guest",
        language: "de",
        cityOther: "Hannover",
        sessionIds: [sessionId],
        privacyConsent: true,
      },
    });
    expect(response.status(), await response.text()).toBe(201);
    return new URL((await response.json()).manageUrl).pathname;
  };
  const holder = await book(uniqueEmail("seat"));
  const waiting = await book(uniqueEmail("waiting"));

  // The one waiting sees their waiting place in amber, with words.
  await page.goto(waiting);
  await expect(page.getByTestId(`held-${sessionId}`)).toHaveText("Position 1 auf der Warteliste");
  await expect(page.getByTestId(`held-${sessionId}`)).toHaveClass(/amber/);

  await page.goto(holder);
  const change = page.getByRole("form", { name: "Veranstaltungen ändern" });
  await expect(change.getByTestId(`held-${sessionId}`)).toHaveText("Platz bestätigt");
  await expect(change.getByTestId(`held-${sessionId}`)).toHaveClass(/emerald/);
  await change.locator(`input[value="${sessionId}"]`).uncheck();
  await change.getByRole("button", { name: "Auswahl speichern" }).click();
  await expect(change.getByTestId("give-up-question")).toHaveText("Platz wirklich abgeben?");
  await expect(change).toContainText("Ihr Platz geht sofort an die nächste Person auf der Warteliste");
  await expect(change.getByTestId("focused-notice")).toBeFocused();
  await expectAccessible(page);
  await snapshot(page, "manage-give-up-question-de", { fullPage: false });
  // "No": the seat stays.
  await change.getByRole("button", { name: "Nein, Platz behalten" }).click();
  await expect(change.getByRole("status")).toHaveText("Ihre Auswahl ist gespeichert.");
  await expect(page.getByTestId("seat-status")).toHaveText("Platz bestätigt");

  // Without JavaScript the server asks the same question.
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const plainPage = await plain.newPage();
  await plainPage.goto(holder);
  const plainChange = plainPage.getByRole("form", { name: "Veranstaltungen ändern" });
  await plainChange.locator(`input[value="${sessionId}"]`).uncheck();
  await plainChange.getByRole("button", { name: "Auswahl speichern" }).click();
  await expect(plainPage.getByTestId("give-up-question")).toHaveText("Platz wirklich abgeben?");
  await expect(plainPage.getByTestId("seat-status")).toHaveText("Platz bestätigt");
  await plainPage.getByRole("button", { name: "Ja, Platz abgeben" }).click();
  await expect(plainPage.getByText("Ihre Auswahl ist gespeichert.")).toBeVisible();
  await expect(plainPage.getByTestId("my-sessions")).toHaveCount(0);
  await plain.close();

  // The next in line has the seat now.
  await page.goto(waiting);
  await expect(page.getByTestId("seat-status")).toHaveText("Platz bestätigt");

  // Cancelling: a confirmation, no "open to you", and the way back to the form.
  await page.goto(holder);
  const cancel = page.getByRole("form", { name: "Anmeldung stornieren" });
  await cancel.getByLabel("Ja, ich möchte meine Anmeldung stornieren.").check();
  await cancel.getByRole("button", { name: "Stornieren" }).click();
  const notice = page.getByTestId("focused-notice");
  await expect(notice).toBeFocused();
  await expect(notice.getByRole("heading")).toHaveText("Ihre Anmeldung ist storniert");
  await expect(page.locator("main")).not.toContainText("Alle übrigen Programmpunkte stehen Ihnen offen");
  await expectAccessible(page);
  await snapshot(page, "manage-cancelled-de", { fullPage: false });
  await notice.getByRole("link", { name: "Erneut anmelden" }).click();
  await expect(page).toHaveURL(new RegExp(`/de/meetings/${meeting}/register$`));
});
