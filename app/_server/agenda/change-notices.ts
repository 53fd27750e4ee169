import "server-only";
import { recordAudit } from "../audit/record";
import type { Actor } from "../authz";
import type { Prisma } from "../db";
import { invalid } from "../errors";
import { queueSessionNotices, type NoticeOutcome } from "../registration/emails/session-notice/queue";
import type { SessionRecord } from "./session-records";

/**
 * Telling a session's delegates of a change of its time, room or status (README "Change notices"), in the
 * transaction of the change, on the session's locked row. The organizer may choose not to tell them,
 * with a reason that the audit log keeps.
 */

/** The organizer's choice, from the editor or a status action: tell (the default), or not and why. */
export type NoticeDecision = { withhold?: boolean; reason?: string | null };

type Tx = Prisma.TransactionClient;
type State = Pick<SessionRecord, "startsAt" | "endsAt" | "roomId" | "status">;

const stateOf = ({ startsAt, endsAt, roomId, status }: State): State => ({
  startsAt,
  endsAt,
  roomId,
  status,
});

/**
 * Queues or updates the notices of the change from `before` to `after`. Withholding a notice that would
 * reach anyone needs a reason (`invalid` at `noticeReason` otherwise, and nothing of the change is saved).
 */
export async function noticeSessionChange(
  tx: Tx,
  actor: Actor,
  before: State & Pick<SessionRecord, "id" | "meetingId" | "titleDe" | "firstPublishedAt">,
  after: State,
  decision: NoticeDecision = {},
): Promise<NoticeOutcome> {
  // A session never published reached no delegate's program: its first publication is no change to tell.
  if (before.firstPublishedAt === null) return { told: 0, withheld: 0 };
  const withhold = decision.withhold ?? false;
  const outcome = await queueSessionNotices(tx, {
    sessionId: before.id,
    before: stateOf(before),
    after: stateOf(after),
    withhold,
  });
  if (outcome.withheld > 0) {
    const reason = decision.reason?.trim();
    if (!reason) throw invalid({ noticeReason: { key: "noticeReasonRequired" } });
    await recordAudit(tx, actor, {
      action: "session.noticeWithheld",
      entity: "Session",
      entityId: before.id,
      meetingId: before.meetingId,
      // The title names the session in the audit log once it is gone.
      before: { titleDe: before.titleDe, ...stateOf(before) },
      after: { ...stateOf(after), delegatesNotTold: outcome.withheld },
      reason,
    });
  }
  return outcome;
}
