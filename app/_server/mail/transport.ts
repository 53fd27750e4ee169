import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";

export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: string }[];
};

// One pool of SMTP connections per process, kept on globalThis so that development reloads reuse it.
const cache = globalThis as unknown as { __mailTransport?: { url: string; transporter: Transporter } };

/** The process's SMTP transport, or null when no SMTP_URL is configured (emails then wait in the outbox). */
function transport(): Transporter | null {
  const url = env().SMTP_URL;
  if (!url) return null;
  if (cache.__mailTransport?.url !== url) {
    cache.__mailTransport?.transporter.close();
    const transporter = nodemailer.createTransport({
      url,
      pool: true,
      maxConnections: 3,
      // Fail well within the outbox's claim on the message, so that no second sender picks it up meanwhile.
      connectionTimeout: 20_000,
      greetingTimeout: 20_000,
      socketTimeout: 60_000,
    });
    cache.__mailTransport = { url, transporter };
  }
  return cache.__mailTransport.transporter;
}

export function mailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

/** Hands one email to the SMTP server; rejects with the server's or the network's error. */
export async function sendEmail(email: OutgoingEmail): Promise<void> {
  const transporter = transport();
  if (!transporter) throw new Error("SMTP_URL is not set");
  await transporter.sendMail({
    from: env().MAIL_FROM,
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    attachments: email.attachments.map(({ filename, contentType, content }) => ({ filename, contentType, content })),
  });
}

/** Closes the pooled connections (tests, shutdown); the next send opens a new pool. */
export function closeMailTransport(): void {
  cache.__mailTransport?.transporter.close();
  cache.__mailTransport = undefined;
}
