import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LINK_TOKEN_PLACEHOLDER } from "@/app/_server/mail/links";
import type { RegistrationView } from "@/app/_server/registration/view";
import { parseWithIcalJs } from "@/test/ical";
import { sampleView } from "@/test/registration-view";
import { DRAFT_VERSION, draftOf, draftSubject } from "./drafts";
import { composeStoredDraft } from "./kinds";
import { readDraft } from "./versions";

/**
 * Drafts as releases stored them in OutboxEmail (fixtures/drafts-v<version>.json: kind, subject, draft and
 * the columns a draft leaves empty), read from the database after queueing a confirmation and a change that
 * gave a session up. Version 1 is the first release with drafts, which wrote no version. These files never
 * change: every later release must still compose them, so that an email queued before an upgrade leaves
 * after it (upgrade.int.test.ts sends them).
 */
type StoredRow = { kind: string; subject: string; withManageLink: boolean; draft: Record<string, unknown> };

function storedRows(version: number): Record<string, StoredRow> {
  const file = path.join(import.meta.dirname, "fixtures", `drafts-v${version}.json`);
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, StoredRow>;
}

/** No database here: the program's open sessions are the integration tests' (calendar.int.test.ts). */
const seatsOnly = async () => ({ program: { uidDomain: "meeting.example", open: [] }, practical: null });

const versions = Array.from({ length: DRAFT_VERSION }, (_, index) => index + 1);

describe.each(versions)("registration email drafts of version %i", (version) => {
  const rows = storedRows(version);

  it("compose into the email they stood for: subject, bodies with the link's placeholder, calendar, QR code", async () => {
    const confirmed = rows["registration.confirmed"]!;
    expect(draftSubject(readDraft(confirmed.draft))).toBe(confirmed.subject);
    const email = await composeStoredDraft(confirmed.draft, seatsOnly);
    expect(email.text).toContain("Dr. Ute Brandt");
    expect(email.text).toContain("Workshop: Smarte Fertigung im Mittelstand");
    expect(email.text).toContain("7K3M");
    expect(email.text).toContain(`/de/manage/${LINK_TOKEN_PLACEHOLDER}\n`);
    expect(email.html).toContain(`/de/manage/${LINK_TOKEN_PLACEHOLDER}"`);
    expect(email.attachments.map(({ filename }) => filename)).toEqual(["meeting-2017.ics", "check-in.png"]);
    expect(email.attachments[1]).toMatchObject({
      contentType: "image/png",
      cid: "check-in-code@meeting",
      encoding: "base64",
      content: expect.stringMatching(/^iVBORw0KGgo/),
    });
  });

  it("cancel in the calendar the sessions given up in a change", async () => {
    const changed = rows["registration.changed"]!;
    const draft = readDraft(changed.draft);
    expect(draftSubject(draft)).toBe(changed.subject);
    const [calendar] = (await composeStoredDraft(changed.draft, seatsOnly)).attachments;
    const events = parseWithIcalJs(calendar!.content).events;
    expect(events.map((event) => event.status)).toEqual(expect.arrayContaining(["CONFIRMED", "CANCELLED"]));
    expect(events).toHaveLength(draft.view.sessions.length + draft.released.length);
  });
});

describe("registration email drafts", () => {
  it(`are written in version ${DRAFT_VERSION}, shaped as its fixture (a changed shape needs a new version)`, () => {
    // The registration the fixture's confirmation was drafted from, with what a draft leaves out.
    const { draft } = storedRows(DRAFT_VERSION)["registration.confirmed"]!;
    const view = { ...sampleView(), ...(draft.view as object) } as RegistrationView;
    const written = JSON.parse(JSON.stringify(draftOf({ kind: "confirmed" }, view, [])));
    expect(written).toEqual({ ...draft, version: DRAFT_VERSION });
  });

  it("fail to compose once the view changed shape, unless read through their version (the control)", async () => {
    const { draft } = storedRows(1)["registration.confirmed"]!;
    // What a release that renamed a field of the view would find in a draft stored before it.
    const { meeting, ...view } = draft.view as { meeting: unknown };
    const reshaped = { ...draft, view: { ...view, event: meeting } };
    await expect(composeStoredDraft(reshaped, seatsOnly)).rejects.toThrow();
  });

  it("refuse a draft of a later version than the code reads, and what is not a draft", () => {
    const { draft } = storedRows(1)["registration.confirmed"]!;
    expect(() => readDraft({ ...draft, version: DRAFT_VERSION + 1 })).toThrow(
      `Registration email draft of version ${DRAFT_VERSION + 1}`,
    );
    expect(() => readDraft(null)).toThrow("Not a registration email draft");
  });
});
