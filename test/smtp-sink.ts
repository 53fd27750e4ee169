/**
 * A real SMTP server on 127.0.0.1 that keeps every message it receives, parsed. It can be stopped and
 * started again on the same port, as a mail server that goes down and comes back.
 */
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { vi } from "vitest";

/**
 * A sink for the app to send to. The app reads its settings once per process, and
 * test/integration/setup.ts has already read them to find the test database; so this starts the sink
 * (and stops it again with `running: false`, for a mail server that is down from the start: its port is
 * then known and closed), puts its address and `settings` into the environment, and unloads the app's
 * modules. The caller then imports them afresh (the database client and PGlite live on globalThis and are
 * shared, not reopened).
 */
export async function sinkForTheApp(
  settings: Record<string, string> = {},
  { running = true } = {},
): Promise<SmtpSink> {
  const sink = new SmtpSink();
  await sink.start();
  if (!running) await sink.stop();
  Object.assign(process.env, { ...settings, SMTP_URL: sink.url });
  vi.resetModules();
  return sink;
}

export class SmtpSink {
  readonly messages: ParsedMail[] = [];
  /** SMTP sessions open now, and the most open at once since the last reset: shows whether senders hold back. */
  open = 0;
  mostOpen = 0;
  port = 0;
  /** Recipients the server refuses (550 at RCPT TO), as a real server refuses an unknown mailbox. */
  readonly refused = new Set<string>();
  /** Runs for each message after it has arrived and before the server accepts it: the sender is still waiting. */
  beforeAccept: ((mail: ParsedMail) => Promise<void> | void) | null = null;
  private server: SMTPServer | null = null;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      // A stopped server must drop the senders' idle pooled connections at once, not after 30 s.
      closeTimeout: 50,
      onConnect: (_session, callback) => {
        this.open += 1;
        this.mostOpen = Math.max(this.mostOpen, this.open);
        callback();
      },
      onClose: () => {
        this.open -= 1;
      },
      onRcptTo: (address, _session, callback) => {
        if (!this.refused.has(address.address)) return callback();
        callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then(async (mail) => {
            await this.beforeAccept?.(mail);
            this.messages.push(mail);
          })
          .then(
            () => callback(),
            (error: Error) => callback(error),
          );
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The messages to one address, oldest first. */
  to(address: string): ParsedMail[] {
    return this.messages.filter(
      (mail) =>
        mail.to && !Array.isArray(mail.to) && mail.to.value.some((entry) => entry.address === address),
    );
  }
}
