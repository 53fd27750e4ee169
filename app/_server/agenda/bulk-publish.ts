import "server-only";
import { translatedFields, translationsOf, type Translations } from "@/app/_lib/i18n/localized";
import { RECORD_ID } from "@/app/_lib/ids";
import { authorize, type Actor } from "../authz";
import { db } from "../db";
import { AppError, invalid } from "../errors";
import { findAdminMeeting, type SessionConflict } from "./schedule";
import { publishSession } from "./status-mutations";

/**
 * Publishing several drafts of the program at once, or all of them. Each is published as "Publish" in
 * the editor does it, in its own transaction with its own audit entry and the conflict check run again:
 * drafts without conflicts are published, drafts with conflicts only with a reason for each, and the
 * answer names every one of them, so that nothing is published half-way without a word. Two organizers
 * publishing the same drafts at once publish each one once: the second finds it published.
 */

export type BulkPublishInput = {
  /** The chosen drafts, or "all": every draft of the meeting at this moment. */
  sessionIds: readonly string[] | "all";
  /** Reasons for publishing despite conflicts, by session id; blank ones count as none. */
  reasons?: Readonly<Record<string, string | undefined>>;
};

export type HeldBack = { id: string; title: Translations; conflicts: SessionConflict[] };

export type BulkPublishResult = {
  published: string[];
  /** Published with a reason for their conflicts (also in `published`). */
  withReason: string[];
  /** Published already, by someone else meanwhile, or no longer drafts: left as they are. */
  unchanged: string[];
  /** Not published: conflicts and no reason yet, in the program's order. */
  heldBack: HeldBack[];
};

const MAX_SESSIONS = 500;

export async function publishDrafts(
  actor: Actor | null,
  meetingSlug: string,
  input: BulkPublishInput,
): Promise<BulkPublishResult> {
  authorize(actor, "editProgram");
  const meeting = await findAdminMeeting(db, meetingSlug);
  const chosen = input.sessionIds === "all" ? null : [...new Set(input.sessionIds)];
  if (
    chosen &&
    (chosen.length === 0 || chosen.length > MAX_SESSIONS || !chosen.every((id) => RECORD_ID.test(id)))
  )
    throw invalid({ sessionIds: { key: chosen.length === 0 ? "required" : "invalidChoice" } });
  const sessions = await db.session.findMany({
    where: { meetingId: meeting.id, ...(chosen ? { id: { in: chosen } } : { status: "draft" }) },
    orderBy: [{ startsAt: "asc" }, { slug: "asc" }],
    select: { id: true, ...translatedFields("title") },
  });
  if (chosen && sessions.length !== chosen.length) throw invalid({ sessionIds: { key: "invalidChoice" } });

  const result: BulkPublishResult = { published: [], withReason: [], unchanged: [], heldBack: [] };
  for (const session of sessions) {
    try {
      const change = await publishSession(actor, meetingSlug, session.id, {
        reason: input.reasons?.[session.id] ?? null,
        onlyFrom: "draft",
      });
      if (!change.changed) result.unchanged.push(session.id);
      else {
        result.published.push(session.id);
        if (change.conflictNote) result.withReason.push(session.id);
      }
    } catch (error) {
      if (!(error instanceof AppError && error.code === "conflict")) throw error;
      result.heldBack.push({
        id: session.id,
        title: translationsOf(session, "title"),
        conflicts: error.details.conflicts as SessionConflict[],
      });
    }
  }
  return result;
}
