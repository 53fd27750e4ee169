import "server-only";
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { Server, ServerResponse } from "node:http";
import net from "node:net";
import { closePGlite } from "./database/adapter";
import { configuredTarget } from "./database/target";
import { disconnectDb } from "./db";
import { env } from "./env";
import { stopOutboxDelivery } from "./mail/delivery";

/**
 * Stopping the server without failing anyone it is answering. A deploy, `docker stop` or systemd sends
 * SIGTERM, Ctrl+C sends SIGINT. `next start` on its own closes its server and exits with 143 once every
 * connection has ended, with no limit (a proxy's keep-alive connection that keeps sending keeps it going
 * until the orchestrator kills it) and knowing nothing of the outbox's leases. With Next's documented
 * switch NEXT_MANUAL_SIG_HANDLE set (`npm start` sets it) the signals are the app's, and this does:
 *
 *  1. `stopping`: GET /api/health answers 503 "draining" to a checker on a kept-alive connection, so that
 *     a load balancer stops sending (a new connection is refused from the same moment on, step 2).
 *  2. The HTTP server stops listening: a new connection is refused, which a client or proxy may retry
 *     elsewhere, as nothing of it reached the app. Each answer still to come says `Connection: close`, so
 *     that no keep-alive client sends another request on a connection that is about to end; one that
 *     has sent one already gets its answer.
 *  3. The requests under way finish (registrations included), and so does work that runs after its
 *     answer (`finishBeforeExit`). The outbox stops and hands back what it has claimed (mail/delivery.ts).
 *  4. The database client closes and the process exits 0; or 1 when SHUTDOWN_GRACE_SECONDS ran out
 *     with requests still under way, which the exit cuts.
 *
 * Next.js gives the app no handle on its HTTP server. Node reports each request it receives, with its
 * server, on the diagnostics channel `http.server.request.start` (a public API; Node's docs still mark
 * its built-in channels experimental): that is how the server to close and the requests to wait for are
 * found. shutdown.test.ts fails should Node change that channel.
 */

const REQUEST_START = "http.server.request.start";

/** How long a keep-alive connection may stay idle after the signal before it is ended. */
const IDLE_MS = 1_000;

export type ShutdownOptions = {
  graceMs: number;
  /** Stops the app's own work and gives back what it holds; everything must be done by `deadline`. */
  stopBackground: (deadline: number) => Promise<void>;
  /** Runs after the last request: closes the database client. */
  closeResources: () => Promise<void>;
  log: (line: string) => void;
};

export type Shutdown = {
  readonly stopping: boolean;
  /** Keeps the process until `work` settles: work a request started that runs after its answer. */
  finishBeforeExit<T>(work: Promise<T>): Promise<T>;
  /** Steps 1–4 above, without the exit itself: resolves with the exit code. Later calls share the first. */
  stop(reason: string): Promise<number>;
  /** Stops following requests (tests). */
  dispose(): void;
};

export function createShutdown(options: ShutdownOptions): Shutdown {
  const servers = new Set<Server>();
  const underWay = new Set<ServerResponse>();
  const work = new Set<Promise<unknown>>();
  let stopped: Promise<number> | undefined;

  const onRequest = (message: unknown) => {
    const { server, response } = message as { server: Server; response: ServerResponse };
    servers.add(server);
    underWay.add(response);
    response.once("close", () => underWay.delete(response));
    if (stopped) closeAfter(response);
  };
  subscribe(REQUEST_START, onRequest);

  async function drain(reason: string): Promise<number> {
    const started = Date.now();
    // Answers that never end by themselves (event streams) end now: their clients reconnect elsewhere.
    for (const listener of [...stoppingListeners()]) listener();
    const deadline = started + options.graceMs;
    const atSignal = underWay.size;
    underWay.forEach(closeAfter);
    // net.Server's close, not http.Server's: that one also ends every keep-alive connection idle at this
    // instant, and a client that has just sent its next request on one gets a reset instead of an answer.
    // Such a request is answered with Connection: close instead; connections still idle a moment later
    // are ended then (their keep-alive timeout would take 5 s).
    const closed = [...servers].map(
      (server) => new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve())),
    );
    let sweep: ReturnType<typeof setInterval> | undefined;
    const startSweep = setTimeout(
      () => (sweep = setInterval(() => servers.forEach((server) => server.closeIdleConnections()), 50)),
      Math.min(IDLE_MS, options.graceMs / 2),
    );
    options.log(
      `[shutdown] ${reason}: no new connections; ${atSignal} request(s) under way, up to ${options.graceMs / 1000} s to finish`,
    );
    const background = options
      .stopBackground(deadline)
      .catch((error: unknown) => options.log(`[shutdown] stopping the outbox failed: ${messageOf(error)}`));
    await until(deadline, Promise.all([...closed, background]));
    while (work.size > 0 && Date.now() < deadline) await until(deadline, Promise.allSettled([...work]));
    clearTimeout(startSweep);
    clearInterval(sweep);
    const cut = underWay.size + work.size;
    await until(
      Date.now() + 2_000,
      options
        .closeResources()
        .catch((error: unknown) =>
          options.log(`[shutdown] closing the database failed: ${messageOf(error)}`),
        ),
    );
    const outcome =
      cut === 0
        ? "every request answered"
        : `${cut} request(s) still under way after ${options.graceMs / 1000} s are cut`;
    options.log(`[shutdown] ${outcome}; stopped in ${Date.now() - started} ms`);
    return cut === 0 ? 0 : 1;
  }

  return {
    get stopping() {
      return stopped !== undefined;
    },
    finishBeforeExit(promise) {
      work.add(promise);
      const forget = () => work.delete(promise);
      promise.then(forget, forget);
      return promise;
    },
    stop(reason) {
      return (stopped ??= drain(reason));
    },
    dispose() {
      unsubscribe(REQUEST_START, onRequest);
    },
  };
}

