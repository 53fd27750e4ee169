import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import type { CrewShow, MonitorShow } from "@/app/_lib/live-show";
import { authorize, type Actor } from "../authz";
import { db } from "../db";
import { ceremonyIdOf, crewView, monitorView, readShowSnapshot } from "./live-state";
import { monitorTokenOf } from "./monitor-tokens";

/**
 * The first state of the live pages, rendered with the page so that it shows at once (the stream then
 * follows, sending the current state again first). Each throws `not_found` as its stream answers 404.
 */

/** The operator's and the crew's page: the crew's view in `locale` and the meeting's time zone. */
export async function getCrewShow(
  actor: Actor | null,
  meetingSlug: string,
  sessionId: string,
  locale: AppLocale,
): Promise<{ show: CrewShow; timeZone: string }> {
  authorize(actor, "editProgram");
  const id = await ceremonyIdOf(meetingSlug, sessionId);
  const [snapshot, meeting] = await Promise.all([
    readShowSnapshot(id),
    db.meeting.findUniqueOrThrow({ where: { slug: meetingSlug }, select: { timeZone: true } }),
  ]);
  return { show: crewView(snapshot, locale), timeZone: meeting.timeZone };
}

/** The confidence monitor's page, opened by its link: `not_found` for an unknown or revoked one. */
export async function getMonitorShow(token: string): Promise<MonitorShow> {
  const link = await monitorTokenOf(token);
  return monitorView(await readShowSnapshot(link.sessionId));
}
