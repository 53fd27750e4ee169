import { beforeEach, describe, expect, it, vi } from "vitest";

/**
 * A stopping server and the outbox (shutdown.ts → stopOutboxDelivery), without a database or a mail
 * server: a claimed batch of three, whose sends wait until the test lets them finish or the stop ends them.
 */
const state = vi.hoisted(() => ({
  claims: 0,
  sends: [] as string[],
  finishSend: null as (() => void) | null,
  failSend: null as ((error: Error) => void) | null,
  written: [] as { id: unknown; data: Record<string, unknown> }[],
}));

vi.mock("../db", () => ({
  db: {
    $queryRaw: async () => {
      state.claims += 1;
      return ["a", "b", "c"].map((id, index) => ({
        id,
        registrationId: null,
        toAddress: `${id}@example.org`,
        subject: "Confirmation",
        text: "Hello",
        html: "",
        attachments: [],
        draft: null,
        withManageLink: false,
        attempts: 0,
        nextAttemptAt: new Date(Date.UTC(2017, 3, 1, 8, index)),
      }));
    },
    accessToken: { deleteMany: async () => ({ count: 0 }) },
    outboxEmail: {
      updateMany: async ({ where, data }: { where: { id: unknown }; data: Record<string, unknown> }) => {
        state.written.push({ id: where.id, data });
        return { count: 1 };
      },
    },
  },
}));
vi.mock("../env", () => ({ env: () => ({ MAIL_MAX_ATTEMPTS: 8 }) }));
vi.mock("./transport", () => ({
  SEND_TIMEOUT_MS: 60_000,
  mailConfigured: () => true,
  sendEmail: (email: { to: string }) =>
    new Promise<void>((resolve, reject) => {
      state.sends.push(email.to);
      state.finishSend = resolve;
      state.failSend = reject;
    }),
  abortSends: () =>
    state.failSend?.(
      Object.assign(new Error("The app server stopped during the send"), { code: "ESHUTDOWN" }),
    ),
}));

beforeEach(() => {
  // Each test a fresh outbox: the delivery state lives on globalThis, like the module's in the server.
  (globalThis as { __outboxRun?: unknown }).__outboxRun = undefined;
  Object.assign(state, { claims: 0, sends: [], finishSend: null, failSend: null, written: [] });
  vi.resetModules();
});

const delivery = () => import("./delivery");

describe("stopOutboxDelivery", () => {
  it("lets the send under way finish, hands back the rest of the batch, and starts nothing afterwards", async () => {
    const { deliverSoon, stopOutboxDelivery } = await delivery();
    deliverSoon();
    await vi.waitFor(() => expect(state.sends).toEqual(["a@example.org"]));
    const stopped = stopOutboxDelivery(Date.now() + 5_000);
    setTimeout(() => state.finishSend!(), 50);
    await stopped;

    expect(state.sends).toEqual(["a@example.org"]);
    expect(state.written).toEqual([
      { id: "a", data: expect.objectContaining({ status: "sent", lockedUntil: null }) },
      { id: { in: ["b", "c"] }, data: { lockedUntil: null } },
    ]);
    deliverSoon();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(state.claims).toBe(1);
  });

  it("ends a send still under way at the deadline: a failed attempt without a lease, the rest handed back", async () => {
    const { deliverSoon, stopOutboxDelivery } = await delivery();
    deliverSoon();
    await vi.waitFor(() => expect(state.sends).toEqual(["a@example.org"]));
    const started = Date.now();
    await stopOutboxDelivery(Date.now() + 100);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(state.written).toEqual([
      {
        id: "a",
        data: expect.objectContaining({
          attempts: 1,
          lockedUntil: null,
          lastError: "ESHUTDOWN: The app server stopped during the send",
        }),
      },
      { id: { in: ["b", "c"] }, data: { lockedUntil: null } },
    ]);
  });

  it("with no run under way, resolves at once and claims nothing", async () => {
    const { deliverSoon, stopOutboxDelivery } = await delivery();
    await stopOutboxDelivery(Date.now() + 5_000);
    deliverSoon();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(state.claims).toBe(0);
  });
});
