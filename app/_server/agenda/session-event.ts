import "server-only";
import type { SessionDto } from "./queries";
import { db } from "../db";
import type { CalendarEvent } from "../calendar/ics";
import { sessionEvent, type SessionEventContext } from "../calendar/session-event";

/**
 * Agenda sessions as events, with their calendar versions (SEQUENCE, LAST-MODIFIED), which the public
 * agenda DTO does not carry. A session deleted meanwhile is left out.
 */
export async function sessionEvents(
  sessions: SessionDto[],
  context: SessionEventContext,
): Promise<CalendarEvent[]> {
  const rows = await db.session.findMany({
    where: { id: { in: sessions.map((session) => session.id) } },
    select: { id: true, sequence: true, updatedAt: true },
  });
  const versions = new Map(rows.map((row) => [row.id, row]));
  return sessions.flatMap((session) => {
    const version = versions.get(session.id);
    return version ? [sessionEvent(session, version, context)] : [];
  });
}
