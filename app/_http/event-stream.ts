import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { onStopping } from "@/app/_server/shutdown";
import { knownErrorResponse } from "./errors";

/**
 * Server-Sent Events (text/event-stream): the live views' streams. Each event is
 * `id: <version>\nevent: show\ndata: <json>\n\n`; `retry` tells the browser to reconnect after 2 s, and
 * a comment line every 15 s keeps proxies from closing an idle connection (and finds a dead one).
 *
 * `Cache-Control: no-transform` keeps Next's compression off the stream: gzip would hold events back
 * until its buffer fills. `X-Accel-Buffering: no` asks nginx-style proxies not to buffer either (Caddy
 * streams event streams by itself).
 */

export const HEARTBEAT_MS = 15_000;
const RETRY_MS = 2_000;

export type EventChannel = {
  /** Sends one event; ignored once the stream is closed. */
  send(id: number, data: unknown): void;
  /** Ends the stream from the server's side (a revoked link). */
  close(): void;
};

/** What a stream's source gives back: how to stop it, and what to do at each heartbeat. */
export type EventSourceHandle = { stop(): void; tick?(): void };

const encoder = new TextEncoder();

export function eventStreamResponse(
  request: Request,
  open: (channel: EventChannel) => EventSourceHandle,
  { cacheControl = "no-cache, no-transform" }: { cacheControl?: string } = {},
): Response {
  let cleanup: () => void = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          finish();
        }
      };
      let handle: EventSourceHandle | null = null;
      const heartbeat = setInterval(() => {
        handle?.tick?.();
        write(": ping\n\n");
      }, HEARTBEAT_MS);
      let unregister = () => {};
      const finish = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unregister();
        request.signal.removeEventListener("abort", finish);
        handle?.stop();
        try {
          controller.close();
        } catch {
          // Already closed by the client's going away.
        }
      };
      cleanup = finish;
      request.signal.addEventListener("abort", finish);
      // A stopping server ends its streams, so that it can stop; the browsers reconnect to another instance.
      unregister = onStopping(finish);
      write(`retry: ${RETRY_MS}\n\n`);
      handle = open({
        send: (id, data) => write(`id: ${id}\nevent: show\ndata: ${JSON.stringify(data)}\n\n`),
        close: finish,
      });
      if (closed) handle.stop();
      else if (request.signal.aborted) finish();
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": cacheControl,
      "X-Accel-Buffering": "no",
    },
  });
}

/**
 * A public route's event stream: `open` finds what to stream (a domain error, such as an unknown or
 * revoked link, answers as JSON with its status, in `locale`), then the stream starts.
 */
export async function openEventRoute(
  request: Request,
  open: () => Promise<(channel: EventChannel) => EventSourceHandle>,
  locale: AppLocale,
): Promise<Response> {
  try {
    return eventStreamResponse(request, await open());
  } catch (error) {
    return knownErrorResponse(error, locale);
  }
}
