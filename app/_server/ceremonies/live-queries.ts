import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import type { CrewShow, MonitorShow } from "@/app/_lib/live-show";
import { authorize, type Actor } from "../authz";
import { ceremonyIdOf, crewView, monitorView, readShowSnapshot } from "./live-state";
import { monitorTokenOf } from "./monitor-tokens";

/**
 * The live views' first state, for their pages to render before the stream opens (and to answer 404
 * for what is not there): the same views the streams send.
 */

/** The operator's and the crew's view; `not_found` for anything but a ceremony of this meeting. */
export async function getCrewShow(
  actor: Actor | null,
  meetingSlug: string,
  sessionId: string,
  locale: AppLocale,
): Promise<CrewShow> {
  authorize(actor, "editProgram");
  return crewView(await readShowSnapshot(await ceremonyIdOf(meetingSlug, sessionId)), locale);
}

/** The confidence monitor's view; `not_found` for an unknown or revoked link. */
export async function getMonitorShow(token: string): Promise<MonitorShow> {
  const link = await monitorTokenOf(token);
  return monitorView(await readShowSnapshot(link.sessionId));
}
