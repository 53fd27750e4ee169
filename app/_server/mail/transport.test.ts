import { afterEach, describe, expect, it, vi } from "vitest";

// A transporter whose sends never finish, as with a server that answers each command just in time.
const transporter = vi.hoisted(() => ({ sendMail: vi.fn(() => new Promise(() => {})), close: vi.fn() }));
vi.mock("nodemailer", () => ({ default: { createTransport: () => transporter } }));
vi.mock("../env", () => ({
  env: () => ({ SMTP_URL: "smtp://127.0.0.1:2525", MAIL_FROM: "noreply@localhost" }),
}));

const { SEND_TIMEOUT_MS, sendEmail } = await import("./transport");

afterEach(() => {
  vi.useRealTimers();
});

describe("sendEmail", () => {
  it("gives up after SEND_TIMEOUT_MS and closes the pool, which aborts the send", async () => {
    vi.useFakeTimers();
    const sending = sendEmail({ to: "ute@example.org", subject: "x", text: "x", html: "x", attachments: [] });
    const outcome = expect(sending).rejects.toMatchObject({ code: "ETIMEDOUT" });
    await vi.advanceTimersByTimeAsync(SEND_TIMEOUT_MS - 1);
    expect(transporter.close).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await outcome;
    expect(transporter.close).toHaveBeenCalledTimes(1);
  });
});
