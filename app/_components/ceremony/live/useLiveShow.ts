"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import {
  projectShow,
  remainingSeconds,
  type CrewShow,
  type LiveShow,
  type MonitorShow,
} from "@/app/_lib/live-show";

/**
 * A view's side of the live show: one Server-Sent Events stream, its latest state, and a clock.
 *
 * The stream sends the audience's current state first and then every change, so a new connection (the
 * first, or one after a drop) is all it takes to catch up: nothing is polled. While the connection is down
 * the view keeps the last state and keeps counting with the local clock, corrected by the server's clock
 * (`serverNow` of the last state), and says that it is reconnecting. The browser's EventSource retries by
 * itself after a network error; after an answer it gives up on (a 503 while the database is away, a
 * restart), and when the device says it is back online, a new stream is opened here. An answer that says
 * this view may not follow the show at all (a revoked monitor link, an ended sign-in, an unpublished
 * ceremony) ends the trying: the view is "gone".
 */

/**
 * connecting: before the first state of a stream; live: following; reconnecting: the stream is down;
 * gone: the server refuses this view the stream (401, 403, 404, 410).
 */
export type Connection = "connecting" | "live" | "reconnecting" | "gone";

const REFUSED = new Set([401, 403, 404, 410]);

type Versioned = { version: number; serverNow?: string };

/** Waits before opening a stream again after the browser gave one up: 2 s, doubling, at most 30 s. */
const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 30_000;

type Received<S> = { show: S | null; clockOffsetMs: number };

function offsetOf(show: Versioned | null): number {
  return show?.serverNow ? Date.parse(show.serverNow) - Date.now() : 0;
}

/**
 * The latest state of a stream of show states (`event: show`, JSON). `adopt` takes a state that came
 * another way (a command's answer); a state older than the one held is ignored, so a late event cannot
 * move a view back.
 */
export function useLiveStream<S extends Versioned>(url: string, initial: S | null) {
  const [received, setReceived] = useState<Received<S>>({ show: initial, clockOffsetMs: 0 });
  const [connection, setConnection] = useState<Connection>("connecting");

  const adopt = useCallback((show: S) => {
    const clockOffsetMs = offsetOf(show);
    setReceived((held) => (held.show && held.show.version > show.version ? held : { show, clockOffsetMs }));
  }, []);

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let retryMs = RETRY_FIRST_MS;
    let probe: AbortController | null = null;
    let refused = false;

    const close = () => {
      source?.close();
      source = null;
      probe?.abort();
      probe = null;
      clearTimeout(retry);
    };
    const later = () => {
      retry = setTimeout(open, retryMs);
      retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
    };
    // EventSource does not tell why it gave up: one plain request does (a stream it opens is let go at once).
    const askWhy = () => {
      const asking = new AbortController();
      probe = asking;
      fetch(url, { signal: asking.signal, cache: "no-store" })
        .then((response) => {
          asking.abort();
          refused = REFUSED.has(response.status);
          if (refused) setConnection("gone");
          else later();
        })
        .catch(() => {
          if (!asking.signal.aborted) later(); // aborted: closed meanwhile, nothing to try
        });
    };
    const open = () => {
      close();
      const stream = new EventSource(url);
      source = stream;
      stream.addEventListener("show", (event) => {
        let show: S;
        try {
          show = JSON.parse((event as MessageEvent<string>).data) as S;
        } catch {
          return; // not a state: the next one will be
        }
        retryMs = RETRY_FIRST_MS;
        adopt(show);
        setConnection("live");
      });
      stream.addEventListener("error", () => {
        setConnection("reconnecting");
        // CONNECTING: the browser retries by itself. CLOSED: it gave up; why decides what follows.
        if (stream.readyState === EventSource.CLOSED) {
          stream.close();
          askWhy();
        }
      });
    };
    // A device that knows it is offline says so at once, rather than when a request fails.
    const offline = () => {
      if (refused) return;
      close();
      setConnection("reconnecting");
    };
    const online = () => {
      if (refused) return;
      retryMs = RETRY_FIRST_MS;
      open();
    };

    open();
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      close();
    };
  }, [url, adopt]);

  return { show: received.show, clockOffsetMs: received.clockOffsetMs, connection, adopt };
}

type ClockedShow = LiveShow | CrewShow | MonitorShow;

/**
 * The show as it stands now: the stream's latest state projected with the corrected local clock, which
 * ticks once a second, so a countdown goes on without the server. Before the browser runs (the server's
 * HTML, hydration) the clock reads the state's own `serverNow`, so both render the same.
 */
export function useLiveShow<S extends ClockedShow>(url: string, initial: S) {
  const { show, clockOffsetMs, connection, adopt } = useLiveStream(url, initial);
  const state = show ?? initial;
  const offset = useRef(clockOffsetMs);
  const [tick, setTick] = useState<number | null>(null);

  useEffect(() => {
    offset.current = clockOffsetMs;
  }, [clockOffsetMs]);

  useEffect(() => {
    const timer = setInterval(() => setTick(Date.now() + offset.current), 1000);
    return () => clearInterval(timer);
  }, []);

  // A state newer than the last tick is the better reading of the clock until the next tick.
  const now = new Date(Math.max(tick ?? 0, Date.parse(state.serverNow)));
  return {
    show: projectShow(state, now),
    remaining: remainingSeconds(state, now),
    now,
    connection,
    adopt,
  };
}
