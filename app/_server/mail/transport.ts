import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";
import type { Attachment } from "./outbox";

export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: Attachment[];
};

/**
 * The longest one sendEmail call may take, whatever the server does: nodemailer's own timeouts bound
 * each wait (DNS, connect, greeting, and every reply after `socketTimeout` of silence), but a server that
 * answers each command just in time could stretch a message over many of them. The outbox sizes its
 * lease on this bound.
 */
export const SEND_TIMEOUT_MS = 60_000;

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
      // Each well below SEND_TIMEOUT_MS, so that an unreachable or silent server shows as its own error.
      dnsTimeout: 10_000,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    });
    cache.__mailTransport = { url, transporter };
  }
  return cache.__mailTransport.transporter;
}

export function mailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

/**
 * Hands one email to the SMTP server; rejects with the server's or the network's error, or with code
 * ETIMEDOUT after SEND_TIMEOUT_MS (the pool is then closed, which aborts the pending send).
 */
export async function sendEmail(email: OutgoingEmail): Promise<void> {
  const transporter = transport();
  if (!transporter) throw new Error("SMTP_URL is not set");
  let abort!: (error: Error) => void;
  const aborted = new Promise<never>((_, reject) => (abort = reject));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      closeMailTransport();
      reject(
        Object.assign(
          new Error(`The mail server did not take the message within ${SEND_TIMEOUT_MS / 1000} s`),
          { code: "ETIMEDOUT" },
        ),
      );
    }, SEND_TIMEOUT_MS);
  });
  const sending = transporter.sendMail({
    from: env().MAIL_FROM,
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    // Only the known fields: the stored JSON must not steer nodemailer (a `path` would read a file).
    attachments: email.attachments.map(({ filename, contentType, content, encoding, cid }) => ({
      filename,
      contentType,
      content,
      encoding,
      cid,
    })),
  });
  sendsUnderWay.add(abort);
  try {
    await Promise.race([sending, deadline, aborted]);
  } finally {
    clearTimeout(timer);
    sendsUnderWay.delete(abort);
  }
}

const sendsUnderWay = new Set<(error: Error) => void>();

/**
 * A stopping server (shutdown.ts) ends the sends still under way: each rejects with code ESHUTDOWN, and
 * the pool is closed. Whether such a message reached the server cannot be known, as after a crash.
 */
export function abortSends(): void {
  for (const abort of sendsUnderWay)
    abort(Object.assign(new Error("The app server stopped during the send"), { code: "ESHUTDOWN" }));
  closeMailTransport();
}

/** Closes the pooled connections (tests, shutdown); the next send opens a new pool. */
export function closeMailTransport(): void {
  cache.__mailTransport?.transporter.close();
  cache.__mailTransport = undefined;
}
