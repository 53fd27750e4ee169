import "server-only";
import { Prisma } from "../generated/prisma/client";

type Tx = Prisma.TransactionClient;

/**
 * What of a registration's audit record (before/after JSON) survives anonymization: the keys below,
 * which describe what happened (status, role, city, seats, emails by kind), never who it was. Every
 * other key keeps its place with the value null, so the log still shows that, say, the name was
 * changed, but no longer to what. A list of what may stay rather than of what must go: a field added to
 * the desk later is removed until someone decides it is harmless.
 *
 * `staffEmail` (check-in) names the organizer's staff member, not the delegate; it stays, as the
 * entry's `actorEmail` does, for the organizers' accountability.
 */
const KEPT_KEYS = new Set([
  "status",
  "role",
  "cityId",
  "language",
  "interpretation",
  "nameOrder",
  "seats",
  "sessionId",
  "sessionIds",
  "seat",
  "waitlistNumber",
  "seatsTaken",
  "capacity",
  "added",
  "released",
  "releasedSessionIds",
  "kind",
  "emailId",
  "at",
  "staffEmail",
]);

export function scrubAuditRecord(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrubAuditRecord);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, KEPT_KEYS.has(key) ? scrubAuditRecord(inner) : null]),
    );
  }
  return value;
}

/**
 * Scrubs the audit records of one registration (its delegate deleted it), or of every registration entry
 * of a meeting (retention: also those of registrations deleted before the fix that scrubs on deletion).
 * Counts the entries that changed; scrubbed ones do not change again.
 */
export async function scrubRegistrationAudit(
  tx: Tx,
  scope: { meetingId: string } | { registrationId: string },
): Promise<number> {
  const entries = await tx.auditEntry.findMany({
    where: {
      entity: "Registration",
      ...("meetingId" in scope ? { meetingId: scope.meetingId } : { entityId: scope.registrationId }),
    },
    select: { id: true, before: true, after: true },
    orderBy: { id: "asc" },
  });
  let changed = 0;
  for (const entry of entries) {
    const before = scrubAuditRecord(entry.before);
    const after = scrubAuditRecord(entry.after);
    if (
      JSON.stringify(before) === JSON.stringify(entry.before) &&
      JSON.stringify(after) === JSON.stringify(entry.after)
    )
      continue;
    await tx.auditEntry.update({
      where: { id: entry.id },
      data: { before: asJson(before), after: asJson(after) },
    });
    changed++;
  }
  return changed;
}

/** A record that was null stays SQL NULL (not the JSON value null), as recordAudit writes it. */
function asJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === null || value === undefined ? Prisma.DbNull : (value as Prisma.InputJsonValue);
}
