import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

/**
 * The lease of a claimed batch against the time a batch can take, without a database or a mail server:
 * the claim returns `claimSize` emails and each send takes seven minutes of the clock, or fails.
 */
const state = vi.hoisted(() => ({
  claimSize: 3,
  claims: 0,
  claimValues: [] as unknown[],
  sends: [] as string[],
  sendError: null as Error | null,
  handedBack: [] as string[][],
  tokens: [] as string[],
}));

vi.mock("../db", () => {
  const email = (id: string, minute: number) => ({
    id,
    kind: "test.linked",
    createdAt: new Date(Date.UTC(2017, 3, 1, 8, minute)),
    registrationId: `registration-${id}`,
    toAddress: `${id}@example.org`,
    subject: "Link",
    text: "https://meeting.example/de/manage/{{linkToken}}",
    html: "",
    attachments: [],
    withManageLink: true,
    attempts: 0,
    nextAttemptAt: new Date(Date.UTC(2017, 3, 1, 8, minute)),
  });
  return {
    db: {
      $queryRaw: async (_sql: TemplateStringsArray, ...values: unknown[]) => {
        state.claims += 1;
        state.claimValues = values;
        // A few full batches at most, so that a run that never stops claiming fails instead of spinning.
        if (state.claims > 3) return [];
        return Array.from({ length: state.claimSize }, (_, index) =>
          email("abcdefghijklmnop"[index]!, index),
        );
      },
      outboxEmail: {
        updateMany: async ({ where }: { where: { id: string | { in: string[] } } }) => {
          if (typeof where.id === "object") state.handedBack.push(where.id.in);
          return { count: 1 };
        },
      },
    },
  };
});
vi.mock("../env", () => ({ env: () => ({ MAIL_MAX_ATTEMPTS: 8 }) }));
vi.mock("./transport", () => ({
  SEND_TIMEOUT_MS: 60_000,
  mailConfigured: () => true,
  sendEmail: async (email: { to: string; text: string }) => {
    expect(email.text).toMatch(/\/manage\/[A-Za-z0-9_-]{43}$/);
    state.sends.push(email.to);
    if (state.sendError) throw state.sendError;
    vi.setSystemTime(Date.now() + 7 * 60_000);
  },
}));

const { deliverOutbox, deliverSoon } = await import("./delivery");
const { registerEmailKinds } = await import("./kinds");
registerEmailKinds(["test.linked"], {
  mintLink: async () => {
    const token = String(state.tokens.length).padStart(43, "t");
    state.tokens.push(token);
    return { token, revoke: async () => {} };
  },
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2017-04-01T09:00:00Z"));
});
afterEach(() => {
  vi.useRealTimers();
});

describe("outbox lease", () => {
  it("outlasts a whole batch of sends that each take the transport's longest time", async () => {
    const now = new Date();
    await deliverOutbox({ now });
    const until = state.claimValues.find(
      (value): value is Date => value instanceof Date && value.getTime() !== now.getTime(),
    );
    const leaseMs = until!.getTime() - now.getTime();
    // Ten emails a batch, each send cut off after a minute: ten minutes, and five to spare.
    expect(leaseMs).toBe(15 * 60_000);
    expect(state.claimValues).toContain(10);
  });

  it("starts no send that could still run when the lease ends, and hands the rest back", async () => {
    state.sends = [];
    state.handedBack = [];
    // 0 and 7 minutes after the claim: sends; 14 minutes: past the last start (15 − 1 − 1).
    expect(await deliverOutbox()).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(state.sends).toEqual(["a@example.org", "b@example.org"]);
    expect(state.handedBack).toEqual([["c"]]);
  });
});

describe("deliverSoon", () => {
  it("does not run again at once after the server failed, though the batch was full", async () => {
    vi.useRealTimers();
    state.claimSize = 10;
    state.sends = [];
    state.claims = 0;
    state.sendError = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:2525"), { code: "ESOCKET" });
    deliverSoon();
    await vi.waitFor(() => expect(state.sends).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // One email tried, nine handed back, and no second run that would try the next one right away.
    expect(state.claims).toBe(1);
    expect(state.sends).toHaveLength(1);
  });
});
