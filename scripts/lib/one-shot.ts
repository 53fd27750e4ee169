/**
 * Requests sent one per connection (no keep-alive), spread evenly over a time, each built and answered
 * through an autocannon request template (so the rush's delegates and idempotency keys are the same as
 * under autocannon). What each one met is kept: an answer, a refused connection (nothing listened), or an
 * error after the connection was made, with the connection's local port to match against the server's
 * own list of accepted connections (accepted-connections.mjs).
 */
import http from "node:http";
import type autocannon from "autocannon";

export type Outcome = { status?: number; error?: string; localPort?: number };

export function sendSpread(
  url: string,
  template: autocannon.Request,
  count: number,
  spreadMs: number,
  timeoutMs = 30_000,
): Promise<Outcome[]> {
  const target = new URL(url);
  return Promise.all(
    Array.from(
      { length: count },
      (_, index) =>
        new Promise<Outcome>((resolve) =>
          setTimeout(() => send(target, template, timeoutMs).then(resolve), (index * spreadMs) / count),
        ),
    ),
  );
}

function send(target: URL, template: autocannon.Request, timeoutMs: number): Promise<Outcome> {
  const context: Record<string, unknown> = {};
  const built =
    typeof template.setupRequest === "function" ? template.setupRequest({ ...template }, context) : template;
  const outcome: Outcome = {};
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: built.path,
        method: built.method,
        headers: built.headers as http.OutgoingHttpHeaders,
        agent: false,
        timeout: timeoutMs,
      },
      (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => {
          outcome.status = response.statusCode!;
          if (typeof template.onResponse === "function")
            template.onResponse(
              response.statusCode!,
              body,
              context,
              response.headers as Record<string, string>,
            );
          resolve(outcome);
        });
        response.on("error", (error: NodeJS.ErrnoException) =>
          resolve({ ...outcome, error: error.code ?? error.message }),
        );
      },
    );
    request.on("socket", (socket) => socket.once("connect", () => (outcome.localPort = socket.localPort)));
    request.on("timeout", () => request.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })));
    request.on("error", (error: NodeJS.ErrnoException) =>
      resolve({ ...outcome, error: error.code ?? error.message }),
    );
    request.end(built.body as string | undefined);
  });
}
