import { describe, expect, it, vi } from "vitest";
import { deliverSoon, retryDelayMs, shortError } from "./delivery";
import { LINK_TOKEN_PLACEHOLDER } from "./links";
import { renderForRecipient } from "./outbox";

// deliverSoon is tested without a database or a mail server: each delivery run starts with one claim query.
const claims = vi.hoisted(() => ({ count: 0, release: [] as (() => void)[] }));
vi.mock("../db", () => ({
  db: {
    $queryRaw: () => {
      claims.count += 1;
      return new Promise((resolve) => claims.release.push(() => resolve([])));
    },
  },
}));
vi.mock("./transport", () => ({
  SEND_TIMEOUT_MS: 60_000,
  mailConfigured: () => true,
  sendEmail: async () => {},
}));

describe("retry delays", () => {
  it("double from 30 seconds and stop growing at one hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(retryDelayMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000,
    ]);
  });
});

describe("renderForRecipient", () => {
  const stored = {
    toAddress: "wang.wei@example.cn",
    subject: "Link",
    text: `Open https://meeting.example/zh/manage/${LINK_TOKEN_PLACEHOLDER} now`,
    html: `<a href="https://meeting.example/zh/manage/${LINK_TOKEN_PLACEHOLDER}">${LINK_TOKEN_PLACEHOLDER}</a>`,
    attachments: [{ filename: "meeting-2017.ics", contentType: "text/calendar", content: "BEGIN:VCALENDAR" }],
  };

  it("shows a neutral mark where the link token stands: the outbox never has it", () => {
    const email = renderForRecipient(stored);
    expect(email.text).toBe("Open https://meeting.example/zh/manage/… now");
    expect(email.html).toBe('<a href="https://meeting.example/zh/manage/…">…</a>');
    expect(email.to).toBe("wang.wei@example.cn");
    expect(email.attachments).toEqual(stored.attachments);
  });

  it("shows a neutral mark for a link token stored in the clear (set-password, manage and calendar links), and nothing else", () => {
    const token = "q".repeat(22) + "-_Z9".repeat(5) + "x";
    const email = renderForRecipient({
      ...stored,
      text: `Set it: https://meeting.example/en/admin/password/${token}\nhttps://meeting.example/de/manage/${token}.\n/calendar/personal/${token}.ics /de/meetings/${token}`,
      html: `<a href="https://meeting.example/en/admin/password/${token}">https://meeting.example/en/admin/password/${token}</a>`,
    });
    expect(email.text).toBe(
      "Set it: https://meeting.example/en/admin/password/…\nhttps://meeting.example/de/manage/….\n/calendar/personal/….ics " +
        `/de/meetings/${token}`,
    );
    expect(email.html).toBe(
      '<a href="https://meeting.example/en/admin/password/…">https://meeting.example/en/admin/password/…</a>',
    );
  });
});

describe("shortError", () => {
  it("keeps the code and one short line", () => {
    const error = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:2525\n  at TCP"), {
      code: "ESOCKET",
    });
    expect(shortError(error)).toBe("ESOCKET: connect ECONNREFUSED 127.0.0.1:2525 at TCP");
    expect(shortError("x".repeat(1000))).toHaveLength(300);
  });
});

describe("deliverSoon", () => {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const finishRun = async () => {
    claims.release.splice(0).forEach((release) => release());
    await settle();
  };

  it("runs one delivery at a time and folds the calls made meanwhile into one more run", async () => {
    for (let call = 0; call < 100; call += 1) deliverSoon();
    await settle();
    expect(claims.count).toBe(1);
    await finishRun();
    expect(claims.count).toBe(2);
    await finishRun();
    expect(claims.count).toBe(2);
    deliverSoon();
    await settle();
    expect(claims.count).toBe(3);
    await finishRun();
  });
});
