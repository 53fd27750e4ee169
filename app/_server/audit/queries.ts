import "server-only";
import type { ExplainedConflict } from "@/app/_lib/agenda/conflict-sentences";
import type { Conflict } from "@/app/_lib/conflicts";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { may } from "@/app/_lib/roles";
import { HOME_TIME_ZONE } from "@/app/_lib/time";
import { authorize, type Actor } from "../authz";
import { db, type Prisma } from "../db";
import {
  isKind,
  nothingWanted,
  resolveReferences,
  wantReferences,
  type AuditRef,
  type Resolved,
} from "./references";

export type { AuditRef };

export type AuditEntryDto = {
  id: string;
  at: string;
  /** The account as it is now (name and email), or the address the entry kept (a deleted account, the command line). */
  actor: AuditRef;
  actorEmail: string;
  action: string;
  entity: string;
  entityId: string;
  meetingId: string | null;
  /** The zone the entry's time is shown in: its meeting's, else the alliance's home. */
  timeZone: string;
  /** The changed record by its name and page; null when it no longer exists (its before record names it). */
  target: AuditRef | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  /** The scheduling conflicts a session was saved with despite them (the reason says why). */
  acceptedConflicts: ExplainedConflict[];
};

/** A page of the log, with the names of the records its before/after values refer to, by id. */
export type AuditPage = { entries: AuditEntryDto[]; more: boolean; names: Record<string, AuditRef> };
export type AuditFilter = { meetingSlug?: string; action?: string };

const AUDIT_PAGE_SIZE = 50;

/**
 * Who has which account and role is the admins' business, and so are the account emails (invitations,
 * password resets) sent to them: their retries name the kind, which the outbox hides from the others too.
 */
function visibleTo(actor: Actor): Prisma.AuditEntryWhereInput {
  if (may(actor.role, "manageAccounts")) return {};
  return {
    NOT: [
      { entity: "User" },
      { entity: "OutboxEmail", after: { path: ["kind"], string_starts_with: "account." } },
    ],
  };
}

/** A city's quota is recorded as "<meetingId>:<cityId>" (app/_server/desk/quotas.ts): the log names the city. */
const quotaCity = (entityId: string) => entityId.slice(entityId.indexOf(":") + 1);

/** What a session's audit entry says it was saved despite (app/_server/agenda/mutations.ts). */
function conflictsOf(after: unknown): Conflict[] {
  const value =
    after && typeof after === "object" && "acceptedConflicts" in after ? after.acceptedConflicts : null;
  return Array.isArray(value) ? (value as Conflict[]) : [];
}

function explained(conflicts: Conflict[], resolved: Resolved): ExplainedConflict[] {
  return conflicts.map((conflict) => {
    if (conflict.kind !== "room" && conflict.kind !== "person") return conflict;
    const withTitle = resolved.sessionTitles.get(conflict.with.id);
    const person = conflict.kind === "person" ? resolved.people.get(conflict.personId) : undefined;
    return { ...conflict, ...(withTitle && { withTitle }), ...(person && { person }) };
  });
}

/**
 * Newest first, a page at a time: `olderThan` is the id of the last entry of the previous page. Each
 * entry comes with who made it, what it changed and what it refers to, by name in `locale`.
 */
export async function listAuditEntries(
  actor: Actor | null,
  filter: AuditFilter,
  olderThan?: string,
  locale: AppLocale = "de",
): Promise<AuditPage> {
  authorize(actor, "readAudit");
  const meeting = filter.meetingSlug
    ? await db.meeting.findUnique({ where: { slug: filter.meetingSlug }, select: { id: true } })
    : undefined;
  if (meeting === null) return { entries: [], more: false, names: {} };
  const rows = await db.auditEntry.findMany({
    where: {
      meetingId: meeting?.id,
      action: filter.action ? { startsWith: filter.action } : undefined,
      ...visibleTo(actor),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
    ...(olderThan && { cursor: { id: olderThan }, skip: 1 }),
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const wanted = nothingWanted();
  for (const row of page) {
    if (isKind(row.entity)) wanted[row.entity].add(row.entityId);
    if (row.entity === "CityQuota") wanted.City.add(quotaCity(row.entityId));
    if (row.meetingId) wanted.Meeting.add(row.meetingId);
    if (row.actorId) wanted.User.add(row.actorId);
    wantReferences(wanted, row.before);
    wantReferences(wanted, row.after);
  }
  const resolved = await resolveReferences(wanted, locale, may(actor.role, "manageAccounts"));
  return {
    more: rows.length > AUDIT_PAGE_SIZE,
    names: Object.fromEntries(resolved.refs),
    entries: page.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actor: (row.actorId && resolved.refs.get(row.actorId)) || { label: row.actorEmail, href: null },
      actorEmail: row.actorEmail,
      action: row.action,
      entity: row.entity,
      entityId: row.entityId,
      meetingId: row.meetingId,
      timeZone: (row.meetingId && resolved.meetingZones.get(row.meetingId)) || HOME_TIME_ZONE,
      target: resolved.refs.get(row.entity === "CityQuota" ? quotaCity(row.entityId) : row.entityId) ?? null,
      before: row.before,
      after: row.after,
      reason: row.reason,
      acceptedConflicts: explained(conflictsOf(row.after), resolved),
    })),
  };
}

/** The meetings the log can be narrowed to. */
export async function auditMeetingOptions(actor: Actor | null): Promise<{ slug: string; title: string }[]> {
  authorize(actor, "readAudit");
  const meetings = await db.meeting.findMany({
    orderBy: { startsOn: "desc" },
    select: { slug: true, titleDe: true },
  });
  return meetings.map((meeting) => ({ slug: meeting.slug, title: meeting.titleDe }));
}
