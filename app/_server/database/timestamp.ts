/**
 * An instant as text for a `timestamp(3)` column in raw SQL. The columns hold UTC wall time without a zone
 * (Prisma's convention); a typed timestamptz parameter, or PostgreSQL's own now(), would be taken in the
 * database session's time zone instead.
 */
export function timestampText(instant: Date): string {
  return instant.toISOString().replace("T", " ").replace("Z", "");
}
