import { randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { demoEmail, signInWithForm } from "./support/back-office";
import { expect, expectAccessible, LOCALES, snapshot, test } from "./fixtures";

/** A calendar's text with its folded lines joined again, so that a folded word is found whole. */
const unfolded = (text: string) => text.replace(/\r\n[ \t]/g, "");

type Agenda = { sessions: { kind: string; track: { slug: string } | null }[]; tracks: { slug: string }[] };

/** Every public address that shows sessions of the demo meeting, in every language. */
async function publicSurfaces(request: APIRequestContext, sessionIds: string[]): Promise<string[]> {
  const agenda = (await (await request.get("/api/meetings/2017/agenda")).json()) as Agenda;
  const kinds = [...new Set(agenda.sessions.map((session) => session.kind))];
  const tracks = agenda.tracks.map((track) => track.slug);
  expect(kinds).toContain("ceremony");
  expect(tracks.length).toBeGreaterThan(0);
  const pages = LOCALES.flatMap((locale) => [
    `/${locale}`,
    `/${locale}/meetings/2017`,
    `/${locale}/meetings/2017/agenda`,
    ...sessionIds.map((id) => `/${locale}/meetings/2017/sessions/${id}`),
  ]);
  const feeds = LOCALES.flatMap((lang) => [
    `/calendar/2017.ics?lang=${lang}`,
    ...tracks.map((track) => `/calendar/2017/tracks/${track}.ics?lang=${lang}`),
    ...kinds.map((kind) => `/calendar/2017/kinds/${kind}.ics?lang=${lang}`),
    ...sessionIds.map((id) => `/calendar/2017/sessions/${id}.ics?lang=${lang}`),
  ]);
  return [...pages, "/api/meetings", "/api/meetings/2017", "/api/meetings/2017/agenda", ...feeds];
}

/** Opens the "add a segment" form, or leaves it open. */
async function addForm(page: Page) {
  const add = page.locator("details", { has: page.locator("summary", { hasText: "Add a segment" }) });
  if (!(await add.evaluate((details: HTMLDetailsElement) => details.open)))
    await add.locator("summary").click();
  return add;
}

/** A new draft ceremony without a room (no clash with other tests), its editor open; returns the editor's path. */
async function newCeremony(page: Page, start: string, end: string): Promise<string> {
  await page.goto("/en/admin/meetings/2017/sessions/new");
  const form = page.getByTestId("session-form");
  await form.locator("input[name=titleDe]").fill(`Zeremonie ${randomUUID().slice(0, 8)}`);
  await form.locator("select[name=kind]").selectOption("ceremony");
  await form.locator("input[name=date]").fill("2017-04-24");
  await form.locator("input[name=startTime]").fill(start);
  await form.locator("input[name=endTime]").fill(end);
  await form.getByRole("button", { name: "Create session" }).click();
  await expect(page).toHaveURL(/\/sessions\/(?!new$)[^/]+$/);
  const path = `${new URL(page.url()).pathname}/ceremony`;
  await page.goto(path);
  return path;
}

test.describe("internal notes", () => {
  test.skip(({ isMobile }) => isMobile, "Writes to the shared demo meeting.");

  test("a session's and a segment's internal notes reach the organizers' views and no public page, API or feed", async ({
    page,
    request,
    demo,
  }) => {
    test.setTimeout(120_000);
    const token = `crewonly${randomUUID().replace(/-/g, "")}`;
    await signInWithForm(page, "en", demoEmail("organizer"));

    // The session editor: one field, labelled as the organizers' own.
    await page.goto(`/en/admin/meetings/2017/sessions/${demo.workshop}`);
    const notes = page.getByLabel("Internal notes");
    await expect(page.getByTestId("internal-notes")).toContainText("Only organizers and crew see this");
    await expect(page.getByLabel("Description (English)")).toHaveAccessibleDescription(
      "Public: shown on the session page, in the agenda and in calendars.",
    );
    await notes.fill(`Projector spare bulb ${token}`);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByTestId("form-message")).toHaveText("The session is saved.");
    await page.reload();
    await expect(page.getByLabel("Internal notes")).toHaveValue(`Projector spare bulb ${token}`);
    await snapshot(page, "session-editor-en");

    // A segment of the demo's ceremony, through its edit form.
    const editorPath = `/en/admin/meetings/2017/sessions/${demo.ceremony}/ceremony`;
    await page.goto(editorPath);
    const welcome = page.getByTestId("segments").locator("li").first();
    await welcome.locator("summary").click();
    await expect(welcome.getByText("Shown with the run-of-show on the public session page.")).toBeVisible();
    await welcome.getByLabel("Internal notes").fill(`Two pens ${token}`);
    await welcome.getByRole("button", { name: "Save segment" }).click();
    await expect(welcome.getByTestId("segment-internal-notes")).toHaveText(
      `Internal notes: Two pens ${token}`,
    );

    // Nowhere public, in any language; the pages answer and show the public text.
    const surfaces = await publicSurfaces(request, [demo.workshop, demo.ceremony]);
    expect(surfaces.length).toBeGreaterThan(30);
    for (const path of surfaces) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      const body = await response.text();
      expect(unfolded(body), path).not.toContain(token);
      expect(body, path).not.toContain("crewonly");
    }
    const ceremonyPage = await (await request.get(`/en/meetings/2017/sessions/${demo.ceremony}`)).text();
    expect(ceremonyPage).toContain("Ute Berg, Head of the Department for Economic Affairs and Real Estate");
    expect(ceremonyPage).not.toContain("Tisch mit Urkundenmappe");

    // The organizers' views have it: print view and run-of-show feed, labelled.
    for (const locale of LOCALES) {
      await page.goto(`/${locale}${editorPath.slice(3)}/print`);
      await expect(page.getByTestId("print-run-of-show")).toContainText(`Two pens ${token}`);
    }
    await expect(page.getByTestId("print-run-of-show").locator("th").last()).toHaveText("内部备注");
    await snapshot(page, "ceremony-print-zh");
    const feed = await page.request.get(
      `/api/admin/meetings/2017/sessions/${demo.ceremony}/run-of-show.ics?lang=en`,
    );
    expect(feed.status()).toBe(200);
    const feedText = unfolded(await feed.text());
    expect(feedText).toContain(`Internal notes: Two pens ${token}`);
    expect(feedText).toContain("Description (public): Ute Berg");
  });

  test("the ceremony editor's heading is the title once, in every language", async ({ page, demo }) => {
    await signInWithForm(page, "en", demoEmail("organizer"));
    const titles = {
      de: "Feierliche Aufnahme Kölns in die Allianz",
      en: "Ceremony: Cologne joins the alliance",
      zh: "科隆加入联盟仪式",
    };
    for (const locale of LOCALES) {
      await page.goto(`/${locale}/admin/meetings/2017/sessions/${demo.ceremony}/ceremony`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(titles[locale]);
    }
  });
});

