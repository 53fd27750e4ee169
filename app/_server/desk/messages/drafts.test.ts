import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LINK_TOKEN_PLACEHOLDER } from "@/app/_server/mail/links";
import { manageUrl } from "@/app/_server/registration/tokens";
import { composeMessageDraft, MESSAGE_DRAFT_VERSION, messageEmailOf, readMessageDraft } from "./drafts";

/**
 * Message drafts as releases stored them in OutboxEmail (fixtures/message-drafts-v<version>.json). These
 * files never change: every later release must still compose them, so that a message's emails still
 * waiting for their turn when the server is upgraded leave after it.
 */
type StoredRow = { kind: string; subject: string; withManageLink: boolean; draft: Record<string, unknown> };

function storedRows(version: number): Record<string, StoredRow> {
  const file = path.join(import.meta.dirname, "fixtures", `message-drafts-v${version}.json`);
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, StoredRow>;
}

const versions = Array.from({ length: MESSAGE_DRAFT_VERSION }, (_, index) => index + 1);
const empty = { subject: "", body: "" };

describe.each(versions)("message drafts of version %i", (version) => {
  it("compose into the email they stood for: the text filled, the link's placeholder, the footer", async () => {
    const { draft } = storedRows(version)["message.delegate"]!;
    // The link to the delegate's page in their own language (Chinese), whatever the text's language.
    const link = manageUrl("zh", LINK_TOKEN_PLACEHOLDER);
    // As the outbox composes it (composeStoredMessage), without the practical information it reads from
    // the database then (messages.int.test.ts has a message's footer with it).
    const email = composeMessageDraft(readMessageDraft(draft));
    expect(email.text).toBe(
      "Guten Tag Dr. Ute Brandt,\n\nder Workshop ist in Saal 2 umgezogen (siehe https://meeting.example/de/meetings/2017).\n\n" +
        `Ihre Anmeldung: ${link}\n\n-- \n` +
        "Sie erhalten diese Nachricht von den Organisatoren, weil Sie mit dieser Adresse zu „Jahrestreffen 2017“ angemeldet sind.\n",
    );
    expect(email.html).toContain(
      '(siehe <a href="https://meeting.example/de/meetings/2017">https://meeting.example/de/meetings/2017</a>).',
    );
    expect(email.html).toContain(`<a href="${link}">${link}</a>`);
  });
});

describe("message drafts", () => {
  it(`are written in version ${MESSAGE_DRAFT_VERSION}, shaped as its fixture (a changed shape needs a new version)`, () => {
    const stored = storedRows(MESSAGE_DRAFT_VERSION)["message.delegate"]!;
    const draft = stored.draft as { body: string };
    const written = messageEmailOf(
      { de: { subject: "Neuer Raum für {{name}}", body: draft.body }, en: empty, zh: empty },
      "de",
      {
        name: "Dr. Ute Brandt",
        language: "zh",
        meeting: {
          id: "cmeeting2017demo000000001",
          title: { de: "Jahrestreffen 2017", en: "", zh: "" },
          venueName: "Hannover Messe",
        },
      },
    );
    expect(JSON.parse(JSON.stringify(written))).toEqual({
      subject: stored.subject,
      withManageLink: stored.withManageLink,
      draft: stored.draft,
    });
  });

  it("escape what the organizers and delegates typed in the HTML", async () => {
    const { draft } = messageEmailOf(
      { de: empty, en: { subject: "Hi", body: "<b>Dear</b> {{name}} & co" }, zh: empty },
      "en",
      {
        name: "O'Brien <x>",
        language: "en",
        meeting: { id: "m1", title: { de: "", en: "Meeting", zh: "" }, venueName: "Hall" },
      },
    );
    expect(composeMessageDraft(readMessageDraft(draft)).html).toContain(
      "<p>&lt;b&gt;Dear&lt;/b&gt; O&#39;Brien &lt;x&gt; &amp; co</p>",
    );
  });

  it("end a link where Chinese text follows it without a blank", () => {
    const { draft } = messageEmailOf(
      {
        de: empty,
        en: empty,
        zh: { subject: "更新", body: "请点击{{manageLink}}修改报名。详见https://meeting.example/zh。" },
      },
      "zh",
      {
        name: "王伟",
        language: "zh",
        meeting: { id: "m1", title: { de: "", en: "", zh: "年会" }, venueName: "Hall" },
      },
    );
    const link = manageUrl("zh", LINK_TOKEN_PLACEHOLDER);
    const { html } = composeMessageDraft(readMessageDraft(draft));
    expect(html).toContain(`请点击<a href="${link}">${link}</a>修改报名。`);
    expect(html).toContain('详见<a href="https://meeting.example/zh">https://meeting.example/zh</a>。');
  });

  it("refuse a draft of a later version than the code reads, and what is not a draft", () => {
    const { draft } = storedRows(1)["message.delegate"]!;
    expect(() => readMessageDraft({ ...draft, version: MESSAGE_DRAFT_VERSION + 1 })).toThrow(
      `Message draft of version ${MESSAGE_DRAFT_VERSION + 1}`,
    );
    expect(() => readMessageDraft(null)).toThrow("Not a message draft");
  });
});
