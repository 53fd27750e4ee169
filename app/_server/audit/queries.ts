import "server-only";
import { may } from "@/app/_lib/roles";
import { authorize, type Actor } from "../authz";
import { db, type Prisma } from "../db";

export type AuditEntryDto = {
  id: string;
  at: string;
  actorEmail: string;
  action: string;
  entity: string;
  entityId: string;
  meetingId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
};

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

/** Newest first, a page at a time: `olderThan` is the id of the last entry of the previous page. */
export async function listAuditEntries(
  actor: Actor | null,
  filter: AuditFilter,
  olderThan?: string,
): Promise<{ entries: AuditEntryDto[]; more: boolean }> {
  authorize(actor, "readAudit");
  const meeting = filter.meetingSlug
    ? await db.meeting.findUnique({ where: { slug: filter.meetingSlug }, select: { id: true } })
    : undefined;
  if (meeting === null) return { entries: [], more: false };
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
  return {
    more: rows.length > AUDIT_PAGE_SIZE,
    entries: rows
      .slice(0, AUDIT_PAGE_SIZE)
      .map((row) => ({ ...row, at: row.at.toISOString(), before: row.before, after: row.after })),
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
