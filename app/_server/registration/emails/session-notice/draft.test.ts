import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { LINK_TOKEN_PLACEHOLDER } from "@/app/_server/mail/links";
import type { EmailView } from "@/app/_server/registration/view";
import { parseWithIcalJs } from "@/test/ical";
import { sampleView } from "@/test/registration-view";
import { composeNoticeDraft, noticeSubject } from "./compose";
import { NOTICE_DRAFT_VERSION, noticeDraftOf, readNoticeDraft, type SessionNoticeDraft } from "./draft";
import { SESSION_NOTICE_KIND } from "./kind";

/**
 * Change notices as releases stored them in OutboxEmail (fixtures/session-notice-v<version>.json, read from
 * the database after the demo workshop moved from 13:30 in Raum 13 to 13:45 in Saal 2). These files never
 * change: every later release must still compose them, so that a notice queued before an upgrade leaves
 * after it (change-notices.int.test.ts sends one).
 */
type StoredRow = { kind: string; subject: string; withManageLink: boolean; draft: Record<string, unknown> };

function storedRow(version: number): StoredRow {
  const file = path.join(import.meta.dirname, "fixtures", `session-notice-v${version}.json`);
  const rows = JSON.parse(readFileSync(file, "utf8")) as Record<string, StoredRow>;
  return rows[SESSION_NOTICE_KIND]!;
}

/** What the outbox reads from the database as it composes a notice (kind.ts), as a test gives it. */
const withoutDatabase = { uidDomain: "meeting.example", practical: null };

const versions = Array.from({ length: NOTICE_DRAFT_VERSION }, (_, index) => index + 1);

describe.each(versions)("change notice drafts of version %i", (version) => {
  const row = storedRow(version);

  it("compose into the notice they stood for: subject, old and new time and room, link, updated event", async () => {
    const draft = readNoticeDraft(row.draft);
    expect(noticeSubject(draft)).toBe(row.subject);
    // As the outbox composes it (kind.ts), without the footer's practical information, which is read
    // from the database then: footer.int.test.ts and change-notices.int.test.ts cover that.
    const email = composeNoticeDraft(draft, LINK_TOKEN_PLACEHOLDER, {
      uidDomain: "meeting.example",
      practical: null,
    });
    expect(email.text).toContain("Guten Tag Dr. Ute Brandt,");
    expect(email.text).toContain(
      [
        "• Bisherige Zeit",
        "  Montag, 24. April 2017, 13:30–15:00 Uhr (Ortszeit, UTC+2)",
        "  19:30–21:00 Uhr Pekinger Zeit (UTC+8)",
        "",
        "• Neue Zeit",
        "  Montag, 24. April 2017, 13:45–15:15 Uhr (Ortszeit, UTC+2)",
        "  19:45–21:15 Uhr Pekinger Zeit (UTC+8)",
        "",
        "Bisheriger Ort: Raum 13",
        "Neuer Ort: Saal 2",
      ].join("\n"),
    );
    expect(email.text).toContain(`/de/manage/${LINK_TOKEN_PLACEHOLDER}\n`);
    expect(email.html).toContain(`/de/manage/${LINK_TOKEN_PLACEHOLDER}"`);
    expect(email.attachments.map(({ filename }) => filename)).toEqual(["meeting-2017-update.ics"]);
    const [event, ...others] = parseWithIcalJs(email.attachments[0]!.content).events;
    expect(others).toEqual([]);
    expect(event).toMatchObject({ sequence: 1, status: "CONFIRMED", location: "Saal 2" });
    expect(event!.uid.startsWith(`${draft.sessionId}@`)).toBe(true);
    expect(event!.start.toISOString()).toBe("2017-04-24T11:45:00.000Z");
  });
});

