import type { AppLocale } from "./i18n/locales";
import { formatDateTime } from "./time";

/**
 * What an audit entry changed: the top-level fields whose values differ between the record before and
 * after (a creation has no before, a deletion no after). Values are compared as JSON.
 */
export type FieldChange = { field: string; before: unknown; after: unknown };

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * Fields the log's list of changes leaves out: the record's own keys (the entry names the record), and
 * the conflicts a session was saved with, which the entry shows beside its reason.
 */
const NOT_LISTED = new Set(["id", "meetingId", "acceptedConflicts"]);

export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const from = asRecord(before);
  const to = asRecord(after);
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return (
    fields
      .filter((field) => !NOT_LISTED.has(field))
      // A field that is empty on both sides (absent before a creation, null after it) did not change.
      .filter((field) => JSON.stringify(from[field] ?? null) !== JSON.stringify(to[field] ?? null))
      .map((field) => ({ field, before: from[field], after: to[field] }))
  );
}

/** A value as one line for the log: strings as they are, everything else as JSON, long ones cut. */
export function auditValue(value: unknown, max = 120): string {
  if (value === undefined || value === null) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** What a value of a record needs to be read: the names of the records it refers to, the zone of its times. */
export type AuditReading = {
  locale: AppLocale;
  timeZone: string;
  /** Labels of records by id (a room, a speaker, a city). */
  names: Readonly<Record<string, { label: string }>>;
  yes: string;
  no: string;
};

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/**
 * A value as a reader of the log understands it: ids as the names of their records, instants in the
 * entry's zone, yes/no, lists joined, nested records as their values; "—" for nothing; long text cut.
 */
export function auditText(value: unknown, reading: AuditReading, max = 160): string {
  const text = readable(value, reading);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function readable(value: unknown, reading: AuditReading): string {
  if (value === undefined || value === null || value === "") return "—";
  if (typeof value === "boolean") return value ? reading.yes : reading.no;
  if (typeof value === "string") {
    if (reading.names[value]) return reading.names[value].label;
    if (INSTANT.test(value)) return formatDateTime(value, reading.timeZone, reading.locale);
    return value;
  }
  if (Array.isArray(value))
    return value.length ? value.map((item) => readable(item, reading)).join(", ") : "—";
  if (typeof value === "object")
    return Object.values(value)
      .filter((inner) => inner !== null && inner !== undefined)
      .map((inner) => readable(inner, reading))
      .join(" · ");
  return String(value);
}
