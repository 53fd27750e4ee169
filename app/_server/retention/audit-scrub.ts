import "server-only";

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
