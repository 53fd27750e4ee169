import { mkdirSync } from "node:fs";
import { randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, expectNoHorizontalScroll, LOCALES, snapshot, test } from "./fixtures";
import { demoEmail, signInWithForm } from "./support/back-office";
import { passport2017 } from "./support/visa";

const meeting = "/admin/meetings/2017";
/** Badges on an A4 sheet, as the badge page lays them out (two across, four down). */
const BADGES_PER_PAGE = 8;

const tag = (prefix: string) =>
  `${prefix}${randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 6)}`;

test.skip(
  ({ isMobile }) => isMobile,
  "printing is done from a desktop; these tests write to the demo meeting",
);

/**
 * The number of pages of a PDF as Chromium writes it: its page objects ("/Type /Page", not "/Pages"),
 * checked against the page tree's own count so that a change of the writer cannot pass unnoticed.
 */
function pdfPages(pdf: Buffer): number {
  const text = pdf.toString("latin1");
  const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  const counts = [
    ...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g),
  ];
  const tree = Math.max(...counts.map((match) => Number(match[1] ?? match[2])));
  expect(tree, "the page tree's count").toBe(pages);
  return pages;
}

/** The page as the printer gets it: print media, A4, the page's own @page size and margins. */
async function printedPages(page: Page): Promise<number> {
  await page.emulateMedia({ media: "print" });
  const pages = pdfPages(await page.pdf({ format: "A4", preferCSSPageSize: true }));
  await page.emulateMedia({ media: "screen" });
  return pages;
}

/** Screenshots to look at (not committed, not compared). */
/** Badges and letters as printed, beside the screenshots of the other specs. */
const SHOTS = "screenshots/badges";

async function register(request: APIRequestContext, data: Record<string, unknown>): Promise<string> {
  const response = await request.post("/api/meetings/2017/registrations", {
    data: { sessionIds: [], privacyConsent: true, interpretation: [], ...data },
  });
  expect(response.status()).toBe(201);
  const answer = (await response.json()) as { id: string; status: string };
  expect(answer.status).toBe("confirmed");
  return answer.id;
}

/** The member city's id as the delegations page gives it to organizers. */
async function cityId(page: Page, country: "DE" | "CN", name: string): Promise<string> {
  await page.goto(`/de${meeting}/delegations`);
  return (await page
    .getByTestId(`country-${country}`)
    .getByTestId("delegation")
    .filter({ has: page.getByRole("heading", { name }) })
    .getAttribute("data-city"))!;
}