test.describe("ceremony editor", () => {
  test.skip(({ isMobile }) => isMobile, "Writes to the shared demo meeting.");

  test("each added segment has exactly its own participants; a refused add keeps what was typed", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await signInWithForm(page, "en", demoEmail("organizer"));
    await newCeremony(page, "18:00", "18:45");
    const people = await page
      .locator("#new-segment-participant-0 option:not([value=''])")
      .evaluateAll((options) => options.slice(0, 3).map((option) => (option as HTMLOptionElement).label));
    expect(people).toHaveLength(3);

    const plan = [
      { title: "Begrüßung", minutes: "5", participants: [people[0]!], notes: "Mikrofon links" },
      { title: "Gruppenfoto", minutes: "10", participants: [people[1]!, people[2]!], notes: "" },
      { title: "Ausklang", minutes: "5", participants: [people[2]!, people[0]!], notes: "" },
    ];
    for (const [index, segment] of plan.entries()) {
      const add = await addForm(page);
      // Empty again after every add: nothing of the segment before.
      await expect(add.getByLabel("Title (German)")).toHaveValue("");
      await expect(add.getByLabel("Duration in minutes")).toHaveValue("");
      await expect(add.getByLabel("Description (German)")).toHaveValue("");
      await expect(add.getByLabel("Internal notes")).toHaveValue("");
      for (let slot = 0; slot < 3; slot++)
        await expect(add.locator(`#new-segment-participant-${slot}`)).toHaveValue("");

      await add.getByLabel("Title (German)").fill(segment.title);
      for (const [slot, person] of segment.participants.entries())
        await add.locator(`#new-segment-participant-${slot}`).selectOption({ label: person });
      await add.getByLabel("Internal notes").fill(segment.notes);
      if (index === 0) {
        // A duration that is not a number is refused, and the form keeps title, participants and notes.
        await add.getByLabel("Duration in minutes").fill("5 min");
        await add.getByRole("button", { name: "Add", exact: true }).click();
        await expect(add.locator("#new-segment-durationMinutes-error")).toBeVisible();
        await expect(add.getByLabel("Title (German)")).toHaveValue(segment.title);
        await expect(add.locator("#new-segment-participant-0")).toHaveValue(/\S/);
        await expect(add.getByLabel("Internal notes")).toHaveValue(segment.notes);
      }
      await add.getByLabel("Duration in minutes").fill(segment.minutes);
      await add.getByRole("button", { name: "Add", exact: true }).click();
      await expect(page.getByTestId("segments").locator("li", { hasText: segment.title })).toBeVisible();
    }

    await page.reload();
    const rows = page.getByTestId("segments").locator(":scope > li");
    await expect(rows).toHaveCount(3);
    for (const [index, segment] of plan.entries())
      await expect(rows.nth(index).locator("p", { hasText: "Participants:" })).toHaveText(
        `Participants: ${segment.participants.join(", ")}`,
      );
    await expect(rows.nth(0).getByTestId("segment-internal-notes")).toHaveText(
      "Internal notes: Mikrofon links",
    );
    await expect(rows.nth(1).getByTestId("segment-internal-notes")).toHaveCount(0);
  });

  test("deleting asks first, and Undo puts the segment back at its place with its participants and texts", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await signInWithForm(page, "en", demoEmail("organizer"));
    const path = await newCeremony(page, "19:00", "19:30");
    const person = (await page
      .locator("#new-segment-participant-0 option:not([value=''])")
      .first()
      .textContent())!;
    for (const [title, minutes] of [
      ["Eins", "5"],
      ["Zwei", "10"],
      ["Drei", "5"],
    ] as const) {
      const add = await addForm(page);
      await add.getByLabel("Duration in minutes").fill(minutes);
      await add.getByLabel("Title (German)").fill(title);
      if (title === "Zwei") {
        await add.getByLabel("Description (English)").fill("The second item.");
        await add.getByLabel("Internal notes").fill("Chairs for two");
        await add.locator("#new-segment-participant-0").selectOption({ label: person });
      }
      await add.getByRole("button", { name: "Add", exact: true }).click();
      await expect(page.getByTestId("segments").locator("li", { hasText: title })).toBeVisible();
    }
    const rows = page.getByTestId("segments").locator(":scope > li");
    const times = page.getByTestId("segments").getByTestId("segment-time");
    await expect(times).toHaveText(["19:00–19:05", "19:05–19:15", "19:15–19:20"]);

    const second = rows.nth(1);
    await second.locator("summary").click();
    await second.getByRole("button", { name: "Delete “Zwei”" }).click();
    // Not without the tick box.
    const confirm = second.getByLabel("Yes, delete “Zwei”");
    await expect(confirm).toHaveAttribute("aria-invalid", "true");
    await expect(rows).toHaveCount(3);
    await confirm.check();
    await second.getByRole("button", { name: "Delete “Zwei”" }).click();
    await expect(rows).toHaveCount(2);
    await expect(times).toHaveText(["19:00–19:05", "19:05–19:10"]);
    const deleted = page.getByTestId("deleted-segments");
    await expect(deleted).toContainText(/“Zwei” was deleted at \d\d:\d\d\./);
    await page.setViewportSize({ width: 1280, height: 900 });
    await snapshot(page, "ceremony-undo-en");

    await deleted.getByRole("button", { name: "Undo deleting “Zwei”" }).click();
    await expect(rows).toHaveCount(3);
    await expect(page.getByTestId("deleted-segments")).toHaveCount(0);
    await expect(times).toHaveText(["19:00–19:05", "19:05–19:15", "19:15–19:20"]);
    await page.reload();
    await expect(rows.nth(1)).toContainText("Zwei");
    await expect(rows.nth(1)).toContainText(`Participants: ${person}`);
    await expect(rows.nth(1)).toContainText("Description (public), EN: The second item.");
    await expect(rows.nth(1).getByTestId("segment-internal-notes")).toHaveText(
      "Internal notes: Chairs for two",
    );
    await expectAccessible(page);

    // What organizers see, in German and Chinese, wide and on a phone.
    for (const locale of ["de", "zh"] as const) {
      await page.goto(`/${locale}${path.slice(3)}`);
      await page
        .locator("details", {
          has: page.locator("summary", {
            hasText: locale === "de" ? "Programmpunkt hinzufügen" : "添加环节",
          }),
        })
        .locator("summary")
        .click();
      for (const [width, height, name] of [
        [1280, 900, "desktop"],
        [390, 844, "phone"],
      ] as const) {
        await page.setViewportSize({ width, height });
        await snapshot(page, `ceremony-editor-${locale}-${name}`);
      }
    }
  });
});
