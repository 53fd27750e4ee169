import "server-only";
import { db } from "../db";

/**
 * A registration's history as the desk shows it: its creation, every audited change by an organizer,
 * every email it was sent (with the state of sending) and the check-in, merged by time. Changes the
 * delegate made on the manage page leave no audit entry; their emails ("changed", "cancelled") show them.
 */

export type HistoryEntry =
  | { type: "created"; at: string }
  | { type: "audit"; at: string; action: string; actorEmail: string; before: unknown; after: unknown }
  | {
      type: "email";
      at: string;
      kind: string;
      /** As the delegate reads it: what tells one message to the delegates from another. */
      subject: string;
      status: "queued" | "sent" | "failed";
      emailId: string;
    }
  | { type: "checkIn"; at: string; staffEmail: string };

/** Oldest first; at equal times creation comes first and the check-in last, as they happened. */
const order: Record<HistoryEntry["type"], number> = { created: 0, audit: 1, email: 2, checkIn: 3 };

export async function registrationHistory(
  registrationId: string,
  createdAt: string,
  checkIn: { at: string; staffEmail: string } | null,
): Promise<HistoryEntry[]> {
  const [audits, emails] = await Promise.all([
    db.auditEntry.findMany({
      // The check-in also leaves an audit entry; its line is the CheckIn row's (passed in), shown once.
      where: { entity: "Registration", entityId: registrationId, action: { not: "registration.checkIn" } },
      select: { at: true, action: true, actorEmail: true, before: true, after: true },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    }),
    db.outboxEmail.findMany({
      where: { registrationId },
      select: { id: true, createdAt: true, kind: true, subject: true, status: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const entries: HistoryEntry[] = [
    { type: "created", at: createdAt },
    ...audits.map((entry) => ({
      type: "audit" as const,
      at: entry.at.toISOString(),
      action: entry.action,
      actorEmail: entry.actorEmail,
      before: entry.before,
      after: entry.after,
    })),
    ...emails.map((email) => ({
      type: "email" as const,
      at: email.createdAt.toISOString(),
      kind: email.kind,
      subject: email.subject,
      status: email.status,
      emailId: email.id,
    })),
    ...(checkIn ? [{ type: "checkIn" as const, ...checkIn }] : []),
  ];
  // A stable sort keeps each source's own order at equal times.
  return entries.sort((a, b) => a.at.localeCompare(b.at) || order[a.type] - order[b.type]);
}
