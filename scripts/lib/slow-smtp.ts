/**
 * An SMTP server for a fault run that takes `delayMs` to accept each message, as a busy mail server does:
 * the app's outbox is in the middle of a claimed batch whenever the run looks.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type SlowSmtp = { url: string; received(): number; close(): Promise<void> };

export async function slowSmtp(delayMs: number): Promise<SlowSmtp> {
  let received = 0;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    closeTimeout: 50,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on("end", () =>
        setTimeout(() => {
          received += 1;
          callback();
        }, delayMs),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
