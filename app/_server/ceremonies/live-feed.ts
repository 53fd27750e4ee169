import "server-only";
import { liveBus } from "../live/bus";
import { readShowSnapshot, type ShowSnapshot } from "./live-state";

/**
 * The shows this instance's viewers follow. Per show and instance one subscription to the bus and one
 * read of the database per change, however many viewers: each viewer's stream then makes its audience's
 * view of the same snapshot. A change announced while a read is under way is read once more after it.
 */

type SnapshotListener = (snapshot: ShowSnapshot) => void;

type Watch = {
  listeners: Set<SnapshotListener>;
  snapshot: Promise<ShowSnapshot> | null;
  reading: boolean;
  stale: boolean;
  unsubscribe: () => void;
};

const store = globalThis as unknown as { __liveWatches?: Map<string, Watch> };
const watches = (store.__liveWatches ??= new Map());

export type ShowWatch = { first: ShowSnapshot; stop: () => void };

/**
 * The show now, and every later snapshot of it to `listener` until `stop`. `not_found` when the session
 * is not a ceremony (then nothing stays subscribed).
 */
export async function watchShow(sessionId: string, listener: SnapshotListener): Promise<ShowWatch> {
  let watch = watches.get(sessionId);
  if (!watch) {
    const created: Watch = {
      listeners: new Set(),
      snapshot: null,
      reading: false,
      stale: false,
      unsubscribe: () => {},
    };
    created.unsubscribe = liveBus().subscribe(sessionId, () => void refresh(sessionId, created));
    watches.set(sessionId, created);
    watch = created;
  }
  watch.listeners.add(listener);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    const current = watches.get(sessionId);
    if (!current?.listeners.delete(listener) || current.listeners.size > 0) return;
    current.unsubscribe();
    watches.delete(sessionId);
  };
  try {
    // Listening before reading: a change committed after the read reaches this viewer.
    await liveBus().listening();
    watch.snapshot ??= readShowSnapshot(sessionId);
    return { first: await watch.snapshot, stop };
  } catch (error) {
    if (watch.snapshot) watch.snapshot = null;
    stop();
    throw error;
  }
}

async function refresh(sessionId: string, watch: Watch): Promise<void> {
  if (watch.reading) {
    watch.stale = true;
    return;
  }
  watch.reading = true;
  try {
    do {
      watch.stale = false;
      try {
        const snapshot = await readShowSnapshot(sessionId);
        watch.snapshot = Promise.resolve(snapshot);
        for (const listener of [...watch.listeners]) listener(snapshot);
      } catch (error) {
        // The database away, or the ceremony deleted: viewers keep the last state; the next change reads again.
        console.warn(`[live] could not read the show ${sessionId}: ${(error as Error).message}`);
      }
    } while (watch.stale && watches.get(sessionId) === watch);
  } finally {
    watch.reading = false;
  }
}

/** Viewers of this instance, for the tests' and the benchmark's check that nothing leaks. */
export function watchedShows(): { shows: number; viewers: number } {
  let viewers = 0;
  for (const watch of watches.values()) viewers += watch.listeners.size;
  return { shows: watches.size, viewers };
}