describe("change notice drafts", () => {
  const stored = readNoticeDraft(storedRow(NOTICE_DRAFT_VERSION).draft);

  it(`are written in version ${NOTICE_DRAFT_VERSION}, shaped as its fixture (a changed shape needs a new version)`, () => {
    // The registration the fixture was drafted from, with what a draft leaves out and a session it is not about.
    const view = {
      ...sampleView(),
      ...stored.view,
      sessions: [...stored.view.sessions, { ...stored.view.sessions[0]!, sessionId: "another-session" }],
    };
    const written = JSON.parse(
      JSON.stringify(noticeDraftOf(stored.sessionId, stored.before, stored.after, view)),
    );
    expect(written).toEqual(storedRow(NOTICE_DRAFT_VERSION).draft);
  });

  it("refuse a draft of a later version than the code reads, and what is not a draft", () => {
    expect(() => readNoticeDraft({ ...stored, version: NOTICE_DRAFT_VERSION + 1 })).toThrow(
      `Session notice draft of version ${NOTICE_DRAFT_VERSION + 1}`,
    );
    expect(() => readNoticeDraft(null)).toThrow("Not a session notice draft");
  });

  /** The stored notice in `language`, with the session's state before and after as given. */
  function variant(
    language: AppLocale,
    before: Partial<SessionNoticeDraft["before"]>,
    after: Partial<SessionNoticeDraft["after"]>,
  ): SessionNoticeDraft {
    const seatStatus = after.status ?? stored.after.status;
    const view: EmailView = {
      ...stored.view,
      language,
      sessions: stored.view.sessions.map((seat) => ({ ...seat, sessionStatus: seatStatus })),
    };
    return {
      ...stored,
      before: { ...stored.before, ...before },
      after: { ...stored.after, ...after },
      view,
    };
  }

  it("name what happened in the subject, in each language", () => {
    const subjects = (["de", "en", "zh"] as const).map((language) => [
      noticeSubject(variant(language, {}, {})),
      noticeSubject(variant(language, {}, { status: "cancelled" })),
      noticeSubject(variant(language, {}, { status: "draft" })),
      noticeSubject(variant(language, { status: "cancelled" }, {})),
    ]);
    expect(subjects).toEqual([
      [
        "Geändert: Workshop: Smarte Fertigung im Mittelstand – Jahrestreffen 2017",
        "Abgesagt: Workshop: Smarte Fertigung im Mittelstand – Jahrestreffen 2017",
        "Vorerst aus dem Programm genommen: Workshop: Smarte Fertigung im Mittelstand – Jahrestreffen 2017",
        "Findet wieder statt: Workshop: Smarte Fertigung im Mittelstand – Jahrestreffen 2017",
      ],
      [
        "Changed: Workshop: smart manufacturing for mid-sized companies – Annual meeting 2017",
        "Cancelled: Workshop: smart manufacturing for mid-sized companies – Annual meeting 2017",
        "Off the program for now: Workshop: smart manufacturing for mid-sized companies – Annual meeting 2017",
        "Back on the program: Workshop: smart manufacturing for mid-sized companies – Annual meeting 2017",
      ],
      [
        "2017年年会：“研讨会：中小企业的智能制造”有变更",
        "2017年年会：“研讨会：中小企业的智能制造”已取消",
        "2017年年会：“研讨会：中小企业的智能制造”暂时撤出日程",
        "2017年年会：“研讨会：中小企业的智能制造”恢复举行",
      ],
    ]);
  });

  it("cancel the event for a session cancelled or taken off the program, and describe it as the delegate knew it", () => {
    for (const status of ["cancelled", "draft"] as const) {
      const email = composeNoticeDraft(variant("en", {}, { status }), "token", withoutDatabase);
      const [event] = parseWithIcalJs(email.attachments[0]!.content).events;
      expect(event).toMatchObject({ sequence: 1, status: "CANCELLED" });
      expect(email.text).toContain("  Monday, April 24, 2017, 13:30–15:00 (local time, UTC+2)\n");
      expect(email.text).toContain("  Location: Room 13");
      expect(email.text).not.toContain("Your seat");
    }
  });

  it("give a restored session as it is now, with the delegate's seat", () => {
    const email = composeNoticeDraft(variant("zh", { status: "cancelled" }, {}), "token", withoutDatabase);
    expect(email.text).toContain("“研讨会：中小企业的智能制造”恢复举行，最新安排如下：");
    expect(email.text).toContain("  2017年4月24日星期一 13:45–15:15（当地时间，UTC+2）\n");
    expect(email.text).toContain("  会场：2号厅\n  您的席位已预留。");
    const [event] = parseWithIcalJs(email.attachments[0]!.content).events;
    expect(event).toMatchObject({ status: "CONFIRMED" });
  });
});