test("each badge speaks its delegate's language, whatever the organizer reads; the PDF has one sheet per eight badges", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  mkdirSync(SHOTS, { recursive: true });
  await signInWithForm(page, "de", demoEmail("organizer"));
  // Cities no other spec registers for in the demo meeting: each city has a quota of six there.
  const [jiangmen, wuppertal] = [await cityId(page, "CN", "Jiangmen"), await cityId(page, "DE", "Wuppertal")];
  const family = { zh: tag("Ouyang"), de: tag("Keller"), en: tag("Miller") };
  const ids = {
    zh: await register(request, {
      givenName: "Xiaoling",
      familyName: family.zh,
      nativeName: "欧阳晓玲",
      nameOrder: "family_first",
      honorific: "市长",
      position: "江门市人民政府",
      email: `${family.zh.toLowerCase()}@example.cn`,
      role: "head_of_delegation",
      language: "zh",
      cityId: jiangmen,
    }),
    de: await register(request, {
      givenName: "Anna",
      familyName: family.de,
      honorific: "Dr.",
      position: "Oberbürgermeisterin",
      email: `${family.de.toLowerCase()}@example.org`,
      role: "head_of_delegation",
      language: "de",
      cityId: wuppertal,
    }),
    en: await register(request, {
      givenName: "Wei",
      familyName: family.en,
      nativeName: "米伟",
      position: "Interpreter (Chinese–German)",
      email: `${family.en.toLowerCase()}@example.org`,
      role: "interpreter",
      language: "en",
      cityOther: "Shenzhen",
    }),
  };

  // The organizer reads German; the Chinese head of delegation's badge is in Chinese, the role also in English.
  await page.goto(`/de${meeting}/badges?id=${ids.zh}`);
  await expect(page.getByTestId("badge-count")).toHaveText("1 Namensschild");
  const badge = page.getByTestId("badge");
  await expect(badge).toHaveAttribute("lang", "zh-CN");
  await expect(badge.getByTestId("badge-role")).toHaveText("代表团团长 · Head of delegation");
  await expect(badge.getByText("欧阳晓玲")).toHaveText("欧阳晓玲 市长");
  await expect(badge.getByText(`${family.zh} Xiaoling`)).toHaveAttribute("lang", "en");
  await expect(badge.getByText("江门", { exact: true })).toBeVisible();
  await expect(badge.getByText("Jiangmen", { exact: true })).toBeVisible();
  await expect(badge).toContainText("2017");
  await expect(badge).not.toContainText("Delegationsleitung");
  await badge.screenshot({ path: `${SHOTS}/badge-zh.png` });

  // A German delegate's title and position stay German, and the role is German and English.
  await page.goto(`/zh${meeting}/badges?id=${ids.de}`);
  await expect(page.getByTestId("badge-count")).toHaveText("共 1 个胸卡");
  await expect(badge).toHaveAttribute("lang", "de");
  await expect(badge.getByTestId("badge-role")).toHaveText("Delegationsleitung · Head of delegation");
  await expect(badge.getByText(`Anna ${family.de}`)).toHaveText(`Dr. Anna ${family.de}`);
  await expect(badge).toContainText("Oberbürgermeisterin");
  await expect(badge.getByText("Wuppertal", { exact: true })).toBeVisible();
  await expect(badge.getByText("伍珀塔尔", { exact: true })).toHaveAttribute("lang", "zh-CN");
  await expect(badge).not.toContainText("代表团团长");
  await badge.screenshot({ path: `${SHOTS}/badge-de.png` });

  // An English reader: the Latin name with the native one beneath, the role once.
  await page.goto(`/de${meeting}/badges?id=${ids.en}`);
  await expect(badge).toHaveAttribute("lang", "en");
  await expect(badge.getByTestId("badge-role")).toHaveText("Interpreter");
  await expect(badge.getByText(`Wei ${family.en}`)).toBeVisible();
  await expect(badge.getByText("米伟")).toHaveAttribute("lang", "zh-CN");
  await expect(badge).toContainText("Shenzhen");
  await badge.screenshot({ path: `${SHOTS}/badge-en.png` });
  expect(await printedPages(page)).toBe(1);

  // Every confirmed registration's badge: as many A4 sheets as eight badges need.
  await page.goto(`/de${meeting}/badges`);
  const count = await page.getByTestId("badge").count();
  expect(count).toBeGreaterThan(BADGES_PER_PAGE);
  expect(await printedPages(page)).toBe(Math.ceil(count / BADGES_PER_PAGE));
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: `${SHOTS}/badges-print-de.png` });
});

