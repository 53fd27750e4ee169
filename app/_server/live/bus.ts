import "server-only";
import pg from "pg";
import { openPGlite, type DatabaseTarget } from "../database/adapter";
import { configuredTarget } from "../database/target";
import type { Prisma } from "../db";

/**
 * Tells every instance of the app that something live changed, through PostgreSQL's LISTEN/NOTIFY on one
 * channel: a change is announced inside its own transaction (`announce`), so it reaches listeners when,
 * and only when, it commits. Each process holds one listening connection (not one per viewer), opened
 * with the first subscriber and closed with the last, and fans the messages out to its subscribers by
 * topic. A message is `<topic>:<detail>`; the bus knows nothing of what topics mean.
 *
 * PostgreSQL: a dedicated `pg` client (a pooled connection cannot stay in LISTEN), reconnecting with
 * growing pauses when the connection drops. Notifications sent while it was down are lost, so after a
 * reconnect every subscriber is told to catch up (`detail` null). PGlite: its own in-process delivery of
 * the same NOTIFY, which likewise waits for the commit.
 */

export const LIVE_CHANNEL = "live_show";

/** `detail` null: messages may have been missed (a reconnect); read the current state again. */
export type LiveListener = (detail: string | null) => void;

type Tx = Pick<Prisma.TransactionClient, "$executeRaw">;

/** Announces `<topic>:<detail>` when the caller's transaction commits. */
export async function announce(tx: Tx, topic: string, detail: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${`${topic}:${detail}`})`;
}

const RECONNECT_MS = { first: 250, max: 5_000 };

type Listening = { ready: Promise<void>; stop: () => Promise<void> };

export class LiveBus {
  private readonly topics = new Map<string, Set<LiveListener>>();
  /** Set while listening (or connecting): closes the connection. */
  private stop: (() => Promise<void>) | null = null;
  /** Settles when the connection listens (or, after a failure, keeps trying in the background). */
  private ready: Promise<void> = Promise.resolve();

  constructor(private readonly target: DatabaseTarget) {}

  /** Calls `listener` for each message of `topic` until the returned function is called. */
  subscribe(topic: string, listener: LiveListener): () => void {
    let listeners = this.topics.get(topic);
    if (!listeners) this.topics.set(topic, (listeners = new Set()));
    listeners.add(listener);
    if (!this.stop) ({ stop: this.stop, ready: this.ready } = this.listen());
    return () => {
      const set = this.topics.get(topic);
      if (!set?.delete(listener)) return;
      if (set.size === 0) this.topics.delete(topic);
      if (this.topics.size === 0 && this.stop) {
        const stop = this.stop;
        this.stop = null;
        void stop();
      }
    };
  }

  /**
   * Settles once messages are being received (at most `timeoutMs` later): a subscriber that reads the
   * current state after this misses no change made after its read.
   */
  async listening(timeoutMs = 3_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.ready,
      new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
  }

  /** Subscribers in this process, for tests and the benchmark's check that nothing leaks. */
  get subscriberCount(): number {
    let count = 0;
    for (const listeners of this.topics.values()) count += listeners.size;
    return count;
  }

  private dispatch(message: string): void {
    const split = message.indexOf(":");
    if (split < 0) return;
    const listeners = this.topics.get(message.slice(0, split));
    for (const listener of [...(listeners ?? [])]) listener(message.slice(split + 1));
  }

  private catchUp(): void {
    for (const listeners of [...this.topics.values()]) for (const listener of [...listeners]) listener(null);
  }

  private listen(): Listening {
    return this.target.kind === "postgres" ? this.listenPostgres(this.target.url) : this.listenPGlite();
  }

  private listenPGlite(): Listening {
    const unlisten = openPGlite((this.target as { dataDir: string }).dataDir).listen(
      LIVE_CHANNEL,
      (payload) => this.dispatch(payload),
    );
    return { ready: unlisten.then(() => {}), stop: async () => (await unlisten)() };
  }

  private listenPostgres(url: string): Listening {
    let stopped = false;
    let listening!: () => void;
    const ready = new Promise<void>((resolve) => (listening = resolve));
    let client: pg.Client | null = null;
    let timer: NodeJS.Timeout | null = null;
    let pause = RECONNECT_MS.first;
    let connectedBefore = false;
    const connect = async () => {
      timer = null;
      const attempt = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
      client = attempt;
      const retry = () => {
        if (stopped || client !== attempt || timer) return;
        client = null;
        attempt.removeAllListeners("notification");
        void attempt.end().catch(() => {});
        timer = setTimeout(connect, pause);
        pause = Math.min(pause * 2, RECONNECT_MS.max);
      };
      attempt.on("error", retry);
      attempt.on("end", retry);
      attempt.on("notification", (message) => {
        if (message.channel === LIVE_CHANNEL && message.payload) this.dispatch(message.payload);
      });
      try {
        await attempt.connect();
        await attempt.query(`LISTEN ${LIVE_CHANNEL}`);
      } catch {
        retry();
        return;
      }
      if (stopped) {
        await attempt.end().catch(() => {});
        return;
      }
      pause = RECONNECT_MS.first;
      listening();
      // Whatever was announced while no connection listened is lost: everyone reads again.
      if (connectedBefore) this.catchUp();
      connectedBefore = true;
    };
    void connect();
    const stop = async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      const open = client;
      client = null;
      await open?.end().catch(() => {});
    };
    return { ready, stop };
  }
}

const cache = globalThis as unknown as { __liveBus?: LiveBus };

/** The process's bus, on the configured database. */
export function liveBus(): LiveBus {
  return (cache.__liveBus ??= new LiveBus(configuredTarget()));
}
