import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { authorize, type Actor } from "../authz";
import { watchShow } from "./live-feed";
import {
  ceremonyIdOf,
  crewView,
  monitorView,
  publicCeremonyIdOf,
  publicView,
  type ShowSnapshot,
} from "./live-state";
import { monitorTokenOf } from "./monitor-tokens";

/**
 * A viewer's stream of a show: the audience's view of the current snapshot first, then of each new one.
 * The route hands `attach` a channel once its response exists (app/_http/event-stream.ts): what arrived
 * meanwhile is not lost, since attaching sends the latest snapshot.
 */

/** Where a stream's events go: the event-stream response's channel. */
export type LiveChannel = { send(id: number, data: unknown): void; close(): void };

export type ShowStream = { attach(channel: LiveChannel): { stop(): void; tick(): void } };

type Audience = {
  view(snapshot: ShowSnapshot, now: Date): unknown;
  /** False: this viewer may no longer follow the show (a revoked link, an unpublished ceremony). */
  admits(snapshot: ShowSnapshot): boolean;
  /** The view changes with time alone (the public's delay): sent again at a heartbeat when it did. */
  changesWithTime?: boolean;
};

async function openStream(sessionId: string, audience: Audience): Promise<ShowStream> {
  let latest: ShowSnapshot;
  let deliver: ((snapshot: ShowSnapshot) => void) | null = null;
  const watch = await watchShow(sessionId, (snapshot) => {
    latest = snapshot;
    deliver?.(snapshot);
  });
  latest = watch.first;
  return {
    attach(channel) {
      let sent = "";
      const send = (snapshot: ShowSnapshot) => {
        if (!audience.admits(snapshot)) return channel.close();
        const view = audience.view(snapshot, new Date());
        sent = JSON.stringify(view);
        channel.send(snapshot.show.version, view);
      };
      deliver = send;
      send(latest);
      return {
        stop: watch.stop,
        tick() {
          if (!audience.changesWithTime) return;
          const view = audience.view(latest, new Date());
          if (JSON.stringify(view) !== sent) send(latest);
        },
      };
    },
  };
}

/** The crew's, interpreters' and operator's stream, people named for `locale`. */
export async function crewStream(
  actor: Actor | null,
  meetingSlug: string,
  sessionId: string,
  locale: AppLocale,
): Promise<ShowStream> {
  authorize(actor, "editProgram");
  const id = await ceremonyIdOf(meetingSlug, sessionId);
  return openStream(id, { view: (snapshot, now) => crewView(snapshot, locale, now), admits: () => true });
}

/** The confidence monitor's stream, opened by its link; closed when the link is revoked. */
export async function monitorStream(token: string): Promise<ShowStream> {
  const link = await monitorTokenOf(token);
  return openStream(link.sessionId, {
    view: (snapshot, now) => monitorView(snapshot, now),
    admits: (snapshot) => snapshot.monitorTokenIds.has(link.id),
  });
}

/** The public's stream of a published ceremony. */
export async function publicStream(meetingSlug: string, sessionId: string): Promise<ShowStream> {
  const id = await publicCeremonyIdOf(meetingSlug, sessionId);
  return openStream(id, {
    view: (snapshot, now) => publicView(snapshot, now),
    admits: (snapshot) => snapshot.public,
    changesWithTime: true,
  });
}