/** The answer ends its connection, if its headers have not left yet. */
function closeAfter(response: ServerResponse): void {
  if (!response.headersSent) response.setHeader("Connection", "close");
}

/** Waits for `promise`, but not past `deadline`. */
async function until(deadline: number, promise: Promise<unknown>): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<void>(
    (resolve) => (timer = setTimeout(resolve, Math.max(0, deadline - Date.now()))),
  );
  await Promise.race([promise, late]);
  clearTimeout(timer);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// The process's one shutdown, on globalThis like the other process-wide state.
const store = globalThis as unknown as { __shutdown?: Shutdown };

/** The outbox may finish its send under way until a second before the end, then it is ended. */
const OUTBOX_MARGIN_MS = 1_000;

/**
 * Takes SIGTERM and SIGINT over from `next start`, when NEXT_MANUAL_SIG_HANDLE says that Next.js has left
 * them to the app (instrumentation.ts). Without it, Next.js stops the server itself (exit code 143, no
 * limit, the outbox's leases kept until they run out), which a production server says once at start.
 */
export function stopOnSignals(): void {
  if (store.__shutdown) return;
  const { NEXT_MANUAL_SIG_HANDLE, SHUTDOWN_GRACE_SECONDS } = env();
  if (!NEXT_MANUAL_SIG_HANDLE) {
    // NODE_ENV is Next's own (production under `next start`), like in security/content-security-policy.ts.
    if (process.env.NODE_ENV === "production")
      console.warn(
        "[shutdown] NEXT_MANUAL_SIG_HANDLE is not set: on SIGTERM Next.js stops the server itself (exit code 143) and claimed emails wait for their lease to end. `npm start` sets it.",
      );
    return;
  }
  const graceMs = SHUTDOWN_GRACE_SECONDS * 1000;
  const shutdown = (store.__shutdown = createShutdown({
    graceMs,
    stopBackground: (deadline) => stopOutboxDelivery(deadline - Math.min(OUTBOX_MARGIN_MS, graceMs / 2)),
    closeResources: closeDatabase,
    log: (line) => console.log(line),
  }));
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => void shutdown.stop(signal).then((code) => process.exit(code)));
  }
}

/** What `onStopping` registered, process-wide like the shutdown itself. */
function stoppingListeners(): Set<() => void> {
  const holder = globalThis as unknown as { __stoppingListeners?: Set<() => void> };
  return (holder.__stoppingListeners ??= new Set());
}

/**
 * Calls `listener` once the server begins to stop, before it waits for the requests under way: for
 * answers that would otherwise keep it until the grace period runs out. Returns the way to unregister.
 */
export function onStopping(listener: () => void): () => void {
  const listeners = stoppingListeners();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True once the server has begun to stop (GET /api/health). */
export function isShuttingDown(): boolean {
  return store.__shutdown?.stopping ?? false;
}

/** See Shutdown.finishBeforeExit; without a shutdown of the app's own, the work just runs. */
export function finishBeforeExit<T>(work: Promise<T>): Promise<T> {
  return store.__shutdown ? store.__shutdown.finishBeforeExit(work) : work;
}

/** The process's shutdown, made with `options` instead of the real steps, until `uninstall` (tests). */
export function installShutdownForTests(options: ShutdownOptions): {
  shutdown: Shutdown;
  uninstall: () => void;
} {
  const shutdown = (store.__shutdown = createShutdown(options));
  return {
    shutdown,
    uninstall: () => {
      shutdown.dispose();
      if (store.__shutdown === shutdown) store.__shutdown = undefined;
    },
  };
}

async function closeDatabase(): Promise<void> {
  await disconnectDb();
  const target = configuredTarget();
  if (target.kind === "pglite") await closePGlite(target.dataDir);
}
