import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { demoEmail, signInWithForm } from "./support/back-office";
import { createOwnMeeting } from "./support/meetings";
import { expect, expectAccessible, snapshot, test } from "./fixtures";

/**
 * Change notices in the session editor (README "Change notices"): before saving a new time, the organizer
 * sees how many delegates will be told. What the delegates get is proven through a real SMTP server in
 * app/_server/agenda/change-notices.int.test.ts.
 */

/** A delegate with a seat in the session, through the public API. */
async function bookSeat(
  request: APIRequestContext,
  meeting: string,
  sessionId: string,
  language: "de" | "zh",
) {
  const response = await request.post(`/api/meetings/${meeting}/registrations`, {
    data: {
      givenName: "Notiz",
      familyName: "Probe",
      email: `notice-${randomUUID().slice(0, 8)}@example.org`,
      role: "guest",
      cityOther: "Hannover",
      language,
      sessionIds: [sessionId],
      privacyConsent: true,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
}

test("an organizer moving a booked session sees how many delegates will be told, and saves", async ({
  page,
  request,
  isMobile,
}) => {
  test.skip(isMobile, "The phone's test only looks; this one writes.");
  test.setTimeout(90_000);
  await signInWithForm(page, "de", demoEmail("organizer"));

  // A meeting and a session of this test's own: the demo meeting's agenda, which other specs count, stays.
  const meeting = `notice-${randomUUID().slice(0, 6)}`;
  await createOwnMeeting(page, "de", meeting, "2027-04-19");
  await page.goto(`/de/admin/meetings/${meeting}/sessions/new`);
  const form = page.getByTestId("session-form");
  await form.locator("input[name=titleDe]").fill(`Kamingespräch ${randomUUID().slice(0, 6)}`);
  await form.locator("select[name=kind]").selectOption("networking");
  await form.locator("input[name=date]").fill("2027-04-19");
  await form.locator("input[name=startTime]").fill("21:00");
  await form.locator("input[name=endTime]").fill("22:00");
  await form.locator("input[name=capacity]").fill("10");
  await form.getByRole("button", { name: "Sitzung anlegen" }).click();
  await expect(page).toHaveURL(/\/sessions\/(?!new$)[^/]+$/);
  const sessionId = new URL(page.url()).pathname.split("/").pop()!;
  await page.getByRole("button", { name: "Veröffentlichen" }).click();
  await expect(page.getByTestId("session-status")).toHaveText("Aktueller Status: Veröffentlicht");
  await bookSeat(request, meeting, sessionId, "de");
  await bookSeat(request, meeting, sessionId, "zh");

  await page.reload();
  const notice = page.getByTestId("session-form").getByTestId("change-notice");
  await expect(notice.getByTestId("change-notice-count")).toHaveText(
    "Ändern Sie Zeit oder Raum, werden 2 Delegierte benachrichtigt.",
  );
  await form.locator("input[name=startTime]").fill("21:15");
  await form.locator("input[name=endTime]").fill("22:15");
  await expect(notice.getByTestId("change-notice-count")).toHaveText("2 Delegierte werden benachrichtigt.");
  await expectAccessible(page);
  await notice.scrollIntoViewIfNeeded();
  await snapshot(page, "change-notice-editor-de", { fullPage: false });

  await page.getByRole("button", { name: "Speichern", exact: true }).click();
  await expect(page.getByTestId("form-message")).toHaveText(
    "Die Sitzung ist gespeichert. 2 Delegierte werden in 5 Minuten benachrichtigt.",
  );
  // The status actions say the same before a cancellation.
  await page.reload();
  const cancel = page.locator("form", { has: page.getByRole("button", { name: "Sitzung absagen" }) });
  await expect(cancel.getByTestId("change-notice-count")).toHaveText("2 Delegierte werden benachrichtigt.");
});

test("the editor of a booked session tells a Chinese organizer on the phone how many delegates a new time reaches", async ({
  page,
  demo,
  isMobile,
}) => {
  test.skip(!isMobile, "The desktop's test writes; this one only looks, on a phone.");
  await signInWithForm(page, "zh", demoEmail("organizer"));
  await page.goto(`/zh/admin/meetings/2017/sessions/${demo.workshop}`);
  const form = page.getByTestId("session-form");
  const count = form.getByTestId("change-notice-count");
  await expect(count).toHaveText(/^如更改时间或会场，将通知 \d+ 名代表。$/);
  await form.locator("input[name=startTime]").fill("13:45");
  await expect(count).toHaveText(/^将通知 \d+ 名代表。$/);
  await page.getByTestId("session-form").getByTestId("change-notice").scrollIntoViewIfNeeded();
  await snapshot(page, "change-notice-editor-zh", { fullPage: false });
});
