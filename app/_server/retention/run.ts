import "server-only";
import { db } from "../db";
import { loadKeys } from "../security/keys";
import { configuredTarget } from "../database/target";
import { anonymizeMeeting, type AnonymizedCounts } from "./anonymize";
import { isDue, retentionDue } from "./due-date";
import { withRetentionLock } from "./run-lock";

/**
 * The retention run behind `npm run retention`: every meeting past its retention date has its
 * registrations anonymized (anonymize.ts), each meeting in a transaction of its own, so that a failure
 * in one keeps what the others did and the next run picks up where this one stopped.
 */

export type MeetingRetention = {
  slug: string;
  /** yyyy-MM-dd in the meeting's zone, from which its registrations are anonymized. */
  dueDay: string;
  /** Null for a meeting not yet due. */
  counts: AnonymizedCounts | null;
};

export type RetentionRun =
  { outcome: "busy" } | { outcome: "done"; dryRun: boolean; meetings: MeetingRetention[] };

/** Thrown to roll back a dry run's transaction: the counts are those of the real work, undone. */
class DryRunRollback extends Error {
  constructor(readonly counts: AnonymizedCounts) {
    super("dry run");
  }
}

// Seconds per row at most; a meeting has hundreds of registrations, not millions.
const TRANSACTION = { maxWait: 15_000, timeout: 300_000 } as const;

export async function runRetention({
  now,
  retentionDays,
  dryRun,
}: {
  now: Date;
  retentionDays: number;
  dryRun: boolean;
}): Promise<RetentionRun> {
  const result = await withRetentionLock(configuredTarget(), async () => {
    // Anonymizing deletes counters by their keyed digest, inside the meeting's transaction.
    await loadKeys();
    const meetings = await db.meeting.findMany({
      select: { id: true, slug: true, endsOn: true, timeZone: true },
      orderBy: [{ startsOn: "asc" }, { slug: "asc" }],
    });
    const reports: MeetingRetention[] = [];
    for (const meeting of meetings) {
      const dueDay = retentionDue(meeting, retentionDays).day;
      const counts = isDue(meeting, retentionDays, now)
        ? await anonymizeInTransaction(meeting.id, now, dryRun)
        : null;
      reports.push({ slug: meeting.slug, dueDay, counts });
    }
    return reports;
  });
  return result === "busy" ? { outcome: "busy" } : { outcome: "done", dryRun, meetings: result };
}

/**
 * The dry run does the same work in the same transaction and rolls it back: what it reports is exactly
 * what the real run would do, by construction.
 */
async function anonymizeInTransaction(
  meetingId: string,
  now: Date,
  dryRun: boolean,
): Promise<AnonymizedCounts> {
  try {
    return await db.$transaction(async (tx) => {
      const counts = await anonymizeMeeting(tx, meetingId, now);
      if (dryRun) throw new DryRunRollback(counts);
      return counts;
    }, TRANSACTION);
  } catch (error) {
    if (error instanceof DryRunRollback) return error.counts;
    throw error;
  }
}

/** One line per meeting, counts only, for cron mail and logs. */
export function summaryLine(meeting: MeetingRetention, dryRun: boolean): string {
  if (!meeting.counts) return `${meeting.slug}: kept until ${meeting.dueDay}`;
  const { registrations, emails, links, idempotencyKeys, auditEntries } = meeting.counts;
  if (registrations + emails + links + idempotencyKeys + auditEntries === 0)
    return `${meeting.slug}: anonymized since ${meeting.dueDay}, nothing left to do`;
  const verb = dryRun ? "would anonymize" : "anonymized";
  return (
    `${meeting.slug}: ${verb} ${registrations} registration(s); ${dryRun ? "would delete" : "deleted"} ${emails} email(s), ` +
    `${links} link(s), ${idempotencyKeys} idempotency key(s); ${dryRun ? "would scrub" : "scrubbed"} ${auditEntries} audit entr${auditEntries === 1 ? "y" : "ies"} (due ${meeting.dueDay})`
  );
}