test("check-in staff print the badge of the person at the desk from the check-in card, and only that one", async ({
  page,
  browser,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  const family = tag("Desk");
  await register(page.request, {
    givenName: "Lina",
    familyName: family,
    nativeName: "林娜",
    nameOrder: "family_first",
    email: `${family.toLowerCase()}@example.org`,
    role: "delegate",
    language: "zh",
    cityOther: "Hefei",
  });
  await signInWithForm(page, "de", demoEmail("checkin"));

  // The sheets of the registration list stay the organizers'.
  expect((await page.goto(`/de${meeting}/badges`))!.status()).toBe(403);
  expect((await page.goto(`/de${meeting}/badges?q=${family}`))!.status()).toBe(403);

  await page.goto(`/de${meeting}/check-in?q=${family}`);
  await page
    .getByTestId("check-in-hits")
    .getByRole("link", { name: new RegExp(family) })
    .click();
  const card = page.getByTestId("check-in-card");
  await expect(card.getByRole("heading", { level: 2 })).toHaveText(`${family} Lina`);
  const id = new URL(page.url()).searchParams.get("id")!;
  await card.getByRole("link", { name: "Namensschild drucken" }).click();
  await expect(page).toHaveURL(new RegExp(`/de${meeting}/badges\\?id=${id}$`));
  await expect(page.getByTestId("badge")).toHaveCount(1);
  await expect(page.getByTestId("badge-count")).toHaveText("1 Namensschild");
  await expect(page.getByTestId("badge")).toContainText("林娜");
  await expect(page.getByTestId("badge-role")).toHaveText("代表 · Delegate");
  expect(await printedPages(page)).toBe(1);
  await page.screenshot({ path: `${SHOTS}/badge-check-in-de.png`, fullPage: true });
  await snapshot(page, "badge-one");

  // Back to the same card, to check the delegate in.
  await page.getByRole("link", { name: "Zurück zum Check-in" }).click();
  await expect(page.getByTestId("check-in-card").getByRole("heading", { level: 2 })).toHaveText(
    `${family} Lina`,
  );

  // On a phone at the desk, in Chinese: the card's link and the badge page fit the screen.
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.context().addCookies(await page.context().cookies());
  await phone.goto(`/zh${meeting}/check-in?id=${id}`);
  await expect(phone.getByTestId("print-badge")).toHaveText("打印胸卡");
  await expectNoHorizontalScroll(phone);
  await phone.screenshot({ path: `${SHOTS}/check-in-card-zh-390.png`, fullPage: true });
  await phone.getByTestId("print-badge").click();
  await expect(phone.getByTestId("badge")).toHaveCount(1);
  await phone.screenshot({ path: `${SHOTS}/badge-one-zh-390.png`, fullPage: true });
  await phone.close();

  // An id of no registration of this meeting is not found, for staff too.
  expect((await page.goto(`/de${meeting}/badges?id=c${"0".repeat(24)}`))!.status()).toBe(404);
});

test("every visa letter fits one A4 page, in German, English and Chinese: the PDF of “print all” has one page per letter", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  // The longest delegate the form allows, to show that the page holds them too.
  const family = tag("Longname");
  const long = (text: string, length: number) =>
    text
      .repeat(Math.ceil(length / text.length))
      .slice(0, length)
      .trim();
  await register(request, {
    givenName: long("Maximiliane Alexandra ", 100),
    familyName: long(`${family}-Schwarzenberg-`, 100),
    nativeName: long("欧阳", 100),
    honorific: long("Prof. Dr.-Ing. ", 100),
    position: long("Stellvertretende Leiterin der Abteilung für internationale Zusammenarbeit, ", 200),
    organization: long("Kommunale Wirtschaftsförderungs- und Entwicklungsgesellschaft mbH, ", 200),
    email: `${family.toLowerCase()}@example.org`,
    role: "delegate",
    language: "de",
    cityOther: long("Sankt Ingbert-Oberwürzbach an der Blies ", 200),
    visaLetter: true,
    ...passport2017,
  });
  await signInWithForm(page, "de", demoEmail("organizer"));
  for (const lang of LOCALES) {
    await page.goto(`/${lang}${meeting}/visa-letters/print?lang=${lang}&all=1`);
    const letters = await page.getByTestId("visa-letter").count();
    expect(letters, lang).toBeGreaterThan(20);
    expect(await printedPages(page), lang).toBe(letters);
    // On screen each letter is drawn as its A4 sheet, margins included: what the printer gets.
    await page
      .getByTestId("visa-letter")
      .first()
      .screenshot({ path: `${SHOTS}/visa-letter-${lang}.png` });
    const longest = page.getByTestId("visa-letter").filter({ hasText: family });
    await expect(longest).toHaveCount(1);
    await longest.screenshot({ path: `${SHOTS}/visa-letter-long-${lang}.png` });
  }
});
