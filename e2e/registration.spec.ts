import { randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, expectAccessible, expectNoHorizontalScroll, snapshot, test } from "./fixtures";

const uniqueEmail = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}@example.org`;

/** A delegate registered through the API, for sessions the browser tests then compete for. */
async function registerByApi(
  request: APIRequestContext,
  sessionIds: string[],
): Promise<{ manageUrl: string; status: string }> {
  const response = await request.post("/api/meetings/2017/registrations", {
    data: {
      givenName: "Anna",
      familyName: "Schmidt",
      email: uniqueEmail("api"),
      role: "delegate",
      language: "de",
      cityOther: "Hannover",
      sessionIds,
      privacyConsent: true,
    },
  });
  expect(response.status()).toBe(201);
  return response.json();
}

function field(page: Page, name: string) {
  return page.locator(`[name="${name}"]`);
}

test("registering in Chinese: errors next to the fields, input kept, confirmation and manage page", async ({
  page,
  demo,
}) => {
  await page.goto("/zh/meetings/2017/register");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("报名");
  await field(page, "givenName").fill("芳");
  await field(page, "familyName").fill("Wang");
  await field(page, "nativeName").fill("王芳");
  await field(page, "city").fill("佛山");
  await field(page, "role").selectOption("head_of_delegation");
  await field(page, "email").fill("not-an-address");
  await page.locator(`input[name="sessionIds"][value="${demo.workshop}"]`).check();
  await page.getByRole("button", { name: "提交报名" }).click();

  await expect(page.getByTestId("error-summary")).toContainText("请检查标注的字段。");
  await expect(page.locator('[data-field-error="givenName"]')).toHaveText(
    "请使用拉丁字母（例如“Wang”）；您可以在下方填写中文姓名。",
  );
  await expect(page.locator('[data-field-error="email"]')).toHaveText("请输入有效的电子邮箱地址。");
  await expect(page.locator('[data-field-error="privacyConsent"]')).toHaveText(
    "未经您同意隐私声明，我们无法为您报名。",
  );
  await expect(field(page, "givenName")).toHaveAttribute("aria-invalid", "true");
  // Everything typed is still there.
  await expect(field(page, "familyName")).toHaveValue("Wang");
  await expect(field(page, "nativeName")).toHaveValue("王芳");
  await expect(field(page, "city")).toHaveValue("佛山");
  await expect(field(page, "role")).toHaveValue("head_of_delegation");
  await expect(field(page, "email")).toHaveValue("not-an-address");
  await expect(page.locator(`input[name="sessionIds"][value="${demo.workshop}"]`)).toBeChecked();
  await snapshot(page, "register-zh-errors");

  await field(page, "givenName").fill("Fang");
  await field(page, "email").fill(uniqueEmail("fang"));
  await page.locator('input[name="privacyConsent"]').check();
  await page.getByRole("button", { name: "提交报名" }).click();

  await expect(page).toHaveURL(/\/zh\/manage\/[A-Za-z0-9_-]{43}\?welcome=1$/);
  await expect(page.getByRole("status").first()).toContainText("谢谢！您的报名已确认。");
  await expect(page.getByTestId("registration-status")).toHaveText("已确认");
  await expect(page.getByTestId("manage-link")).toHaveText(new RegExp(`/zh/manage/[A-Za-z0-9_-]{43}$`));
  const sessions = page.getByTestId("my-sessions");
  await expect(sessions).toContainText("研讨会：中小企业的智能制造");
  await expect(sessions).toContainText("13:30–15:00");
  await expect(sessions).toContainText("19:30–21:00");
  await expect(sessions.getByTestId("seat-status")).toHaveText("名额已确认");
  await expect(page.getByText("王芳（Wang Fang）")).toBeVisible();

  // The delegate's own data, as a private download.
  const token = new URL(page.url()).pathname.split("/").at(-1)!;
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "下载我的全部数据（JSON）" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("registration-2017.json");
  const exported = await page.request.get(`/api/manage/${token}/export`);
  expect(exported.headers()["cache-control"]).toBe("private, no-store");
  expect(exported.headers()["referrer-policy"]).toBe("no-referrer");
  expect((await exported.json()).registration).toMatchObject({
    nativeName: "王芳",
    givenName: "Fang",
    role: "head_of_delegation",
    city: { slug: "foshan" },
  });
  expect((await page.request.get(`/api/manage/${"y".repeat(43)}/export`)).status()).toBe(404);
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await snapshot(page, "manage-zh");
});

test("registering in German: overlapping workshops refused, then change of sessions and cancellation", async ({
  page,
  demo,
  request,
}) => {
  const { sessions } = (await (await request.get("/api/meetings/2017/agenda")).json()) as {
    sessions: { id: string; capacity: number | null }[];
  };
  const investment = sessions.find((session) => session.capacity === 40)!.id;

  await page.goto("/de/meetings/2017/register");
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await snapshot(page, "register-de");
  await field(page, "givenName").fill("Jörg");
  await field(page, "familyName").fill("Müller-Lüdenscheidt");
  await field(page, "city").fill("Köln");
  await field(page, "role").selectOption("delegate");
  await field(page, "email").fill(uniqueEmail("joerg"));
  await page.locator('input[name="interpretation"][value="zh"]').check();
  await page.locator(`input[name="sessionIds"][value="${demo.workshop}"]`).check();
  await page.locator(`input[name="sessionIds"][value="${investment}"]`).check();
  await page.locator('input[name="privacyConsent"]').check();
  await page.getByRole("button", { name: "Verbindlich anmelden" }).click();

  await expect(page.locator('[data-field-error="sessionIds"]')).toHaveText(
    "„Workshop: Smarte Fertigung im Mittelstand“ und „Workshop: Investitionen und Ansiedlung in Partnerstädten“ finden gleichzeitig statt. Bitte nur eine davon wählen.",
  );
  await expect(page.locator('input[name="interpretation"][value="zh"]')).toBeChecked();
  await expect(page.locator('input[name="privacyConsent"]')).toBeChecked();
  await page.locator(`input[name="sessionIds"][value="${investment}"]`).uncheck();
  await page.getByRole("button", { name: "Verbindlich anmelden" }).click();

  await expect(page).toHaveURL(/\/de\/manage\//);
  await expect(page.getByTestId("registration-status")).toHaveText("Bestätigt");
  await expect(page.getByText("Köln", { exact: true })).toBeVisible();

  const change = page.getByRole("form", { name: "Veranstaltungen ändern" });
  await change.locator(`input[value="${demo.workshop}"]`).uncheck();
  await change.locator(`input[value="${investment}"]`).check();
  await change.getByRole("button", { name: "Auswahl speichern" }).click();
  await expect(change.getByRole("status")).toHaveText("Ihre Auswahl ist gespeichert.");
  await expect(page.getByTestId("my-sessions")).toContainText(
    "Workshop: Investitionen und Ansiedlung in Partnerstädten",
  );
  await expect(page.getByTestId("my-sessions")).not.toContainText("Smarte Fertigung");

  const cancel = page.getByRole("form", { name: "Anmeldung stornieren" });
  await cancel.getByRole("button", { name: "Stornieren" }).click();
  await expect(cancel.getByRole("alert")).toHaveText("Bitte bestätigen Sie zuerst mit dem Häkchen.");
  await cancel.getByLabel("Ja, ich möchte meine Anmeldung stornieren.").check();
  await cancel.getByRole("button", { name: "Stornieren" }).click();
  await expect(page.getByTestId("registration-status")).toHaveText("Storniert");
  await expect(page.getByText("Sie halten keine Plätze mehr.")).toBeVisible();
  await expect(page.getByTestId("focused-notice")).toContainText("Ihre Anmeldung ist storniert");
});

test("a full session puts the delegate on the waiting list; a cancellation moves them up", async ({
  page,
  demo,
  request,
}) => {
  test.skip(
    test.info().project.name !== "desktop-utc",
    "One run fills the tour; a second project would compete for the same seats.",
  );
  const holders = [];
  for (let index = 0; index < 20; index++) holders.push(await registerByApi(request, [demo.tour]));
  const overflow = await registerByApi(request, [demo.tour]);
  expect(overflow.status).toBe("confirmed");

  // The agenda, served from its page cache, knows at once.
  await page.goto("/en/meetings/2017/agenda");
  const tourCard = page
    .getByTestId("agenda-session")
    .filter({ has: page.locator(`a[href$="/sessions/${demo.tour}"]`) });
  await expect(tourCard.getByTestId("seats-left")).toHaveText("fully booked – waiting list");

  await page.goto("/en/meetings/2017/register");
  await expect(page.getByTestId(`seats-${demo.tour}`)).toHaveText(
    "Full – you will go on the waiting list · 1 person waiting",
  );
  await field(page, "givenName").fill("Li");
  await field(page, "familyName").fill("Na");
  await field(page, "cityOther").fill("Shanghai");
  await field(page, "role").selectOption("guest");
  await field(page, "email").fill(uniqueEmail("li"));
  await page.locator(`input[name="sessionIds"][value="${demo.tour}"]`).check();
  await page.locator('input[name="privacyConsent"]').check();
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByTestId("seat-status")).toHaveText("No. 2 on the waiting list");
  const myPage = page.url();

  // Two seat holders cancel: the first in line, then our delegate, move up.
  for (const holder of holders.slice(0, 2)) {
    await page.goto(new URL(holder.manageUrl).pathname);
    const cancel = page.getByRole("form", { name: "Anmeldung stornieren" });
    await cancel.getByLabel("Ja, ich möchte meine Anmeldung stornieren.").check();
    await cancel.getByRole("button", { name: "Stornieren" }).click();
    await expect(page.getByTestId("registration-status")).toHaveText("Storniert");
  }
  await page.goto(myPage);
  await expect(page.getByTestId("seat-status")).toHaveText("Seat confirmed");
});

test("the manage page of an unknown link is a 404; lost links get the same answer for any address", async ({
  page,
}) => {
  const response = await page.goto(`/en/manage/${"x".repeat(43)}`);
  expect(response?.status()).toBe(404);

  for (const address of [uniqueEmail("nobody"), "someone@example.org"]) {
    await page.goto("/en/manage");
    await field(page, "email").fill(address);
    await page.getByRole("button", { name: "Send link" }).click();
    await expect(page.getByRole("status")).toHaveText(
      "If there is a registration for this address, an email with the link is on its way. Please also check your spam folder.",
    );
  }
});

test("sending the form twice (double click, back button) registers once", async ({ page }) => {
  const email = uniqueEmail("twice");
  const fill = async () => {
    await field(page, "givenName").fill("Ute");
    await field(page, "familyName").fill("Berg");
    await field(page, "cityOther").fill("Hannover");
    await field(page, "role").selectOption("guest");
    await field(page, "email").fill(email);
    await page.locator('input[name="privacyConsent"]').check();
  };
  await page.goto("/en/meetings/2017/register");
  await fill();
  await page.getByRole("button", { name: "Register" }).dblclick();
  await expect(page).toHaveURL(/\/en\/manage\/[\w-]{43}\?welcome=1$/);
  const first = page.url();

  // Back to the form, the same details once more: the same registration, not a second one.
  await page.goBack();
  await expect(page).toHaveURL(/\/register$/);
  await fill();
  await page.getByRole("button", { name: "Register" }).click();
  // The form's one-time token came back with it: the first answer again, down to the same personal link.
  await expect(page).toHaveURL(first);
  await expect(page.getByTestId("registration-status")).toHaveText("Confirmed");
});
