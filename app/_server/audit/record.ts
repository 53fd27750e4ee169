import "server-only";
import type { Actor } from "../authz";
import type { Prisma } from "../db";

/** A transaction client or the client itself: audit entries are written in the change's transaction. */
type Writer = Pick<Prisma.TransactionClient, "auditEntry">;

export type AuditChange = {
  /** What happened, "<entity>.<verb>", e.g. "session.update". */
  action: string;
  entity: string;
  entityId: string;
  meetingId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Why it was saved despite a warning. */
  reason?: string | null;
};

/** Who made a change: a signed-in organizer, or a system actor without an account (id null). */
export type AuditActor = Pick<Actor, "email"> & { id: string | null };

/** Changes made with `npm run admin:create`, which has no signed-in organizer behind it. */
export const COMMAND_LINE_ACTOR: AuditActor = { id: null, email: "command line" };

/**
 * Records a change in the same transaction as the change itself, so there is no change without its
 * entry. Records are stored as JSON (dates as ISO strings); secrets never go in (callers leave out
 * password hashes and tokens).
 */
export async function recordAudit(writer: Writer, actor: AuditActor, change: AuditChange): Promise<void> {
  await writer.auditEntry.create({
    data: {
      actorId: actor.id,
      actorEmail: actor.email,
      action: change.action,
      entity: change.entity,
      entityId: change.entityId,
      meetingId: change.meetingId ?? null,
      before: asJson(change.before),
      after: asJson(change.after),
      reason: change.reason ?? null,
    },
  });
}

function asJson(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined || value === null
    ? undefined
    : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}
