import { randomUUID } from "node:crypto";
import { expect, expectAccessible, snapshot, test } from "./fixtures";

test("the agenda offers its feed to Apple, Google and Outlook, by address and QR code, and narrows it with the filters", async ({
  page,
  baseURL,
}) => {
  await page.goto("/de/meetings/2017/agenda");
  await page.getByText("Kalender abonnieren").click();
  const feed = `${baseURL}/calendar/2017.ics?lang=de`;
  await expect(page.getByTestId("feed-url")).toHaveText(feed);
  await expect(page.getByRole("link", { name: "Apple / iPhone" })).toHaveAttribute(
    "href",
    feed.replace("http://", "webcal://"),
  );
  await expect(page.getByRole("link", { name: "Google Kalender" })).toHaveAttribute(
    "href",
    `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(feed.replace("http://", "webcal://"))}`,
  );
  await expect(page.getByRole("link", { name: "Outlook" })).toHaveAttribute(
    "href",
    new RegExp(`addfromweb\\?url=${encodeURIComponent(feed).replace(/[?]/g, "\\?")}`),
  );
  await expect(page.getByRole("img", { name: "QR-Code der Kalenderadresse" }).locator("svg")).toBeVisible();
  await expect(page.getByText("Abonnierte Kalender holen Änderungen selbst ab")).toBeVisible();
  await expectAccessible(page);
  await snapshot(page, "agenda-subscribe-de");

  const response = await page.request.get(feed);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(await response.text()).toContain("BEGIN:VCALENDAR");

  await page.goto("/zh/meetings/2017/agenda?track=plenum");
  await page.getByText("订阅日历").click();
  await expect(page.getByTestId("feed-url")).toHaveText(`${baseURL}/calendar/2017/tracks/plenum.ics?lang=zh`);
});

test("every session can be added to a calendar as an .ics file", async ({ page, demo }) => {
  await page.goto(`/zh/meetings/2017/sessions/${demo.ceremony}`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "添加到日历（.ics）" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  const ics = await (await page.request.get(`/calendar/2017/sessions/${demo.ceremony}.ics?lang=zh`)).text();
  expect(ics).toContain("DTSTART;TZID=Europe/Berlin:20170424T110000");
});

test("a delegate makes a personal calendar link on the manage page; a new one replaces it", async ({
  page,
  request,
  demo,
}) => {
  const response = await request.post("/api/meetings/2017/registrations", {
    data: {
      givenName: "Wei",
      familyName: "Wang",
      nativeName: "王伟",
      email: `calendar-${randomUUID().slice(0, 8)}@example.org`,
      role: "delegate",
      language: "zh",
      cityOther: "Guangzhou",
      sessionIds: [demo.workshop],
      privacyConsent: true,
    },
  });
  const { manageUrl } = await response.json();
  await page.goto(new URL(manageUrl).pathname);
  const section = page.getByRole("form", { name: "您的个人日历" });
  await section.getByRole("button", { name: "生成日历链接" }).click();
  await expect(section.getByRole("status")).toHaveText("您的日历链接已生成，仅显示这一次，请立即订阅。");
  const first = (await section.getByTestId("feed-url").textContent())!;
  expect(first).toMatch(/\/calendar\/personal\/[\w-]{43}\.ics\?lang=zh$/);
  const feed = await request.get(first);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["cache-control"]).toContain("private");
  expect(await feed.text()).toContain("STATUS:CONFIRMED");
  await snapshot(page, "manage-calendar-zh");

  await section.getByRole("button", { name: "生成新的日历链接（旧链接将随即失效）" }).click();
  await expect(section.getByTestId("feed-url")).not.toHaveText(first);
  expect((await request.get(first)).status()).toBe(404);
});
