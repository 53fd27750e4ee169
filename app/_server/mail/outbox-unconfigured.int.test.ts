import { describe, expect, it, vi } from "vitest";

// Settings are read once per process (see test/smtp-sink.ts): load the app afresh without SMTP_URL.
delete process.env.SMTP_URL;
vi.resetModules();

const { db } = await import("@/app/_server/db");
const { deliverOutbox } = await import("./delivery");
const { queueEmail } = await import("./outbox");
const { LINK_TOKEN_PLACEHOLDER } = await import("./links");

describe("outbox without SMTP_URL", () => {
  it("keeps every email queued and mints no link", async () => {
    let minted = 0;
    const { registerEmailKinds } = await import("./kinds");
    registerEmailKinds(["test.unconfigured"], {
      mintLink: async () => {
        minted += 1;
        return { token: "x".repeat(43), revoke: async () => {} };
      },
    });
    const { id } = await db.$transaction((tx) =>
      queueEmail(tx, {
        registrationId: null,
        kind: "test.unconfigured",
        to: "someone@example.org",
        subject: "Link",
        text: LINK_TOKEN_PLACEHOLDER,
        html: "",
        withManageLink: true,
      }),
    );
    expect(await deliverOutbox({ now: new Date(Date.now() + 86_400_000) })).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    });
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "queued",
      attempts: 0,
      text: LINK_TOKEN_PLACEHOLDER,
    });
    expect(minted).toBe(0);
  });

  it("refuses a link that no minter makes for its kind", async () => {
    await expect(
      db.$transaction((tx) =>
        queueEmail(tx, {
          registrationId: null,
          kind: "test",
          to: "someone@example.org",
          subject: "x",
          text: LINK_TOKEN_PLACEHOLDER,
          html: "",
          withManageLink: true,
        }),
      ),
    ).rejects.toThrow("No link minter for test");
  });

  it("refuses a draft that no composer composes for its kind", async () => {
    await expect(
      db.$transaction((tx) =>
        queueEmail(tx, {
          registrationId: null,
          kind: "test",
          to: "someone@example.org",
          subject: "x",
          draft: {},
        }),
      ),
    ).rejects.toThrow("No composer for test");
  });
});
