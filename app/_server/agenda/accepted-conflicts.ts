import "server-only";
import { findConflicts, type Conflict, type ScheduledSession } from "@/app/_lib/conflicts";
import type { Prisma } from "../db";
import { loadSchedule, meetingDays, type AdminMeeting } from "./schedule";

/**
 * The conflicts a session was saved with, for its audit entry: the organizer accepted them with the
 * reason the entry keeps, and the log says which ones. Called after the save, so the session's own row
 * (excluded by its id) is in the schedule already; only when there was a reason, i.e. a conflict.
 */
export async function acceptedConflicts(
  tx: Prisma.TransactionClient,
  meeting: AdminMeeting,
  session: Omit<ScheduledSession, "title"> & { capacity: number | null },
  roomCapacity: number | null,
): Promise<Conflict[]> {
  const schedule = await loadSchedule(tx, meeting.id);
  return findConflicts({ ...session, title: "" }, schedule, { days: meetingDays(meeting), roomCapacity });
}
