import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
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
  const addFromWeb = `/calendar/0/addfromweb?url=${encodeURIComponent(feed)}&name=`;
  await expect(page.getByRole("link", { name: "Outlook.com (privat)" })).toHaveAttribute(
    "href",
    `https://outlook.live.com${addFromWeb}${encodeURIComponent("Jahrestreffen 2017")}`,
  );
  await expect(
    page.getByRole("link", { name: "Outlook (Arbeit oder Schule, Microsoft 365)" }),
  ).toHaveAttribute(
    "href",
    `https://outlook.office.com${addFromWeb}${encodeURIComponent("Jahrestreffen 2017")}`,
  );
  await expect(page.getByTestId("china-note")).toContainText(
    "In China ist Google Kalender nicht erreichbar.",
  );
  await expect(page.getByRole("img", { name: "QR-Code der Kalenderadresse" }).locator("svg")).toBeVisible();
  await expect(page.getByText("Abonnierte Kalender holen Änderungen selbst ab")).toBeVisible();
  await expectAccessible(page);
  await snapshot(page, "agenda-subscribe-de");

  const response = await page.request.get(feed);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(await response.text()).toContain("BEGIN:VCALENDAR");
  // Gzipped by the server's compression, under the same weak tag as the plain answer, and a 304 says Vary too.
  const plain = await page.request.get(feed, { headers: { "accept-encoding": "identity" } });
  const gzipped = await page.request.get(feed, { headers: { "accept-encoding": "gzip" } });
  expect([plain.headers()["content-encoding"], gzipped.headers()["content-encoding"]]).toEqual([
    undefined,
    "gzip",
  ]);
  const etag = plain.headers()["etag"]!;
  expect(etag).toMatch(/^W\/"[\w-]{22}"$/);
  expect(gzipped.headers()["etag"]).toBe(etag);
  expect(await gzipped.text()).toBe(await plain.text());
  const revalidated = await page.request.get(feed, {
    headers: { "accept-encoding": "gzip", "if-none-match": etag },
  });
  expect(revalidated.status()).toBe(304);
  expect(revalidated.headers()["vary"]).toContain("Accept-Encoding");

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

const personal = {
  de: {
    download: "Programm als Datei herunterladen (.ics)",
    section: "Ihr persönlicher Kalender",
    rotate: "Neue Adresse erstellen (die bisherige funktioniert dann nicht mehr)",
    outlook: ["Outlook.com (privat)", "Outlook (Arbeit oder Schule, Microsoft 365)"],
    china: "In China ist Google Kalender nicht erreichbar.",
  },
  zh: {
    download: "下载日程文件（.ics）",
    section: "您的个人日历",
    rotate: "生成新地址（当前地址将随即失效）",
    outlook: ["Outlook.com（个人账户）", "Outlook（工作或学校账户，Microsoft 365）"],
    china: "在中国大陆无法访问 Google 日历。",
  },
} as const;

for (const lang of ["de", "zh"] as const) {
  test(`a delegate adds the whole program from the thank-you page and sees the same feed address again (${lang})`, async ({
    page,
    request,
    demo,
  }) => {
    const text = personal[lang];
    const response = await request.post("/api/meetings/2017/registrations", {
      data: {
        givenName: "Wei",
        familyName: "Wang",
        nativeName: "王伟",
        email: `calendar-${randomUUID().slice(0, 8)}@example.org`,
        role: "delegate",
        language: lang,
        cityOther: "Guangzhou",
        sessionIds: [demo.workshop],
        privacyConsent: true,
      },
    });
    const { manageUrl } = await response.json();
    // The thank-you page: where the registration form leads.
    await page.goto(`${new URL(manageUrl).pathname}?welcome=1`);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("status").getByRole("link", { name: text.download }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("meeting-2017.ics");
    const ics = await readFile((await download.path())!, "utf8");
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toMatch(new RegExp(`UID:${demo.workshop}@[^\r]+\r\n`));
    expect(ics).toMatch(new RegExp(`UID:${demo.opening}@[^\r]+\r\n`));

    const section = page.getByRole("region", { name: text.section });
    const first = (await section.getByTestId("feed-url").textContent())!;
    expect(first).toMatch(new RegExp(`/calendar/personal/[\\w-]{43}\\.ics\\?lang=${lang}$`));
    for (const name of text.outlook)
      await expect(section.getByRole("link", { name })).toHaveAttribute(
        "href",
        new RegExp(`addfromweb\\?url=${encodeURIComponent(first).replace(/[?]/g, "\\?")}`),
      );
    await expect(section.getByTestId("china-note")).toContainText(text.china);
    await expectAccessible(page);
    await snapshot(page, `manage-calendar-${lang}`);

    // The manage page again: the same address, still working.
    await page.goto(new URL(manageUrl).pathname);
    await expect(section.getByTestId("feed-url")).toHaveText(first);
    const feed = await request.get(first);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["cache-control"]).toBe("private, max-age=300");
    expect(await feed.text()).toContain("STATUS:CONFIRMED");

    await section.getByRole("button", { name: text.rotate }).click();
    await expect(section.getByTestId("feed-url")).not.toHaveText(first);
    expect((await request.get(first)).status()).toBe(404);
    expect((await request.get((await section.getByTestId("feed-url").textContent())!)).status()).toBe(200);
  });
}
